// `batchlint fix` on a whole file, byte for byte: the file is split at "\n" bytes, each line keeps
// its own ending ("\r\n", "\n", a last "\r", or none), lines that are not valid UTF-8 are copied
// as they were read, and a line no fix changes is written back from its original bytes. Only the
// lines a fix changes are encoded again. Line-structure fixes (removing blank lines, joining a
// pretty-printed request) run first over the document; then every safe fix of each line
// (fixLine), so one run leaves nothing safe to fix and a second run changes nothing.

import { isUtf8 } from 'node:buffer';
import type { Problem } from '../types';
import type { CheckOptions, CheckResult } from '../options';
import { detectFromLines } from '../dialects/detect';
import { ruleContext } from '../options';
import { DocumentChecker } from '../document';
import { fixesFor } from './index';
import { fixLine } from './fix-line';

/** One line as read: its bytes without the ending, its text when they are UTF-8, its ending. */
export interface RawLine {
  raw: Buffer;
  /** The decoded text; undefined when the bytes are not valid UTF-8 (never fixed, copied as is). */
  text: string | undefined;
  /** The line ending bytes exactly as read: "\r\n", "\n", "\r" (last line only) or "". */
  eol: string;
  /** Set once a fix replaced the line: it is then written from `text`. */
  changed?: boolean;
}

export interface SplitBytes {
  bom: boolean;
  lines: RawLine[];
  /** Bytes after the last line that are not a line: a lone "\r" after the final "\n". */
  trailer: Buffer;
}

const BOM_BYTES = Buffer.from([0xef, 0xbb, 0xbf]);

/** Splits bytes the way the checker reads them (see lines.ts), keeping every byte somewhere. */
export function splitBytes(input: Buffer): SplitBytes {
  const bom = input.subarray(0, 3).equals(BOM_BYTES);
  const body = bom ? input.subarray(3) : input;
  const lines: RawLine[] = [];
  let start = 0;
  while (start < body.length) {
    const nl = body.indexOf(10, start);
    const end = nl < 0 ? body.length : nl;
    const rest = body.subarray(start, end);
    // A lone "\r" after the final newline ends the previous line, it is not a line of its own.
    if (nl < 0 && rest.length === 1 && rest[0] === 13 && lines.length > 0) break;
    const cr = rest.length > 0 && rest[rest.length - 1] === 13;
    const raw = cr ? rest.subarray(0, -1) : rest;
    lines.push({
      raw,
      text: isUtf8(raw) ? raw.toString('utf8') : undefined,
      eol: (cr ? '\r' : '') + (nl < 0 ? '' : '\n'),
    });
    start = end + 1;
  }
  const trailer = start < body.length ? body.subarray(start) : Buffer.alloc(0);
  return { bom, lines, trailer };
}

export interface FileFixOutcome {
  /** The fixed file, as pieces to write in order (original bytes wherever nothing changed). */
  output: Buffer[];
  applied: number;
  /** The check of the fixed file. */
  after: CheckResult;
}

/** Whether the bytes are not text at all: a NUL byte never occurs in a JSONL text file. */
export function isBinary(input: Buffer): boolean {
  return input.includes(0);
}

/**
 * Applies every safe fix to a whole file. Throws nothing; the caller refuses binary input first
 * (`isBinary`), because a run of ASCII inside a gzip or PNG could otherwise look like a line.
 */
