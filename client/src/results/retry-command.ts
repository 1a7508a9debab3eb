// "batchlint: Extract Requests to Retry…": writes the input lines whose requests failed, expired,
// were cancelled or have no result, in input order, to a new file. A document saved on disk is
// copied byte for byte from the file; one with unsaved edits from the editor's text (so fixes
// made since are sent), each line with the document's line ending.

import * as vscode from 'vscode';
import { matchInputFile } from '../../../server/src/core/results';
import { drained } from '../../../server/src/core/drain';
import { openDestination } from '../../../server/src/cli/output';
import type { Destination } from '../../../server/src/cli/output';
import type { ResultsView } from './results-view';
import { basename } from './results-view';

export interface RetryOutcome {
  uri: vscode.Uri;
  lines: number;
}

/** Writes the retry file for `input` to `target` (asked for when absent). */
export async function extractRetry(
  view: ResultsView,
  input?: vscode.Uri,
  target?: vscode.Uri,
): Promise<RetryOutcome | undefined> {
  const uri = input instanceof vscode.Uri ? input : vscode.window.activeTextEditor?.document.uri;
  const attached = uri && view.get(uri);
  if (!uri || !attached) {
    void vscode.window.showWarningMessage(
      'batchlint: show the batch results on the input file first (batchlint: Show Batch Results…).',
    );
    return undefined;
  }
  const stem = basename(uri).replace(/\.jsonl$/i, '');
  const destination =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          defaultUri: vscode.Uri.joinPath(uri, '..', `${stem}.retry.jsonl`),
          filters: { 'Batch input (JSONL)': ['jsonl'] },
          saveLabel: 'Write Requests to Retry',
        });
  if (!destination) return undefined;
  if (destination.scheme !== 'file') {
    void vscode.window.showWarningMessage(
      "batchlint: the retry file must be on this machine's disk.",
    );
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  let out: Destination | undefined;
  let lines = 0;
  try {
    // Never one of the files read: the input, a results file, the batch object.
    const reads = [...attached.resultFiles, ...(attached.batchFile ? [attached.batchFile] : [])]
      .filter((file) => file.scheme === 'file')
      .map((file) => ({ path: file.fsPath, role: 'a results file shown on the input' }));
    out = openDestination({
      file: uri.scheme === 'file' ? uri.fsPath : '-',
      output: destination.fsPath,
      write: false,
      reads,
      outputName: 'the retry file',
      instead: 'choose a new file',
    });
    const stream = out.stream;
    if (uri.scheme === 'file' && !document.isDirty) {
      await matchInputFile(uri.fsPath, attached.index, {
        onRetryLine: (raw) => {
          lines++;
          stream.write(raw);
        },
        afterChunk: () => drained(stream),
      });
    } else {
      // The text as it is now, matched afresh (the shown problems may lag an edit behind).
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const pass = attached.index.matchInput(basename(uri));
      for (let line = 0; line < document.lineCount; line++) {
        const text = document.lineAt(line).text;
        if (!pass.line(line, text).retry) continue;
        lines++;
        stream.write(text + (line === document.lineCount - 1 ? '' : eol));
      }
    }
    await out.commit();
  } catch (error) {
    out?.abort();
    void vscode.window.showErrorMessage(
      `batchlint: cannot write ${destination.fsPath}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  void vscode.window
    .showInformationMessage(
      `batchlint: wrote ${lines.toLocaleString('en-US')} request${lines === 1 ? '' : 's'} to retry to ${basename(destination)}.`,
      'Open',
    )
    .then((choice) => {
      if (choice) void vscode.window.showTextDocument(destination);
    });
  return { uri: destination, lines };
}
