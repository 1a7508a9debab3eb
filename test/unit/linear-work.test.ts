// The smallest inputs that once took minutes or gigabytes, each bounded by the work it may cost
// (lines read, characters scanned, problems built), never by the clock: doubling the input may at
// most double the work.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, DocumentChecker } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import type { Problem } from '../../server/src/core';
import { LineTree } from '../../server/src/core/locate';
import { BlockFinder } from '../../server/src/core/syntax/block-finder';
import type { BlockItem, LineShape } from '../../server/src/core/syntax/block-finder';
import { lineShape } from '../../server/src/core/syntax/block-finder';
import { chatUser } from './builders';

/** A request without its final "}": it opens an object and never closes it. */
const missingBrace = (i: number): string => chatUser('hello there', `r${i}`).slice(0, -1);

/** Runs the block search over `lines`, counting the line shapes and line texts it reads. */
function blockWork(lines: readonly string[]): { shapes: number; texts: number; out: string[] } {
  let shapes = 0;
  let texts = 0;
  const out: string[] = [];
  const finder = new BlockFinder<BlockItem & { raw: string }>(
    {
      single: (_item, line) => out.push(`line ${line}`),
      block: (block) => out.push(`block ${block.startLine}-${block.endLine}`),
    },
    (item): LineShape => {
      shapes++;
      return lineShape(item.raw);
    },
  );
  for (const raw of lines) {
    const opensBlock = raw.trimStart().startsWith('{') && lineShape(raw).depth > 0;
    finder.push({
      raw,
      opensBlock,
      get text() {
        texts++;
        return raw;
      },
    });
  }
  finder.end();
  return { shapes, texts, out };
}

test('10,000 requests each missing their final brace: each line is read once by the block search', () => {
  const small = blockWork(Array.from({ length: 5_000 }, (_, i) => missingBrace(i)));
  const large = blockWork(Array.from({ length: 10_000 }, (_, i) => missingBrace(i)));
  assert.equal(small.shapes, 5_000);
  assert.equal(large.shapes, 10_000);
  assert.equal(large.texts, 0, 'no block was joined');
  assert.deepEqual(
    large.out.slice(0, 2),
    ['line 0', 'line 1'],
    'each line is reported on its own, in order',
  );
  assert.equal(large.out.length, 10_000);
});

test('nested blocks that never parse are joined once, not once per opening line', () => {
  // {"a":[ … opened 2,000 times, a broken value, then every bracket closed: each opening line's
  // brackets match, but no block parses. Joining each would read 2,000 × 2,000 lines.
  const n = 2_000;
  const lines = [
    ...Array.from({ length: n }, () => '{"a":['),
    'oops',
    ...Array.from({ length: n }, () => ']}'),
  ];
  const work = blockWork(lines);
  assert.ok(work.texts <= 2 * lines.length, `${work.texts} line texts read for ${lines.length}`);
  assert.equal(work.out.length, lines.length);
});

test('stream and document find the same blocks, also after a line that never closes', async () => {
  const open = '{"custom_id":"a","method":"POST",';
  const block = ['{', '  "custom_id": "b",', '  "method": "POST"', '}'];
  const text = [open, ...block, chatUser('hi', 'c')].join('\n');
  const streamed = await checkStream([Buffer.from(text)]);
  const inMemory = checkText(text);
  assert.deepEqual(streamed.problems, inMemory.problems);
  const joined = inMemory.problems.find((p) => p.code === 'multiline_request');
  assert.equal(joined?.line, 1);
  assert.equal(joined?.endLine, 4);
});

test('10,000 requests missing their brace, edited: the same as a fresh check', () => {
  const lines = Array.from({ length: 10_000 }, (_, i) => missingBrace(i));
  const checker = new DocumentChecker(lines.join('\n'));
  const invalid = checker.check().problems.filter((p) => p.code === 'invalid_json_line');
  assert.equal(invalid.length, 10_000, 'each line on its own');
  // The edit closes line 5,000, which becomes a request.
  checker.applyChange(
    { line: 5_000, column: lines[5_000]!.length, endLine: 5_000, endColumn: lines[5_000]!.length },
    '}',
  );
  const edited = checker.check();
  assert.equal(edited.summary.requests, 1);
  assert.deepEqual(edited, new DocumentChecker(checker.getText()).check());
});

