// Whole batch files for fuzzing the file commands: many lines, valid and damaged, as bytes (CRLF
// and LF endings, invalid UTF-8, blank lines, pretty-printed requests), and the properties
// check, fix and convert must keep on any of them: no exception, every position inside its line,
// fix idempotent, every line fix offers nothing for copied byte for byte, convert keeping every
// top-level key. The unit suite runs a few thousand lines; `npm run fuzz` a million.

import assert from 'node:assert/strict';
import { convertLineToResponses, isProblemCode } from '../../../server/src/core';
import type { Problem } from '../../../server/src/core';
import { checkStream, fixStream } from '../../../server/src/core/node';
import { Prng } from './prng';
import { seedDocuments, seedLines } from './seeds';
import { mutateValue, TEXT_MUTATIONS, VALUE_MUTATIONS } from './mutate';

const INVALID_UTF8 = [[0xff], [0xc3], [0x80], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x80]];

/** One seed line damaged by one to three named mutations. */
export function mutatedLine(r: Prng, seeds: readonly string[]): { text: string; steps: string[] } {
  let text = r.pick(seeds);
  const steps: string[] = [];
  const textNames = Object.keys(TEXT_MUTATIONS);
  const valueNames = Object.keys(VALUE_MUTATIONS);
  for (let n = r.range(1, 3); n > 0; n--) {
    if (r.chance(0.3)) {
      const name = r.pick(valueNames);
      steps.push(name);
      text = mutateValue(text, name, r);
    } else {
      const name = r.pick(textNames);
      steps.push(name);
      text = TEXT_MUTATIONS[name]!(text, r);
    }
  }
  return { text, steps };
}

/**
 * The lines of a fuzzed batch file, each with its line ending, as bytes: `count` pieces (a
 * pretty-printed request is one piece of several lines). Seeded: the same seed, the same bytes.
 */
export function* batchFileLines(seed: number, count: number): Generator<Buffer> {
  const r = new Prng(seed);
  const seeds = seedLines();
  const docs = seedDocuments();
  for (let i = 0; i < count; i++) {
    const roll = r.int(100);
    let text: string;
    if (roll < 40) text = r.pick(seeds);
    // A NUL byte makes the whole file binary (refused as a whole, tested on its own): escaped here.
    else if (roll < 90) text = mutatedLine(r, seeds).text.replace(/\0/g, '\\u0000');
    else if (roll < 94) text = '';
    else if (roll < 97 && docs.length > 0) text = r.pick(docs).replace(/\n+$/, '');
    else {
      // Invalid UTF-8 somewhere in a valid line.
      const bytes = Buffer.from(r.pick(seeds), 'utf8');
      const at = r.int(bytes.length + 1);
      const bad = Buffer.from(r.pick(INVALID_UTF8));
      const ending = Buffer.from(r.chance(0.2) ? '\r\n' : '\n');
      yield Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at), ending]);
      continue;
    }
    const ending = i === count - 1 && r.chance(0.5) ? '' : r.chance(0.2) ? '\r\n' : '\n';
    yield Buffer.from(text + ending, 'utf8');
  }
}

/** The lines of `bytes` as the checker counts them: split at "\n", each with its ending. */
export function* splitRaw(chunks: Iterable<Buffer>): Generator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for (const chunk of chunks) {
    let data = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
      yield data.subarray(start, nl + 1);
      start = nl + 1;
    }
    data = data.subarray(start);
    rest = Buffer.from(data);
  }
  if (rest.length > 0) yield rest;
}

/** A line's text as the checker sees it: decoded, without its "\n" and the "\r" before it. */
function checkedText(raw: Buffer): string {
  let end = raw.length;
  if (end > 0 && raw[end - 1] === 10) end--;
  if (end > 0 && raw[end - 1] === 13) end--;
  return raw.subarray(0, end).toString('utf8');
}

/** What one pass over a file found: the lines a fix may touch, and counts for the report. */
export interface CheckFacts {
  lines: number;
  problems: number;
  /** Lines with a problem that carries a fix (fix may change them); sorted, no repeats. */
  touchable: Set<number>;
}

/**
 * Checks `chunks` as `batchlint check` does, asserting each problem's code and position
 * against the lines' own lengths, without keeping the problems.
 */
export async function checkFuzzedFile(chunks: () => Iterable<Buffer>): Promise<CheckFacts> {
  const lengths: number[] = [];
  for (const raw of splitRaw(chunks())) lengths.push(checkedText(raw).length);
  const touchable = new Set<number>();
  let problems = 0;
  const onProblem = (p: Problem): void => {
    problems++;
    const where = `[${p.code}] ${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
    assert.ok(isProblemCode(p.code), `code not in the catalogue ${where}`);
    assert.ok(p.message.trim() !== '', `empty message ${where}`);
    assert.ok(p.line <= p.endLine, `reversed lines ${where}`);
    assert.ok(p.endLine < Math.max(1, lengths.length), `past the last line ${where}`);
    if (p.line === p.endLine) assert.ok(p.column <= p.endColumn, `reversed ${where}`);
    assert.ok(p.column <= (lengths[p.line] ?? 0), `column beyond its line ${where}`);
    assert.ok(p.endColumn <= (lengths[p.endLine] ?? 0), `endColumn beyond its line ${where}`);
    if (p.fix) for (let l = p.line; l <= p.endLine; l++) touchable.add(l);
  };
  await checkStream(chunks(), { onProblem });
  return { lines: lengths.length, problems, touchable };
}

/** Fixes `chunks` as `batchlint fix` does; returns the fixed bytes and how many fixes it applied. */
export async function fixBytes(
  chunks: Iterable<Buffer>,
): Promise<{ bytes: Buffer; applied: number }> {
  const out: Buffer[] = [];
  const outcome = await fixStream(chunks, (piece) => {
    out.push(piece);
  });
  return { bytes: Buffer.concat(out), applied: outcome.applied };
}

/**
 * Every line of the input that no problem offers a fix for is in the output unchanged (its bytes
 * and its line ending), in order. Returns how many such lines there were.
 */
export function assertUntouchedKept(
  input: Iterable<Buffer>,
  output: Iterable<Buffer>,
  touchable: ReadonlySet<number>,
): number {
  const out = output[Symbol.iterator]();
  let kept = 0;
  let line = 0;
  for (const raw of input) {
    const n = line++;
    if (touchable.has(n)) continue;
    kept++;
    for (;;) {
      const next = out.next();
      assert.ok(
        !next.done,
        `input line ${n + 1}, which no fix touches, is not in the output: ${JSON.stringify(raw.toString('utf8').slice(0, 200))}`,
      );
      if (next.value.equals(raw)) break;
    }
  }
  return kept;
}

/** Convert on one line keeps its promises: a JSON object with every top-level key, or the line as it was. */
export function assertConvertLine(text: string): string {
  const conversion = convertLineToResponses(text);
  if (conversion.status !== 'converted') {
    assert.equal(conversion.text, text, `a ${conversion.status} line was changed`);
    return conversion.status;
  }
  const before = topLevelKeys(text) ?? [];
  const after = topLevelKeys(conversion.text);
  assert.ok(after, `a converted line is not a JSON object: ${conversion.text.slice(0, 200)}`);
  for (const key of before) assert.ok(after.includes(key), `convert lost top-level key '${key}'`);
  return conversion.status;
}

function topLevelKeys(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Convert on every line of `chunks` (bad bytes decoded as U+FFFD); counts by status. */
export function convertEveryLine(chunks: Iterable<Buffer>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const raw of splitRaw(chunks)) {
    const status = assertConvertLine(checkedText(raw));
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}
