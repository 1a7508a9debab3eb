// "batchlint: Split File…" and the quick fix that offers it on `too_many_tasks` and
// `file_too_large`: cuts the file on disk into parts within its provider's limits (the Batch
// API's 50,000 requests and 200 MB, Anthropic's 100,000 requests, …; one url and one model each),
// written beside it as FILE.part-K.jsonl.

import * as vscode from 'vscode';
import { LineTooLarge, splitFile } from '../../../server/src/core/split';
import type { SplitOutcome } from '../../../server/src/core/split';
import { openDestination } from '../../../server/src/cli/output';
import { Commands, SOURCE } from '../../../server/src/protocol';
import { basename } from './results-view';

/** The problems a split repairs. */
const SPLIT_CODES = new Set(['too_many_tasks', 'file_too_large']);

export class SplitActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const over = context.diagnostics.filter(
      (d) => d.source === SOURCE && SPLIT_CODES.has(codeOf(d) ?? ''),
    );
    if (over.length === 0 || document.uri.scheme !== 'file') return [];
    const action = new vscode.CodeAction('Split file…', vscode.CodeActionKind.QuickFix);
    action.diagnostics = over;
    action.command = {
      title: 'Split file…',
      command: Commands.splitFile,
      arguments: [document.uri],
    };
    return [action];
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return c === undefined ? undefined : typeof c === 'object' ? String(c.value) : String(c);
}

/** Splits `target` (the active editor's file by default); returns what was written. */
export async function splitFileCommand(target?: vscode.Uri): Promise<SplitOutcome | undefined> {
  const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (!uri || uri.scheme !== 'file') {
    void vscode.window.showWarningMessage(
      "batchlint: split works on a file on this machine's disk.",
    );
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) {
    const choice = await vscode.window.showWarningMessage(
      `batchlint: ${basename(uri)} has unsaved changes; the file on disk is what is split.`,
      'Save and Split',
    );
    if (choice !== 'Save and Split' || !(await open.save())) return undefined;
  }
  const path = uri.fsPath;
  try {
    const outcome = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `batchlint: splitting ${basename(uri)}`,
      },
      () =>
        splitFile(path, (part) =>
          openDestination({ file: path, output: part, write: false, exclusive: true }),
        ),
    );
    if (outcome.parts.length === 0) {
      void vscode.window.showInformationMessage(
        `batchlint: ${basename(uri)} is within the limits with one url and one model: nothing to split.`,
      );
      return outcome;
    }
    const parts = outcome.parts
      .map(
        (p) =>
          `${basename(vscode.Uri.file(p.path))} (${p.requests.toLocaleString('en-US')} requests)`,
      )
      .join(', ');
    void vscode.window
      .showInformationMessage(
        `batchlint: wrote ${outcome.parts.length} parts: ${parts}.`,
        'Open Part 1',
      )
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(vscode.Uri.file(outcome.parts[0]!.path));
      });
    return outcome;
  } catch (error) {
    const reason =
      error instanceof LineTooLarge || error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`batchlint: cannot split ${basename(uri)}: ${reason}`);
    return undefined;
  }
}
