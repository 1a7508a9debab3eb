// Every rule across lines: duplicates, one url and one model per file, the batch limits, empty
// files, blank lines and the byte order mark.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import type { Problem } from '../../server/src/core';
import { BatchTally, MAX_FILE_BYTES } from '../../server/src/core/cross/tally';
import { formatBytes, MB } from '../../server/src/core/sizes';
import { chat, chatUser, embeddings, responses } from './builders';

const ofCode = (problems: Problem[], code: string): Problem[] =>
  problems.filter((p) => p.code === code);

test('a duplicate custom_id is flagged on every repeat, pointing at the first', () => {
  const text = [
    chatUser('a', 'x'),
    chatUser('b', 'y'),
    chatUser('c', 'x'),
    chatUser('d', 'x'),
  ].join('\n');
  const dups = ofCode(checkText(text).problems, 'duplicate_custom_id');
  assert.deepEqual(
    dups.map((p) => [p.line, p.relatedLine]),
    [
      [2, 0],
      [3, 0],
    ],
  );
  const first = dups[0]!;
  assert.equal(
    first.message,
    "Duplicate custom_id 'x': line 1 already uses it. Every custom_id must be unique within the batch, or results cannot be matched to requests.",
  );
  // The range is the custom_id value, quotes included.
  const lineText = chatUser('c', 'x');
  assert.equal(lineText.slice(first.column, first.endColumn), '"x"');
});

test('a request whose url differs from the first one is flagged on its url', () => {
  const text = [chatUser('a', 'a'), responses({ input: 'hi' }, 'b')].join('\n');
  const [mismatch, ...rest] = ofCode(checkText(text).problems, 'url_mismatch');
  assert.equal(rest.length, 0);
  assert.equal(mismatch!.line, 1);
  assert.equal(mismatch!.relatedLine, 0);
  assert.match(
    mismatch!.message,
    /^The URL provided for this request does not match the batch endpoint\. Line 1 uses '\/v1\/chat\/completions'/,
  );
  assert.equal(
    responses({ input: 'hi' }, 'b').slice(mismatch!.column, mismatch!.endColumn),
    '"/v1/responses"',
  );
});

test('a request to another model than the first is flagged on its model', () => {
  const text = [
    chat({ model: 'gpt-4o', messages: [{ role: 'user', content: 'a' }] }, 'a'),
    chat({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'b' }] }, 'b'),
  ].join('\n');
  const [mismatch] = ofCode(checkText(text).problems, 'model_mismatch');
  assert.equal(mismatch?.line, 1);
  assert.equal(
    mismatch?.message,
    "Each input file can only include requests to a single model: line 1 uses 'gpt-4o', this request 'gpt-4o-mini'.",
  );
});

test('request 50,001 is flagged, and only that one', () => {
  const one = chatUser('hi');
  const lines: string[] = [];
  for (let i = 0; i < 50_002; i++) lines.push(one.replace('"req-1"', `"r${i}"`));
  const result = checkText(lines.join('\n'));
  assert.deepEqual(
    ofCode(result.problems, 'too_many_tasks').map((p) => p.line),
    [50_000],
  );
  assert.equal(result.summary.requests, 50_002);
});

test('the file passing 200 MB is flagged at the line where it passes', () => {
  const tally = new BatchTally(() => ({ column: 0, endColumn: 1 }));
  const half = MAX_FILE_BYTES / 2;
  assert.deepEqual(tally.add(0, { isRequest: true, customId: 'a' }, half), []);
  assert.deepEqual(tally.add(1, { isRequest: true, customId: 'b' }, half), []);
  const [tooBig] = tally.add(2, { isRequest: true, customId: 'c' }, 10);
  assert.equal(tooBig?.code, 'file_too_large');
  assert.equal(tooBig?.line, 2);
  assert.deepEqual(tally.add(3, { isRequest: true, customId: 'd' }, 10), [], 'said once');
});

test('200 MB is decimal, as the API counts it: 200,000,000 bytes pass, one more does not', () => {
  assert.equal(MAX_FILE_BYTES, 200_000_000);
  const exact = new BatchTally(() => ({ column: 0, endColumn: 1 }));
  assert.deepEqual(exact.add(0, { isRequest: true, customId: 'a' }, 200_000_000), []);
  const over = new BatchTally(() => ({ column: 0, endColumn: 1 }));
  const [tooBig] = over.add(0, { isRequest: true, customId: 'a' }, 200_000_001);
  assert.equal(tooBig?.code, 'file_too_large');
  assert.match(tooBig!.message, /200 MB \(200,000,000 bytes\)/);
});

