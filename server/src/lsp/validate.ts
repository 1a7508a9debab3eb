// Checks open documents and pushes the results: diagnostics (textDocument/publishDiagnostics)
// and the status-bar summary. Checks are debounced lightly per document: a burst of keystrokes
// costs one check, and one keystroke on a 50,000-line file is answered within a few ms because
// the model re-checks only the changed lines.

import type { Diagnostic, Range } from 'vscode-languageserver/node';
import type { CheckResult } from '../core';
import { dialectInfo, locateValue } from '../core';
import { Methods } from '../protocol';
import type { DocumentSummary } from '../protocol';
import type { ServerContext } from './context';
import { toDiagnostic } from './diagnostics';
import type { OpenDocument } from './documents';
import { describeError } from './guard';
import { Estimates } from './estimate';

/** Long enough to merge the changes of one keystroke or a multi-cursor edit, short enough not to be felt. */
export const DEBOUNCE_MS = 8;

/** Whether a document is JSONL by language or by name (batch files are always candidates). */
export function isJsonl(doc: Pick<OpenDocument, 'uri' | 'languageId'>): boolean {
  return doc.languageId === 'jsonl' || /\.jsonl$/i.test(uriPath(doc.uri));
}

/**
 * A URI without its query and fragment (what follows the first '?' or '#'). Sliced at indexOf,
 * not matched by a regex: `/[?#].*$/` backtracks quadratically on a long run of '?'.
 */
export function uriPath(uri: string): string {
  const query = uri.indexOf('?');
  const fragment = uri.indexOf('#');
  const end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
  return end < 0 ? uri : uri.slice(0, end);
}

/** Where a problem's related line shows the value it is compared with, by problem code. */
const RELATED_PATHS: Record<string, (string | number)[]> = {
  duplicate_custom_id: ['custom_id'],
  url_mismatch: ['url'],
  model_mismatch: ['body', 'model'],
};

/**
 * Finds the compared value on a related (core) line, once per line and check, else the whole
 * line; the range is in editor coordinates.
 */
function relatedRanges(doc: OpenDocument): (line: number, code: string) => Range {
  const cache = new Map<string, Range>();
  return (line, code) => {
    const key = `${line}:${code}`;
    let range = cache.get(key);
    if (!range) {
      const text = doc.model.getLine(line);
      const path = RELATED_PATHS[code];
      const found = path ? locateValue(text, path) : { start: 0, end: text.length };
      range = doc.model.mapper.toEditorRange({
        line,
        column: found.start,
        endLine: line,
        endColumn: found.end,
      });
      cache.set(key, range);
    }
    return range;
  };
}

export class Validator {
  private readonly estimates: Estimates;

  constructor(private readonly ctx: ServerContext) {
    this.estimates = new Estimates(ctx);
  }

  /** Whether the document is one batchlint checks, under the current settings and text. */
  isChecked(doc: OpenDocument): boolean {
    const settings = this.ctx.settings;
    if (!settings.enable || doc.broken !== undefined) return false;
    if (this.ctx.filePatterns.matches(doc.uri)) return true;
    return isJsonl(doc) && doc.model.looksLikeBatch();
  }

  schedule(doc: OpenDocument, delay = DEBOUNCE_MS): void {
    if (doc.timer) clearTimeout(doc.timer);
    doc.timer = setTimeout(() => {
      doc.timer = undefined;
      if (this.ctx.documents.get(doc.uri) === doc) this.run(doc);
    }, delay);
  }

  /** The check for the document's current version (running it now if needed); undefined when not checked. */
  fresh(doc: OpenDocument): CheckResult | undefined {
    if (doc.resultVersion !== doc.version || !doc.result) this.run(doc);
    return doc.active ? doc.result : undefined;
  }

  /** Checks and publishes now. */
  run(doc: OpenDocument): void {
    if (doc.timer) {
      clearTimeout(doc.timer);
      doc.timer = undefined;
    }
    try {
      doc.active = this.isChecked(doc);
      if (!doc.active) {
        doc.result = undefined;
        doc.resultVersion = doc.version;
        if (doc.published) this.publish(doc, []);
        this.sendSummary(doc, undefined);
        return;
      }
      const result = doc.model.check();
      doc.result = result;
      doc.resultVersion = doc.version;
      const related = relatedRanges(doc);
      this.publish(
        doc,
        result.problems.map((p) => toDiagnostic(p, doc.uri, doc.version, related)),
      );
      this.sendSummary(doc, result);
      this.estimates.schedule(doc);
    } catch (error) {
      // One document's failure must not stop the others: log it and keep its last diagnostics.
      this.ctx.log(`batchlint: checking ${doc.uri} failed: ${describeError(error)}`);
    }
  }

  /** Re-checks every open document (settings changed). */
  runAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc, 0);
  }

  /** Clears a closed document's diagnostics. */
  clear(uri: string): void {
    this.estimates.dispose(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private publish(doc: OpenDocument, diagnostics: Diagnostic[]): void {
    doc.published = diagnostics.length > 0;
    void this.ctx.connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  }

  private sendSummary(doc: OpenDocument, result: CheckResult | undefined): void {
    const s = result?.summary;
    const summary: DocumentSummary = {
      uri: doc.uri,
      version: doc.version,
      isBatch: result !== undefined,
      requests: s?.requests ?? 0,
      bytes: s?.bytes ?? 0,
      errors: s?.errors ?? 0,
      warnings: s?.warnings ?? 0,
    };
    if (s?.unreadable !== undefined) summary.unreadable = s.unreadable;
    if (s?.endpoint !== undefined) summary.endpoint = s.endpoint;
    if (s?.model !== undefined) summary.model = s.model;
    if (s?.dialect !== undefined) {
      const { name, limits } = dialectInfo(s.dialect);
      summary.dialect = s.dialect;
      summary.dialectName = name;
      if (s.dialectEvidence !== undefined) summary.dialectEvidence = s.dialectEvidence;
      // The Batch API's own limits are the status bar's default; another provider's are sent.
      if (s.dialect !== 'openai') {
        summary.maxRequests = limits.requests ?? null;
        summary.maxBytes = limits.bytes ?? null;
      }
    }
    void this.ctx.connection.sendNotification(Methods.summary, summary);
  }
}
