// "batchlint: Check File on Disk…": streams a file through the server (for files too large for
// the editor to open: VS Code hands extensions at most 50 MB, the Batch API takes 200 MB).
// The server reports progress on a token we pass, shown here as a notification.

import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import type {
  BaseLanguageClient as LanguageClient,
  WorkDoneProgressReport,
} from 'vscode-languageclient';
import { Methods } from '../../server/src/protocol';
import type { CheckFileParams, CheckFileResult } from '../../server/src/protocol';

let tokens = 0;

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Check',
    filters: { 'Batch input (JSONL)': ['jsonl'], 'All files': ['*'] },
  });
  return picked?.[0];
}

export async function checkFileOnDisk(
  client: LanguageClient,
  target?: vscode.Uri,
): Promise<CheckFileResult | undefined> {
  const uri = target instanceof vscode.Uri ? target : await pickFile();
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(
      "batchlint: only files on this machine's disk can be checked this way.",
    );
    return undefined;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const token = `batchlint-check-${Date.now()}-${tokens++}`;
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `batchlint: checking ${name}` },
      async (progress) => {
        let shown = 0;
        const listener = client.onProgress(WorkDoneProgress.type, token, (value) => {
          if (value.kind !== 'report') return;
          const report = value as WorkDoneProgressReport;
          const percent = report.percentage ?? shown;
          progress.report({ increment: Math.max(0, percent - shown), message: report.message });
          shown = Math.max(shown, percent);
        });
        try {
          const params: CheckFileParams & { workDoneToken: string } = {
            uri: uri.toString(),
            workDoneToken: token,
          };
          return await client.sendRequest<CheckFileResult>(Methods.checkFile, params);
        } finally {
          listener.dispose();
        }
      },
    );
    const problems =
      result.errors + result.warnings === 0
        ? 'no problems'
        : `${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
    const message = `batchlint: ${name}: ${result.requests.toLocaleString('en-US')} requests, ${problems}.`;
    void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(
      `batchlint: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
