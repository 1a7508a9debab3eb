// The results and splitting features of the VS Code extension, registered as one unit: the
// commands, the result hover and the "Split file…" quick fix. Everything that reads batches
// lives in the core; these files only connect it to the editor.

import * as vscode from 'vscode';
import { Commands } from '../../../server/src/protocol';
import { ResultHoverProvider } from './result-hover';
import { ResultsView } from './results-view';
import { extractRetry } from './retry-command';
import { showBatchResults } from './show-results-command';
import { splitFileCommand, SplitActionProvider } from './split-command';

/** Registers everything; the returned disposables belong in the extension's subscriptions. */
export function registerResults(): vscode.Disposable[] {
  const view = new ResultsView();
  const files: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];
  return [
    view,
    vscode.commands.registerCommand(
      Commands.showBatchResults,
      (input?: vscode.Uri, resultFiles?: vscode.Uri[]) =>
        showBatchResults(view, input, resultFiles),
    ),
    vscode.commands.registerCommand(Commands.clearBatchResults, (input?: vscode.Uri) =>
      view.clear(input instanceof vscode.Uri ? input : undefined),
    ),
    vscode.commands.registerCommand(
      Commands.extractRetry,
      (input?: vscode.Uri, target?: vscode.Uri) => extractRetry(view, input, target),
    ),
    vscode.commands.registerCommand(Commands.splitFile, (target?: vscode.Uri) =>
      splitFileCommand(target),
    ),
    vscode.languages.registerHoverProvider(files, new ResultHoverProvider(view)),
    vscode.languages.registerCodeActionsProvider(files, new SplitActionProvider(), {
      providedCodeActionKinds: SplitActionProvider.kinds,
    }),
  ];
}
