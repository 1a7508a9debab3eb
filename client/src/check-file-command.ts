// "batchlint: Check File on Disk…": streams a file through the server, for files too large for
// the editor to hand over (VS Code gives extensions at most 50 MB; the Batch API takes 200 MB).
// It checks the file given (the explorer's selection), else the active editor's file, else one
// picked. The check shows progress and can be cancelled; once done, its safe fixes can be
// written to `NAME.fixed.jsonl` beside the file, or over the file itself (which no Undo reverts).

import * as vscode from 'vscode';
import { WorkDoneProgress } from 'vscode-languageclient/node';
import type {
  BaseLanguageClient as LanguageClient,
  WorkDoneProgressReport,
} from 'vscode-languageclient';
import { Commands, Methods } from '../../server/src/protocol';
import { plural } from '../../server/src/core/words';
import type {
  CheckFileParams,
  CheckFileResult,
  FixFileParams,
  FixFileResult,
} from '../../server/src/protocol';

let tokens = 0;

async function pickFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Check',
    filters: { 'Batch input (JSONL)': ['jsonl'], 'All files': ['*'] },
  });
  return picked?.[0];
}

/** The file of the active tab (a text editor, or the placeholder VS Code shows for a huge file). */
export function activeFile(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  const uri = input instanceof vscode.TabInputText ? input.uri : undefined;
  return uri?.scheme === 'file' ? uri : vscode.window.activeTextEditor?.document.uri;
}

const nameOf = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

export async function checkFileOnDisk(
  client: LanguageClient,
  target?: vscode.Uri,
): Promise<CheckFileResult | undefined> {
  const uri = target instanceof vscode.Uri ? target : (activeFile() ?? (await pickFile()));
  if (!uri) return undefined;
  if (uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(
      "batchlint: only files on this machine's disk can be checked this way.",
    );
    return undefined;
  }
  const name = nameOf(uri);
  const token = `batchlint-check-${tokens++}`;
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `batchlint: checking ${name} from disk`,
        cancellable: true,
      },
      async (progress, cancel) => {
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
          return await client.sendRequest<CheckFileResult>(Methods.checkFile, params, cancel);
        } finally {
          listener.dispose();
        }
      },
    );
    const problems =
      result.errors + result.warnings === 0
        ? 'no problems'
        : `${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}`;
    const message = `batchlint: ${name}: ${plural(result.requests, 'request')}, ${problems}.`;
    const actions = ['Show Problems', ...(result.errors + result.warnings > 0 ? [FIX_COPY] : [])];
    void vscode.window.showInformationMessage(message, ...actions).then((choice) => {
      if (choice === 'Show Problems')
        void vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === FIX_COPY) void fixFileOnDisk(client, uri);
    });
    return result;
  } catch (error) {
    if (error instanceof vscode.CancellationError || isCancelled(error)) {
      void vscode.window.showInformationMessage(`batchlint: the check of ${name} was cancelled.`);
      return undefined;
    }
    void vscode.window.showErrorMessage(
      `batchlint: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

const FIX_COPY = 'Write Safe Fixes…';

function isCancelled(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === -32800
  );
}

/**
 * "batchlint: Fix File on Disk…": writes the file's safe fixes (those `batchlint fix` applies)
 * to `NAME.fixed.jsonl`, or over the file once the user has read that no Undo reverts it.
 */
export async function fixFileOnDisk(
  client: LanguageClient,
  target?: vscode.Uri,
  choice?: 'copy' | 'inPlace',
): Promise<FixFileResult | undefined> {
  const uri = target instanceof vscode.Uri ? target : activeFile();
  if (!uri || uri.scheme !== 'file') return undefined;
  const name = nameOf(uri);
  const copy = `Write ${name.replace(/\.jsonl$/i, '')}.fixed.jsonl`;
  const inPlace = 'Rewrite the File';
  const picked =
    choice === 'copy'
      ? copy
      : choice === 'inPlace'
        ? inPlace
        : await vscode.window.showInformationMessage(
            `batchlint: apply the safe fixes of ${name}? They are streamed from disk into a new file beside it, or over the file itself: that cannot be undone with Undo.`,
            { modal: true },
            copy,
            inPlace,
          );
  if (!picked) return undefined;
  const params: FixFileParams = { uri: uri.toString(), inPlace: picked === inPlace };
  try {
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `batchlint: fixing ${name}`,
        cancellable: true,
      },
      (_progress, cancel) => client.sendRequest<FixFileResult>(Methods.fixFile, params, cancel),
    );
    const written = vscode.Uri.parse(result.uri);
    const left =
      result.errors > 0 ? ` ${plural(result.errors, 'error')} left need a decision.` : '';
    void vscode.window
      .showInformationMessage(
        `batchlint: ${plural(result.applied, 'fix')} applied, written to ${nameOf(written)}.${left}`,
        'Check It',
      )
      .then((go) => {
        if (go) void vscode.commands.executeCommand(Commands.checkFileOnDisk, written);
      });
    return result;
  } catch (error) {
    if (error instanceof vscode.CancellationError || isCancelled(error)) return undefined;
    void vscode.window.showErrorMessage(
      `batchlint: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}
