// The VS Code side of batchlint, for the desktop and the web alike: starts the language client it
// is given, registers the commands and the status bar item. Everything that understands batch
// files lives in the server; this file only connects editor UI to it. The entry points
// (./extension.ts, ./browser.ts) only make the client.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Commands, Methods } from '../../server/src/protocol';
import type { DocumentSummary, EstimateSummary } from '../../server/src/protocol';
import { convertToDialect, convertToResponses } from './convert-command';
import { BatchStatusBar } from './status-bar';
import { syncModels } from './models-setting';

/** What activate() returns: enough for the extension's own tests to look inside. */
export interface BatchlintApi {
  /** The status bar text for the active editor, or undefined while the item is hidden. */
  statusText(): string | undefined;
  /** The status bar tooltip (Markdown) for the active editor, or undefined while hidden. */
  statusTooltip(): string | undefined;
  client: BaseLanguageClient;
}

/** What the host can do beyond the editor. */
export interface Host {
  /**
   * Registers the features that read and write files on disk (Check File on Disk…, batch
   * results); absent on the web, where there is no disk and their code is not even bundled.
   */
  diskFeatures?: (client: BaseLanguageClient) => vscode.Disposable[];
}

let client: BaseLanguageClient | undefined;

/** Registers everything on `languageClient` and starts it; the client is stopped by stop(). */
export async function start(
  context: vscode.ExtensionContext,
  languageClient: BaseLanguageClient,
  host: Host,
): Promise<BatchlintApi> {
  client = languageClient;
  const statusBar = new BatchStatusBar();
  context.subscriptions.push(
    statusBar,
    languageClient.onNotification(Methods.summary, (summary: DocumentSummary) =>
      statusBar.accept(summary),
    ),
    languageClient.onNotification(Methods.estimate, (estimate: EstimateSummary) =>
      statusBar.acceptEstimate(estimate),
    ),
    vscode.commands.registerCommand(Commands.convertToResponses, () =>
      convertToResponses(languageClient),
    ),
    vscode.commands.registerCommand(Commands.convertToDialect, (target?: unknown) =>
      convertToDialect(languageClient, target),
    ),
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
  if (host.diskFeatures) context.subscriptions.push(...host.diskFeatures(languageClient));
  try {
    await languageClient.start();
    context.subscriptions.push(syncModels(languageClient));
  } catch (error) {
    // Keep the commands registered (Show Output still helps); say why checking is off.
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`batchlint: the language server did not start: ${message}`);
  }
  return {
    statusText: () => statusBar.text,
    statusTooltip: () => statusBar.tooltip,
    client: languageClient,
  };
}

export async function stop(): Promise<void> {
  await client?.stop();
  client = undefined;
}