test('sizes are shown in decimal units everywhere (1 MB = 1,000,000 bytes)', () => {
  for (const [bytes, shown] of [
    [0, '0 B'],
    [999, '999 B'],
    [1_000, '1.0 kB'],
    [57_000_000, '57.0 MB'],
    [59_768_832, '59.8 MB'],
    [200_000_000, '200.0 MB'],
  ] as const)
    assert.equal(formatBytes(bytes), shown, `${bytes} bytes`);
  assert.equal(MB, 1_000_000);
});

test('embedding inputs are summed across the file and flagged past 50,000', () => {
  const inputs = Array.from({ length: 2048 }, () => 'a');
  const lines = Array.from({ length: 25 }, (_, i) => embeddings(inputs, `e${i}`));
  assert.equal(ofCode(checkText(lines.join('\n')).problems, 'too_many_embedding_inputs').length, 1);
  assert.equal(
    ofCode(checkText(lines.slice(0, 24).join('\n')).problems, 'too_many_embedding_inputs').length,
    0,
  );
});

test('an empty file, or one of blank lines only, has no requests', () => {
  for (const text of ['', '\n', '  \n\n']) {
    const codes = checkText(text).problems.map((p) => p.code);
    assert.ok(codes.includes('empty_file'), JSON.stringify(text));
  }
});

test('blank lines between requests are warnings with a fix; a final newline is not a blank line', () => {
  const text = `${chatUser('a', 'a')}\n\n${chatUser('b', 'b')}\n`;
  const blanks = ofCode(checkText(text).problems, 'blank_line');
  assert.deepEqual(
    blanks.map((p) => [p.line, p.severity]),
    [[1, 'warning']],
  );
  assert.equal(blanks[0]!.fix?.id, 'remove-line');
});

test('a UTF-8 byte order mark is a warning, in memory and in a stream', async () => {
  const text = `\uFEFF${chatUser('a')}\n`;
  assert.deepEqual(ofCode(checkText(text).problems, 'utf8_bom').length, 1);
  const streamed = await checkStream([Buffer.from(text, 'utf8')]);
  assert.equal(ofCode(streamed.problems, 'utf8_bom').length, 1);
  assert.equal(streamed.summary.errors, 0);
});

test('a stream gives the same problems as the same text in memory', async () => {
  const text = [
    chatUser('a', 'x'),
    '{"custom_id": "x",',
    '  "method": "POST"}',
    'not json',
    chatUser('c', 'x'),
    responses({ input: 'x' }, 'y'),
  ].join('\r\n');
  const inMemory = checkText(text);
  // Feed the stream in small chunks to cross line boundaries mid-character.
  const bytes = Buffer.from(text, 'utf8');
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
    bytes.subarray(i * 7, i * 7 + 7),
  );
  const streamed = await checkStream(chunks);
  assert.deepEqual(streamed.problems, inMemory.problems);
  assert.ok(inMemory.problems.length >= 4);
});

test('a file whose only line is not JSON draws one problem, not also "no requests"', () => {
  for (const text of ['{"custom_id": "a", "method": "POST"', 'not json\n\n', '[1, 2]']) {
    const codes = checkText(text).problems.map((p) => p.code);
    assert.ok(!codes.includes('empty_file'), `${JSON.stringify(text)}: ${codes.join(', ')}`);
    assert.equal(codes.filter((c) => c !== 'blank_line').length, 1, JSON.stringify(text));
  }
  assert.deepEqual(
    checkText('\n\n')
      .problems.map((p) => p.code)
      .filter((c) => c === 'empty_file'),
    ['empty_file'],
  );
});

test('a duplicate is offered an id no other line uses, and each repeat its own', async () => {
  const text = [chatUser('a', 'req-1'), chatUser('b', 'req-1'), chatUser('c', 'req-1-2')].join(
    '\n',
  );
  const offered = (problems: Problem[]): unknown[] =>
    ofCode(problems, 'duplicate_custom_id').map((p) => p.fix?.id === 'set-value' && p.fix.value);
  // The editor has the whole document: req-1-2 is a later line's.
  assert.deepEqual(offered(checkText(text).problems), ['req-1-3']);
  // A stream has not read the later line yet (the fix is offered, never applied unasked).
  assert.deepEqual(offered((await checkStream([text])).problems), ['req-1-2']);
  const repeats = ['7', '7-2', '7', '7'].map((id, i) => chatUser(String(i), id)).join('\n');
  assert.deepEqual(offered(checkText(repeats).problems), ['7-3', '7-4']);
  assert.deepEqual(offered((await checkStream([repeats])).problems), ['7-3', '7-4']);
});
