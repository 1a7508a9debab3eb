// Fuzzed documents through the language server: open, then random edits (the fuzzer's damage,
// line breaks, deletions across lines), each version's diagnostics inside the document as the
// editor holds it, and the last version's diagnostics equal to a fresh open of the same text.
// Used by the LSP suite (a few small documents) and `npm run fuzz` (many large ones).

import assert from 'node:assert/strict';
import type {
  Diagnostic,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspHarness } from './harness';
import { fileUri } from './harness';
import { Prng } from '../unit/fuzz/prng';
import { TEXT_MUTATIONS } from '../unit/fuzz/mutate';

const PIECES = ['"', '{', '}', ',', ':', '\n', '\r\n', '\r', '"model"', 'é', '😀', ''];

/** A random edit of `doc`: a piece typed, a range deleted, or a line replaced by a damaged copy. */
function randomChange(doc: TextDocument, r: Prng): TextDocumentContentChangeEvent {
  const lines = doc.lineCount;
  const line = r.int(lines);
  const text = lineText(doc, line);
  if (r.chance(0.3)) {
    // The fuzzer's damage to one whole line.
    const damaged = TEXT_MUTATIONS[r.pick(Object.keys(TEXT_MUTATIONS))]!(text, r);
    return {
      range: { start: { line, character: 0 }, end: { line, character: text.length } },
      text: damaged.replace(/\0/g, ''),
    };
  }
  const start = { line, character: r.int(text.length + 1) };
  let end = start;
  if (r.chance(0.4)) {
    const endLine = Math.min(lines - 1, line + r.int(3));
    const endText = lineText(doc, endLine);
    end = {
      line: endLine,
      character:
        endLine === line
          ? start.character + r.int(Math.max(1, endText.length - start.character))
          : r.int(endText.length + 1),
    };
    end.character = Math.min(end.character, endText.length);
  }
  return { range: { start, end }, text: r.pick(PIECES) };
}

/** A line's text as the editor shows it (no line ending). */
function lineText(doc: TextDocument, line: number): string {
  const start = doc.offsetAt({ line, character: 0 });
  const next =
    line + 1 < doc.lineCount
      ? doc.offsetAt({ line: line + 1, character: 0 })
      : doc.getText().length;
  return doc
    .getText()
    .slice(start, next)
    .replace(/\r?\n$|\r$/, '');
}

/** Every diagnostic's range is inside the document, start before end. */
export function assertInside(doc: TextDocument, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const { start, end } = d.range;
    const where = `[${String(d.code)}] ${start.line}:${start.character}-${end.line}:${end.character} of ${doc.lineCount} lines`;
    assert.ok(start.line <= end.line && end.line < doc.lineCount, `lines outside ${where}`);
    if (start.line === end.line) assert.ok(start.character <= end.character, `reversed ${where}`);
    assert.ok(
      start.character <= lineText(doc, start.line).length,
      `start beyond its line ${where}`,
    );
    assert.ok(end.character <= lineText(doc, end.line).length, `end beyond its line ${where}`);
    assert.ok(String(d.message).trim() !== '', `empty message ${where}`);
  }
}

function shape(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`,
    )
    .sort();
}

/**
 * Opens `text` as `name`, makes `edits` rounds of one to three random changes (each its own
 * version, sent without waiting), asserting the diagnostics after each round, then compares the
 * last with a fresh open. Returns the number of diagnostics seen.
 */
export async function fuzzDocument(
  h: LspHarness,
  name: string,
  text: string,
  edits: number,
  seed: number,
): Promise<number> {
  const r = new Prng(seed);
  const uri = fileUri(`${name}.jsonl`);
  const first = await h.openAndDiagnose(uri, text);
  assertInside(h.doc(uri), first.diagnostics);
  let seen = first.diagnostics.length;
  let version = 1;
  for (let i = 0; i < edits; i++) {
    const changes: TextDocumentContentChangeEvent[] = [];
    for (let n = r.range(1, 3); n > 0; n--) {
      changes.push(randomChange(h.doc(uri), r));
      version = await h.change(uri, [changes[changes.length - 1]!]);
    }
    const shown = await h.settled(uri, version);
    assertInside(h.doc(uri), shown);
    seen += shown.length;
  }
  const shown = await h.settled(uri, version);
  const freshUri = fileUri(`${name}-fresh.jsonl`);
  const fresh = await h.openAndDiagnose(freshUri, h.doc(uri).getText());
  assert.deepEqual(shape(shown), shape(fresh.diagnostics), `${name}: incremental equals fresh`);
  await h.close(freshUri);
  await h.close(uri);
  return seen;
}
