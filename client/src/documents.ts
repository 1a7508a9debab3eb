// Which documents the language server is given: the same on the desktop and on the web, so that
// `batchlint.files` means the same everywhere (the server's own glob matcher decides).

import * as vscode from 'vscode';
import type { DocumentSelector, Middleware } from 'vscode-languageclient';
import { Settings } from '../../server/src/protocol';
import { compileFilePatterns } from '../../server/src/lsp/file-patterns';

/** The `batchlint.files` patterns as the settings hold them now (read at start). */
export function filePatterns(): string[] {
  const globs = vscode.workspace.getConfiguration(Settings.section).get<unknown>(Settings.files);
  if (!Array.isArray(globs)) return [];
  return globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '');
}

/**
 * JSONL by language or by name; with `batchlint.files` set, every file document too, of which
 * the middleware below forwards only those the patterns match (the server's own matcher, so
 * the patterns mean the same on both ends). `scheme` is the scheme of the workspace's files:
 * `file` on the desktop; on the web it varies (`vscode-vfs`, `vscode-test-web`, …), so `null`
 * there takes documents of any scheme.
 */
export function documentSelector(
  patterns: readonly string[],
  scheme: string | null = 'file',
): DocumentSelector {
  const where = scheme === null ? {} : { scheme };
  const selector: DocumentSelector = [{ language: 'jsonl' }, { ...where, pattern: '**/*.jsonl' }];
  if (patterns.length > 0) selector.push(scheme === null ? { pattern: '**' } : { scheme });
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
