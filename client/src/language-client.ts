// Starts the batchlint language server (dist/server.js, bundled beside this file) over node
// IPC. The server runs in its own process, so a slow check never blocks the editor.

import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type {
  DocumentSelector,
  LanguageClientOptions,
  Middleware,
  ServerOptions,
} from 'vscode-languageclient/node';
import { Settings } from '../../server/src/protocol';
import { compileFilePatterns } from '../../server/src/lsp/file-patterns';

/** The `batchlint.files` patterns as the settings hold them now (read at start). */
function filePatterns(): string[] {
  const globs = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.files);
  if (!Array.isArray(globs)) return [];
  return globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
}

/**
 * JSONL by language or by name; with `batchlint.files` set, every file document too, of which
 * the middleware below forwards only those the patterns match (the server's own matcher, so
 * the patterns mean the same on both ends).
 */
export function documentSelector(patterns: readonly string[]): DocumentSelector {
  const selector: DocumentSelector = [
    { language: 'jsonl' },
    { scheme: 'file', pattern: '**/*.jsonl' },
  ];
  if (patterns.length > 0) selector.push({ scheme: 'file' });
  return selector;
}

/** Forwards open/change/close only for documents the server may check (see documentSelector). */
export function syncMiddleware(patterns: readonly string[]): Middleware {
  const files = compileFilePatterns(patterns);
  const synced = new Set<string>();
  const wanted = (doc: vscode.TextDocument): boolean =>
    doc.languageId === 'jsonl' ||
    /\.jsonl$/i.test(doc.uri.path) ||
    files.matches(doc.uri.toString());
  return {
    didOpen: async (doc, next) => {
      if (!wanted(doc)) return;
      synced.add(doc.uri.toString());
      await next(doc);
    },
    didChange: async (event, next) => {
      if (synced.has(event.document.uri.toString())) await next(event);
    },
    didClose: async (doc, next) => {
      if (synced.delete(doc.uri.toString())) await next(doc);
    },
  };
}

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
