// "batchlint: Show Batch Results…": reads a finished batch's output and error files (and its
// batch object) and shows them on the input document. Files named like the API's downloads
// (`batch_…_output.jsonl`, `batch_…_error.jsonl`) beside the input are offered first.

import * as vscode from 'vscode';
import { batchCost, costText, outcomeText, readResults } from '../../../server/src/core/results';
import type { ResultsSummary } from '../../../server/src/core/results';
import { Commands } from '../../../server/src/protocol';
import { basename } from './results-view';
import type { ResultsView } from './results-view';

/** The API's download names for a batch's output and error files. */
const API_RESULT_NAME = /_(output|error)\.jsonl$/i;
/** Other names that look like results, offered but not preselected. */
const RESULT_LIKE = /(output|error|result)s?[^/]*\.jsonl$/i;
/** A saved batch object (`GET /v1/batches/{id}`). */
const BATCH_OBJECT = /^batch[^/]*\.json$/i;

interface Candidate extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

/** Asks for the result files; undefined when the user cancels. */
async function pickResultFiles(input: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  const folder = vscode.Uri.joinPath(input, '..');
  let entries: [string, vscode.FileType][] = [];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    // A folder we cannot list: the open dialog still works.
  }
  const inputName = basename(input);
  const candidates: Candidate[] = entries
    .filter(([name, type]) => type === vscode.FileType.File && name !== inputName)
    .filter(([name]) => RESULT_LIKE.test(name) || BATCH_OBJECT.test(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name]) => ({
      label: name,
      description: BATCH_OBJECT.test(name) ? 'batch object' : 'result file',
      picked: API_RESULT_NAME.test(name),
      uri: vscode.Uri.joinPath(folder, name),
    }));
  const browse: Candidate = { label: 'Browse…', alwaysShow: true };
  if (candidates.length > 0) {
    const picked = await vscode.window.showQuickPick([...candidates, browse], {
      canPickMany: true,
      title: `batchlint: results of ${inputName}`,
      placeHolder: 'The output and error files of the batch (and its batch object, if saved)',
    });
    if (!picked) return undefined;
    const chosen = picked.flatMap((c) => (c.uri ? [c.uri] : []));
    if (!picked.includes(browse) && chosen.length > 0) return chosen;
    const more = await browseFor(folder);
    return more ? [...chosen, ...more] : chosen.length > 0 ? chosen : undefined;
  }
  return browseFor(folder);
}

function browseFor(folder: vscode.Uri): Thenable<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectMany: true,
    defaultUri: folder,
    openLabel: 'Show Results',
    filters: {
      'Batch results (JSONL), batch object (JSON)': ['jsonl', 'json'],
      'All files': ['*'],
    },
  });
}

/**
 * Shows the results on `input` (the active editor's document by default). `files` skips the
 * picker: .json files are taken as the batch object, the others as output or error files.
 * Returns the summary, or undefined when nothing was shown.
 */
export async function showBatchResults(
  view: ResultsView,
  input?: vscode.Uri,
  files?: vscode.Uri[],
): Promise<ResultsSummary | undefined> {
  const target = input instanceof vscode.Uri ? input : vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showWarningMessage('batchlint: open the batch input file first.');
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(target);
  const chosen = Array.isArray(files) ? files : await pickResultFiles(target);
  if (!chosen || chosen.length === 0) return undefined;
  if (chosen.some((uri) => uri.scheme !== 'file')) {
    void vscode.window.showWarningMessage(
      "batchlint: result files must be on this machine's disk.",
    );
    return undefined;
  }
  const batchFile = chosen.find((uri) => uri.path.toLowerCase().endsWith('.json'));
  const resultFiles = chosen.filter((uri) => uri !== batchFile);
  try {
    const index = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'batchlint: reading the results' },
      () =>
        readResults({
          resultFiles: resultFiles.map((uri) => uri.fsPath),
          names: resultFiles.map(basename),
          ...(batchFile && { batchFile: batchFile.fsPath }),
        }),
    );
    const { summary } = view.show(document, index, resultFiles, batchFile);
    announce(document.uri, summary);
    return summary;
  } catch (error) {
    void vscode.window.showErrorMessage(
      `batchlint: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
}

/** The summary notification, with the next steps as buttons. */
function announce(input: vscode.Uri, summary: ResultsSummary): void {
  const cost = batchCost(summary.usageByModel);
  const toRetry =
    summary.failed + summary.expired + summary.cancelled + summary.timedOut + summary.missing;
  const message =
    `batchlint: ${basename(input)}: ${summary.requests.toLocaleString('en-US')} requests: ${outcomeText(summary)}. ` +
    `Tokens: ${summary.usage.input.toLocaleString('en-US')} in, ${summary.usage.output.toLocaleString('en-US')} out; cost ${costText(cost)}.`;
  const actions = toRetry > 0 ? ['Extract Requests to Retry…', 'Clear Results'] : ['Clear Results'];
  void vscode.window.showInformationMessage(message, ...actions).then((choice) => {
    if (choice === 'Extract Requests to Retry…')
      void vscode.commands.executeCommand(Commands.extractRetry, input);
    else if (choice === 'Clear Results')
      void vscode.commands.executeCommand(Commands.clearBatchResults, input);
  });
}
