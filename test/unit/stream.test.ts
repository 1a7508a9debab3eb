// The streaming reader: any chunking gives the same result as the text in memory, and bad bytes
// condemn only their own line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import { chatUser } from './builders';

test('multi-byte characters cut by chunk boundaries are read as the text in memory', async () => {
  const text = [chatUser('東京 😀 café', 'a'), chatUser('naïve “quoted”', 'a'), '{"oops": ü}'].join(
    '\n',
  );
  const bytes = Buffer.from(text, 'utf8');
  for (const size of [1, 2, 3, 5, 64]) {
    const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
      bytes.subarray(i * size, (i + 1) * size),
    );
    const streamed = await checkStream(chunks);
    assert.deepEqual(streamed.problems, checkText(text).problems, `chunks of ${size}`);
  }
});

test('an invalid UTF-8 byte is reported on its line only; the lines around it are still checked', async () => {
  const good = Buffer.from(chatUser('hi', 'a') + '\n', 'utf8');
  const bad = Buffer.concat([
    Buffer.from('{"custom_id":"b\xff"}'.replace('\xff', ''), 'utf8'),
    Buffer.from([0xff, 0x0a]),
  ]);
  const after = Buffer.from(chatUser('hi', 'a') + '\n', 'utf8');
  const result = await checkStream([good, bad, after]);
  assert.deepEqual(
    result.problems.map((p) => [p.line, p.code]),
    [
      [1, 'invalid_utf8'],
      [2, 'duplicate_custom_id'],
    ],
  );
});

test('a file that ends inside a multi-byte character reports that last line', async () => {
  const text = Buffer.from(chatUser('hi', 'a') + '\n{"x":"é', 'utf8');
  const cut = text.subarray(0, text.length - 1); // the é's second byte is missing
  const result = await checkStream([cut]);
  assert.deepEqual(
    result.problems.map((p) => [p.line, p.code]),
    [[1, 'invalid_utf8']],
  );
});

test('read in slices for a streamed report (backpressure), lines short and long give the same problems', async () => {
  // Lines of 3 bytes to 20 KB, some with problems, so slices end inside lines and at their ends.
  const lines = Array.from({ length: 60 }, (_, i) => {
    if (i % 7 === 3) return '{"oops": ü}';
    if (i % 5 === 0) return chatUser('é'.repeat(i * 170), `id-${i}`);
    return chatUser(`short ${i}`, i % 11 === 4 ? 'id-0' : `id-${i}`);
  });
  const text = lines.join('\n') + '\n';
  const bytes = Buffer.from(text, 'utf8');
  let asked = 0;
  const sliced = await checkStream([bytes.subarray(0, 50_000), bytes.subarray(50_000)], {
    backpressure: () => {
      asked++;
      return asked % 3 === 0 ? Promise.resolve() : undefined;
    },
  });
  assert.ok(asked > 2, `backpressure was asked ${asked} times`);
  const plain = checkText(text).problems;
  assert.ok(plain.length > 5);
  assert.deepEqual(sliced.problems, plain);
});
