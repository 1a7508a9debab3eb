// Starts the batchlint language server (dist/server.js, bundled beside this file) over node
// IPC. The server runs in its own process, so a slow check never blocks the editor.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type {
  DocumentSelector,
  LanguageClientOptions,
  ServerOptions,
} from 'vscode-languageclient/node';
import { Settings } from '../../server/src/protocol';

/** JSONL by language or by name, plus whatever `batchlint.files` adds (read at start). */
export function documentSelector(): DocumentSelector {
  const selector: DocumentSelector = [
    { language: 'jsonl' },
    { scheme: 'file', pattern: '**/*.jsonl' },
  ];
  const globs = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.files);
  if (Array.isArray(globs)) {
    for (const glob of globs) {
      if (typeof glob !== 'string' || glob.trim() === '') continue;
      // As on the server, a bare name pattern means "in any folder".
      selector.push({ scheme: 'file', pattern: glob.includes('/') ? glob : `**/${glob}` });
    }
  }
  return selector;
}

export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    // The server pulls `batchlint` with workspace/configuration and registers for changes.
    outputChannelName: 'batchlint',
  };
  return new LanguageClient('batchlint', 'batchlint', serverOptions, clientOptions);
}
