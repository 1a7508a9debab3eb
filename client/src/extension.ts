// The VS Code side of batchlint: starts the language server, registers the commands and the
// status bar item. Everything that understands batch files lives in the server; this file only
// connects editor UI to it.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, Methods } from '../../server/src/protocol';
import type { DocumentSummary } from '../../server/src/protocol';
import { checkFileOnDisk } from './check-file-command';
import { convertToResponses } from './convert-command';
import { createClient } from './language-client';
import { BatchStatusBar } from './status-bar';
import { registerResults } from './results';

/** What activate() returns: enough for the extension's own tests to look inside. */
export interface BatchlintApi {
  /** The status bar text for the active editor, or undefined while the item is hidden. */
  statusText(): string | undefined;
  client: LanguageClient;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<BatchlintApi> {
  const languageClient = createClient(context);
  client = languageClient;
  const statusBar = new BatchStatusBar();
  context.subscriptions.push(
    statusBar,
    languageClient.onNotification(Methods.summary, (summary: DocumentSummary) =>
      statusBar.accept(summary),
    ),
    vscode.commands.registerCommand(Commands.convertToResponses, () =>
      convertToResponses(languageClient),
    ),
    vscode.commands.registerCommand(Commands.checkFileOnDisk, (uri?: vscode.Uri) =>
      checkFileOnDisk(languageClient, uri),
    ),
    ...registerResults(),
    vscode.commands.registerCommand(Commands.showOutput, () =>
      languageClient.outputChannel.show(true),
    ),
    // The document selector is built from batchlint.files at start; a change needs a restart.
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('batchlint.files')) return;
      const choice = await vscode.window.showInformationMessage(
        'batchlint: the file patterns changed. Reload the window to apply them to files of other languages.',
        'Reload Window',
      );
      if (choice) await vscode.commands.executeCommand('workbench.action.reloadWindow');
    }),
  );
  try {
    await languageClient.start();
  } catch (error) {
    // Keep the commands registered (Show Output still helps); say why checking is off.
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`batchlint: the language server did not start: ${message}`);
  }
  return { statusText: () => statusBar.text, client: languageClient };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
