// Starts the batchlint language server (dist/server.js, bundled beside this file) over node
// IPC. The server runs in its own process, so a slow check never blocks the editor.

import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { documentSelector, filePatterns, syncMiddleware } from './documents';

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const patterns = filePatterns();
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(patterns),
    middleware: syncMiddleware(patterns),
    // The server pulls `batchlint` with workspace/configuration and registers for changes.
    outputChannelName: 'batchlint',
  };
  return new LanguageClient('batchlint', 'batchlint', serverOptions, clientOptions);
}