/** A line with `keys` unknown keys in its body, one finding each. */
function unknownKeys(keys: number): string {
  const body: Record<string, unknown> = {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
  };
  for (let i = 0; i < keys; i++) body[`unknown_${i}`] = i;
  return JSON.stringify({ custom_id: 'k', method: 'POST', url: '/v1/chat/completions', body });
}

function placeAll(keys: number): { scanned: number; length: number } {
  const text = unknownKeys(keys);
  const tree = new LineTree(text);
  for (let i = 0; i < keys; i++) {
    const span = tree.locate(['body', `unknown_${i}`], 'key');
    assert.equal(text.slice(span.start, span.end), `"unknown_${i}"`);
  }
  return { scanned: tree.scanned, length: text.length };
}

test('one line with 10,000 unknown keys: placing every finding reads the line about once', () => {
  const small = placeAll(5_000);
  const large = placeAll(10_000);
  assert.ok(large.scanned <= 2 * large.length, `${large.scanned} chars read for ${large.length}`);
  assert.ok(large.scanned <= 2.2 * small.scanned, `${small.scanned} → ${large.scanned}`);
});

test('one line with 10,000 unknown keys is checked with a problem at each key', () => {
  const text = unknownKeys(10_000);
  const problems = checkText(text).problems.filter((p) => p.code === 'unknown_parameter');
  assert.equal(problems.length, 10_000);
  const last = problems[problems.length - 1]!;
  assert.equal(text.slice(last.column, last.endColumn), '"unknown_9999"');
});

test('deep containers are remembered, not re-read: a finding at depth 2,000 reads the line about once', () => {
  const depth = 2_000;
  const text = `{"a":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
  const tree = new LineTree(text);
  for (let d = 1; d <= depth; d += 97) tree.locate(Array(d).fill('a'), 'value');
  assert.ok(tree.scanned <= 2 * text.length, `${tree.scanned} chars read for ${text.length}`);
});

/** `count` lines of "{}", as chunks of a stream, never held as one text. */
function* emptyObjects(count: number): Generator<Buffer> {
  const chunk = Buffer.from('{}\n'.repeat(10_000));
  for (let left = count; left > 0; left -= 10_000)
    yield left >= 10_000 ? chunk : chunk.subarray(0, left * 3);
}

test('200,000 lines of {} with maxProblems 10: every problem counted, at most 84 built', async () => {
  const result = await checkStream(emptyObjects(200_000), { maxProblems: 10 });
  assert.equal(result.problems.length, 10);
  assert.equal(result.summary.requests, 200_000);
  const perLine = checkText('{}').summary.errors;
  // …and one for request 50,001 (a batch takes at most 50,000).
  assert.equal(result.summary.errors, 200_000 * perLine + 1);
});

test('200,000 lines of {} streamed to onProblem: nothing kept, at most maxProblems handed over', async () => {
  let handed = 0;
  const result = await checkStream(emptyObjects(200_000), { onProblem: () => handed++ });
  assert.equal(result.problems.length, 0);
  assert.equal(handed, result.summary.errors);
  handed = 0;
  await checkStream(emptyObjects(200_000), { maxProblems: 10, onProblem: () => handed++ });
  assert.equal(handed, 10);
});

test('the first maxProblems problems are the same whether kept all or capped', async () => {
  const text = [
    '{}',
    chatUser('hi', 'a'),
    '',
    '{"custom_id":"a"}',
    '{',
    '"custom_id": "b"',
    '}',
    'not json',
  ].join('\n');
  const all = checkText(text).problems;
  for (const max of [0, 1, 3, 5, all.length]) {
    const capped = checkText(text, { maxProblems: max });
    assert.deepEqual(capped.problems, all.slice(0, max), `maxProblems ${max}`);
    const streamed = await checkStream([Buffer.from(text)], { maxProblems: max });
    assert.deepEqual(streamed.problems, all.slice(0, max), `stream, maxProblems ${max}`);
    assert.deepEqual(capped.summary, checkText(text).summary);
  }
});

test('onProblem hands over every listed problem in position order as lines complete', async () => {
  const text = ['{}', 'nope', '{}', ''].join('\n');
  const seen: Problem[] = [];
  await checkStream([Buffer.from(text)], { onProblem: (p) => seen.push(p) });
  assert.deepEqual(seen, checkText(text).problems);
});
