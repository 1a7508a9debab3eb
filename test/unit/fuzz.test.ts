// Fuzzing the core: thousands of damaged batch lines, seeded so any failure can be replayed
// from its case number. Asserts robustness only (no exception, positions inside the text, fixes
// on their problem's lines, no lost keys, bounded output), never what is reported. How long a
// line takes is measured by `npm run bench`, not here: a test never reads the clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentChecker } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import { Prng } from './fuzz/prng';
import { seedDocuments, seedLines } from './fuzz/seeds';
import { deepNest, hugeString } from './fuzz/mutate';
import { mutatedLine as mutatedLineOf } from './fuzz/batch-file';
import { assertDocumentProblems, runLineCase } from './fuzz/invariants';
import { chunked, randomFile } from './fuzz/stream';
import { REGRESSIONS } from './fuzz/regressions';

const SEED = 0x5eed_ba7c;
const LINE_CASES = 20_000;
const STREAM_CASES = 300;
const DOCUMENT_CASES = 400;

const seeds = seedLines();

interface Failure {
  kind: string;
  message: string;
  repro: string;
}

/** Keeps one failure per distinct message and place, so one bug does not hide the others. */
class Failures {
  private readonly distinct = new Map<string, Failure>();
  count = 0;

  add(kind: string, error: unknown, repro: string): void {
    this.count++;
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    // Where in the core it broke: the first stack frame outside the test's own files.
    const stack = error instanceof Error ? (error.stack ?? '') : '';
    const frame = /at .*server[\\/]src[\\/].*/.exec(stack)?.[0] ?? '';
    const key = `${message.split('\n')[0]!.replace(/\d+/g, 'N').slice(0, 120)} ${frame.replace(/:\d+:\d+/, '')}`;
    if (!this.distinct.has(key))
      this.distinct.set(key, { kind, message: `${message} ${frame}`, repro });
  }

  assertNone(): void {
    const list = [...this.distinct.values()];
    const report = list.map((f) => `- ${f.kind}: ${f.message.slice(0, 500)}\n  repro: ${f.repro}`);
    assert.equal(
      this.count,
      0,
      `${this.count} failing cases, ${list.length} distinct:\n${report.join('\n')}`,
    );
  }
}

const preview = (text: string): string =>
  JSON.stringify(
    text.length > 300 ? `${text.slice(0, 200)}…(${text.length} chars)…${text.slice(-60)}` : text,
  );

/** One seed line damaged by one to three named mutations. */
const mutatedLine = (r: Prng): { text: string; steps: string[] } => mutatedLineOf(r, seeds);

test(`fuzz: ${LINE_CASES} mutated lines of every endpoint`, () => {
  assert.ok(seeds.length >= 10, `only ${seeds.length} seed lines`);
  const failures = new Failures();
  for (let i = 0; i < LINE_CASES; i++) {
    const r = new Prng(SEED + i);
    const { text, steps } = mutatedLine(r);
    const repro = `line case ${i} (${steps.join(' + ')}): ${preview(text)}`;
    try {
      runLineCase(text);
    } catch (error) {
      failures.add(steps.join('+'), error, repro);
    }
  }
  console.log(`fuzz: ${LINE_CASES} line cases from ${seeds.length} seeds`);
  failures.assertNone();
});

test('fuzz: deep nesting up to 100,000 levels', () => {
  const failures = new Failures();
  const depths = [100, 1_000, 5_000, 10_000, 50_000, 100_000];
  let cases = 0;
  for (const depth of depths) {
    for (let k = 0; k < 4; k++) {
      const r = new Prng(SEED ^ (depth * 31 + k));
      const text = deepNest(r.pick(seeds), depth, r);
      const repro = `depth ${depth} case ${k}: ${preview(text)}`;
      cases++;
      try {
        runLineCase(text);
      } catch (error) {
        failures.add(`depth ${depth}`, error, repro);
      }
    }
  }
  console.log(`fuzz: ${cases} deep-nesting cases`);
  failures.assertNone();
});

test('fuzz: huge strings (1-10 MB)', () => {
  const failures = new Failures();
  const cases = 8;
  for (let k = 0; k < cases; k++) {
    const r = new Prng(SEED + 1_000_003 * (k + 1));
    const size = r.range(1, 10) << 20;
    const text = hugeString(r.pick(seeds), size, r);
    const repro = `huge case ${k} (${size} chars): ${preview(text)}`;
    try {
      runLineCase(text);
    } catch (error) {
      failures.add('huge', error, repro);
    }
  }
  console.log(`fuzz: ${cases} huge-string cases`);
  failures.assertNone();
});

test(`fuzz: ${DOCUMENT_CASES} documents, edited incrementally`, () => {
  const failures = new Failures();
  const docs = seedDocuments();
  for (let i = 0; i < DOCUMENT_CASES; i++) {
    const r = new Prng(SEED - i - 1);
    const lines: string[] = [];
    for (let n = r.range(1, 8); n > 0; n--) lines.push(mutatedLine(r).text);
    if (docs.length > 0 && r.chance(0.3)) lines.splice(r.int(lines.length), 0, r.pick(docs));
    const text = lines.join(r.chance(0.2) ? '\r\n' : '\n');
    const repro = `document case ${i}: ${preview(text)}`;
    try {
      const checker = new DocumentChecker(text);
      checker.check();
      // An incremental edit must give the same result as checking the edited text afresh.
      const line = r.int(checker.lineCount);
      const column = r.int(checker.getLine(line).length + 1);
      const inserted = r.pick(['', '"', '}\n{', '\n', 'x', '“']);
      checker.applyChange({ line, column, endLine: line, endColumn: column }, inserted);
      const incremental = checker.check();
      const fresh = new DocumentChecker(checker.getText()).check();
      const all = Array.from({ length: checker.lineCount }, (_, n) => checker.getLine(n));
      assertDocumentProblems(all, incremental.problems);
      assert.deepEqual(incremental, fresh, 'incremental check differs from a fresh one');
    } catch (error) {
      failures.add('document', error, repro);
    }
  }
  console.log(`fuzz: ${DOCUMENT_CASES} document cases`);
  failures.assertNone();
});

test(`fuzz: checkStream on ${STREAM_CASES} random byte files`, async () => {
  const failures = new Failures();
  for (let i = 0; i < STREAM_CASES; i++) {
    const r = new Prng(SEED * 7 + i);
    const bytes = randomFile(r, seeds);
    const repro = `stream case ${i}: base64 ${bytes.subarray(0, 200).toString('base64')}${bytes.length > 200 ? '…' : ''} (${bytes.length} bytes)`;
    try {
      const result = await checkStream(chunked(r, bytes));
      // The stream's lines: split on LF, a CR before it belongs to the line ending.
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      const lines = text.split('\n');
      // A final newline ends the last line rather than starting another; a final lone CR does not.
      if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
      for (let n = 0; n < lines.length; n++) lines[n] = lines[n]!.replace(/\r$/, '');
      assertDocumentProblems(lines, result.problems);
      assert.ok(result.summary.errors >= 0 && result.summary.requests >= 0);
    } catch (error) {
      failures.add('stream', error, repro);
    }
  }
  console.log(`fuzz: ${STREAM_CASES} stream cases`);
  failures.assertNone();
});

for (const [name, run] of Object.entries(REGRESSIONS)) test(`fuzz regression: ${name}`, run);