export function fixDocument(input: Buffer, options: CheckOptions = {}): FileFixOutcome {
  const split = splitBytes(input);
  const context = ruleContext(
    options,
    options.dialect ? undefined : detectFromLines(split.lines.map((l) => l.text ?? '')),
  );
  let applied = split.bom ? 1 : 0; // the byte order mark is dropped (some endpoints reject it)
  let lines = split.lines;
  let checker = checkerFor(lines, options);
  const structural = lineStructureFixes(checker.check().problems, lines, checker);
  if (structural.applied > 0) {
    lines = structural.lines;
    applied += structural.applied;
    checker = checkerFor(lines, options);
  }
  // Line → the custom_id its bare body gets (see bare-body.ts), or undefined.
  const toFix = new Map<number, string | undefined>();
  for (const problem of checker.check().problems) {
    if (
      problem.fix &&
      problem.line === problem.endLine &&
      lines[problem.line]?.text !== undefined
    ) {
      const id = problem.fix.id === 'wrap-envelope' ? problem.fix.customId : undefined;
      if (!toFix.has(problem.line) || typeof id === 'string')
        toFix.set(problem.line, typeof id === 'string' ? id : undefined);
    }
  }
  for (const [index, customId] of toFix) {
    const line = lines[index]!;
    const result = fixLine(line.text!, context, customId);
    if (result.applied === 0 || result.text === line.text) continue;
    lines[index] = { ...line, text: result.text, changed: true };
    applied += result.applied;
  }
  const after = (toFix.size > 0 ? checkerFor(lines, options) : checker).check();
  const output: Buffer[] = [];
  for (const line of lines) {
    output.push(line.changed ? Buffer.from(line.text!, 'utf8') : line.raw);
    if (line.eol !== '') output.push(Buffer.from(line.eol, 'latin1'));
  }
  if (split.trailer.length > 0) output.push(split.trailer);
  return { output, applied, after };
}

/** The checker sees each line's text; a line that is not UTF-8 is seen with U+FFFD in place. */
function checkerFor(lines: readonly RawLine[], options: CheckOptions): DocumentChecker {
  // Each line ends with "\n", so a last blank line is still a line to the checker.
  return new DocumentChecker(
    lines.map((l) => `${l.text ?? l.raw.toString('utf8')}\n`).join(''),
    options,
  );
}

/**
 * Removes blank lines (and the lone brackets of an array of requests), joins pretty-printed
 * requests (whose lines are all UTF-8) and splits a line that is an array of requests.
 */
function lineStructureFixes(
  problems: readonly Problem[],
  lines: readonly RawLine[],
  checker: DocumentChecker,
): { lines: RawLine[]; applied: number } {
  const removed = new Set<number>();
  const joined = new Map<number, { endLine: number; text: string }>();
  const split = new Map<number, string[]>();
  for (const problem of problems) {
    const id = problem.fix?.id;
    // An array's edge is removed as `batchlint fix` streams it (fix-stream.ts): the requests
    // between are joined by their own fixes.
    if (id === 'array-to-jsonl') {
      removed.add(problem.line);
      continue;
    }
    if (id !== 'remove-line' && id !== 'join-lines' && id !== 'split-array') continue;
    const fix = fixesFor(problem, (n) => checker.getLine(n)).find((f) => f.safe);
    const edit = fix?.edits[0];
    if (!edit || fix.edits.length !== 1) continue;
    if (id === 'remove-line') removed.add(problem.line);
    else if (id === 'split-array') split.set(problem.line, edit.newText.split('\n'));
    else {
      const span = lines.slice(edit.line, edit.endLine + 1);
      if (span.some((l) => l.text === undefined)) continue;
      joined.set(edit.line, { endLine: edit.endLine, text: edit.newText });
    }
  }
  const out: RawLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const join = joined.get(i);
    const items = split.get(i);
    if (items) {
      // One line per request; the last keeps the line's ending (none on a last line without one).
      const line = lines[i]!;
      items.forEach((text, k) => {
        const eol = k < items.length - 1 && line.eol === '' ? '\n' : line.eol;
        out.push({ ...line, text, eol, changed: true });
      });
    } else if (join) {
      const last = lines[join.endLine]!;
      out.push({ raw: last.raw, text: join.text, eol: last.eol, changed: true });
      i = join.endLine;
    } else if (!removed.has(i)) out.push(lines[i]!);
  }
  return { lines: out, applied: removed.size + joined.size + split.size };
}
