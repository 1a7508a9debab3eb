// One line of many megabytes (a request carrying a large image) is read, decoded and parsed
// without copies of it: its bytes are held in one buffer, grown a bounded number of times; the
// reader keeps no chunk it was handed; JSON.parse is handed the line without its long strings,
// which are slices of the line. Bounded by sizes and counts, never by the clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LineBytes } from '../../server/src/core/line-bytes';
import { LineReader } from '../../server/src/core/line-reader';
import { LONG_STRING, parseLine, skeletonOf } from '../../server/src/core/parse-line';
import { checkFile, checkStream } from '../../server/src/core/node';
import { checkText } from '../../server/src/core';
import { Prng } from './fuzz/prng';

const MB = 1 << 20;

/** A chat request whose one image is a data URL of `chars` base64 characters. */
function imageRequest(chars: number, id = 'img'): string {
  const data = 'iVBORw0KGgo' + 'A'.repeat(chars - 11);
  return JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model: 'gpt-4o-mini',
      messages: [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${data}` } }],
        },
      ],
    },
  });
}

/** Feeds `bytes` to a reader in chunks of `size`, as a file read would; returns the lines. */
function readLines(bytes: Buffer, size: number, totalBytes?: number): string[] {
  const lines: string[] = [];
  const reader = new LineReader(
    { line: (text) => lines.push(text), badLine: (raw) => lines.push(`bad:${raw.length}`) },
    totalBytes === undefined ? {} : { totalBytes },
  );
  // One buffer filled again for each chunk: the reader must copy whatever it keeps.
  const chunk = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(chunk, 0, at, Math.min(at + size, bytes.length));
    reader.feed(chunk.subarray(0, n));
    chunk.fill(0x23); // '#': a kept reference to the chunk would read these
  }
  reader.end();
  return lines;
}

test('a line of 20 MB, in a file of known size: one buffer for it past 1 MB, its bytes moved less than once', () => {
  const held = new LineBytes(() => Infinity);
  const line = 20 * MB;
  const known: LineBytes = new LineBytes((): number => line - known.length);
  for (let at = 0; at < line; at += MB) {
    const piece = new Uint8Array(MB);
    held.append(piece);
    known.append(piece);
  }
  assert.equal(known.length, line);
  // 64 KB doubling to 1 MB (5 buffers), then the rest of the file at once.
  assert.ok(known.allocations <= 6, `${known.allocations} buffers`);
  assert.ok(known.moved < line, `${known.moved} bytes moved for ${line}`);
  // Without a size, doubling: still a bounded number of buffers, moved at most twice.
  assert.ok(held.allocations <= 10, `${held.allocations} buffers`);
  assert.ok(held.moved <= 2 * line, `${held.moved} bytes moved for ${line}`);
  assert.equal(known.take().length, line);
  assert.equal(known.length, 0, 'taken: the next line starts a new buffer');
});

test('a long line decoded is handed back at once: the buffer it was read into holds 0 bytes after', () => {
  const held = new LineBytes();
  for (let i = 0; i < 3; i++) held.append(new Uint8Array(MB).fill(0x61));
  let seen: Buffer | undefined;
  const text = held.decode((raw) => {
    seen = raw; // kept against the rule, to see what becomes of it
    return raw.toString('latin1');
  });
  assert.equal(text?.length, 3 * MB);
  assert.equal(seen?.length, 0, 'the memory is returned, not left to the garbage collector');
  assert.equal(held.length, 0);
  // A decoder that refuses leaves the bytes to take.
  held.append(Buffer.from([0xff, 0x61]));
  assert.equal(
    held.decode(() => undefined),
    undefined,
  );
  assert.deepEqual([...held.take()], [0xff, 0x61]);
});

test('the reader keeps no chunk it was handed: lines across chunks, reused buffers, any chunk size', () => {
  const random = new Prng(0x11e5);
  const lines = [
    'short',
    'x'.repeat(200_000),
    'café ✓ 東京 😀'.repeat(5_000),
    '',
    '{"a":1}\r',
    'é'.repeat(70_000),
  ];
  const text = lines.join('\n');
  const bytes = Buffer.from(text, 'utf8');
  for (const size of [1, 2, 3, 7, 4096, 65_537, random.range(1, 300_000), bytes.length]) {
    assert.deepEqual(readLines(bytes, size), lines, `chunks of ${size}`);
    assert.deepEqual(readLines(bytes, size, bytes.length), lines, `chunks of ${size}, size known`);
  }
  // A bad byte in a long line: that line, and only it, as bytes.
  const bad = Buffer.concat([
    Buffer.from('ok\n'),
    Buffer.alloc(100_000, 0x61),
    Buffer.from([0xff, 0x0a, 0x62]),
  ]);
  assert.deepEqual(readLines(bad, 4096), ['ok', 'bad:100001', 'b']);
});

test('a long string value is not handed to JSON.parse: a 4 MB data URL leaves it a few hundred characters', () => {
  const line = imageRequest(4 * MB);
  const { skeleton, spans } = skeletonOf(line);
  assert.equal(spans.length, 1);
  assert.ok(
    skeleton.length < 400,
    `JSON.parse reads ${skeleton.length} of ${line.length} characters`,
  );
  const value = parseLine(line) as {
    body: { messages: Array<{ content: Array<{ image_url: { url: string } }> }> };
  };
  assert.deepEqual(value, JSON.parse(line));
  assert.equal(value.body.messages[0]!.content[0]!.image_url.url.length, 4 * MB + 22);
});

test('parseLine gives what JSON.parse gives, and refuses what it refuses (seeded lines)', () => {
  const random = new Prng(0x9a75e);
  const long = (): string => 'ab+/='.repeat(random.range(LONG_STRING / 5, LONG_STRING / 2));
  const pieces = [
    () => JSON.stringify(long()),
    () => `"${long()}\\n"`, // an escape: read by JSON.parse
    () => `"${long()}\u0001"`, // a control character: not JSON
    () => `"${long()}\t"`,
    () => `"${long()}\\"`, // an escaped quote, then the string runs on
    () => '"\\u0000x"', // a NUL written in the line: no stand-in can pass for it
    () => '"\\u0000"',
    () => JSON.stringify('short'),
    () => String(random.int(1000)),
    () => 'null',
    () => '[1, "x"]',
  ];
  const value = (depth: number): string => {
    if (depth > 2 || random.chance(0.4)) return random.pick(pieces)();
    if (random.chance(0.5)) {
      const items = Array.from({ length: random.range(0, 4) }, () => value(depth + 1));
      return `[${items.join(', ')}]`;
    }
    const keys = ['a', '__proto__', 'url', long().slice(0, LONG_STRING + 3), 'a'];
    const members = Array.from(
      { length: random.range(0, 4) },
      () => `${JSON.stringify(random.pick(keys))} : ${value(depth + 1)}`,
    );
    return `{${members.join(',')}}`;
  };
  let parsed = 0;
  for (let i = 0; i < 300; i++) {
    const line = value(0);
    let expected: unknown;
    let error: unknown;
    try {
      expected = JSON.parse(line);
    } catch (e) {
      error = e;
    }
    if (error) {
      assert.throws(() => parseLine(line), SyntaxError, `case ${i} is not JSON`);
      continue;
    }
    parsed++;
    const ours = parseLine(line);
    assert.deepEqual(ours, expected, `case ${i}`);
    // Own "__proto__" keys stay plain properties, as JSON.parse makes them.
    assert.equal(Object.getPrototypeOf(ours ?? {}) === Object.getPrototypeOf(expected ?? {}), true);
  }
  assert.ok(parsed > 100 && parsed < 300, `both outcomes are exercised (${parsed} parsed)`);
  // The line is one long string.
  const alone = JSON.stringify(long());
  assert.equal(parseLine(alone), JSON.parse(alone));
});

test('one long line, checked from a file, a stream and in memory: the same problems', async () => {
  const line = imageRequest(3 * MB);
  const text = `${line}\n${imageRequest(300, 'small')}\n`;
  const dir = mkdtempSync(path.join(tmpdir(), 'long-lines-'));
  try {
    const file = path.join(dir, 'batch.jsonl');
    writeFileSync(file, text);
    const fromFile = await checkFile(file);
    const fromStream = await checkStream(
      (function* () {
        const bytes = Buffer.from(text);
        for (let at = 0; at < bytes.length; at += 4096) yield bytes.subarray(at, at + 4096);
      })(),
    );
    const inMemory = checkText(text);
    assert.deepEqual(fromFile, inMemory);
    assert.deepEqual(fromStream, inMemory);
    assert.equal(inMemory.summary.requests, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
