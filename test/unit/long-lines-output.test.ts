// fix and convert on a line of several megabytes write it without a second copy of the file's
// worth: fix hands the line to the output as the bytes it was read into; convert writes a long
// line in parts of bounded size through one buffer, and builds its text with one copy. Bounded
// by sizes and counts, never by the clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { fixStream } from '../../server/src/core/node';
import { convertStream } from '../../server/src/cli/convert-text';
import { writeExact } from '../../server/src/core/convert/exact-json';
import { chatUser } from './builders';

const MB = 1 << 20;

/** `text` as chunks of `size` bytes, all read into one buffer (as checkFile and the CLI read). */
function* reusedChunks(text: string, size: number): Generator<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  const chunk = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(chunk, 0, at, Math.min(at + size, bytes.length));
    yield chunk.subarray(0, n);
    chunk.fill(0x23);
  }
}

test('fix hands a 3 MB line to the output as one piece of exactly its bytes; around it, fixes still apply', async () => {
  const long = chatUser('x'.repeat(3 * MB), 'long');
  const input = [chatUser('hi', 'a'), '', long, chatUser('hi', 'b')].join('\n') + '\n';
  const pieces: Buffer[] = [];
  const outcome = await fixStream(reusedChunks(input, 64 * 1024), (piece) => {
    pieces.push(Buffer.from(piece));
  });
  assert.equal(outcome.applied, 1, 'the blank line is removed');
  const output = Buffer.concat(pieces).toString('utf8');
  assert.equal(output, [chatUser('hi', 'a'), long, chatUser('hi', 'b')].join('\n') + '\n');
  // The long line is its own piece (never joined with others into a bigger copy).
  const longest = Math.max(...pieces.map((p) => p.length));
  assert.equal(longest, Buffer.byteLength(long));
  assert.ok(pieces.length <= 4, `${pieces.length} pieces`);
});

/** A writable that keeps a copy of each write and the size of the largest. */
function collector(): { stream: Writable; text: () => string; largest: () => number } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(Buffer.from(chunk));
      done();
    },
  });
  return {
    stream,
    text: () => Buffer.concat(writes).toString('utf8'),
    largest: () => Math.max(0, ...writes.map((w) => w.length)),
  };
}

test('convert writes a 3 MB line in parts of at most 768 KB, and never cuts a surrogate pair', async () => {
  // 😀 is two UTF-16 units: a part ending between them would write two U+FFFD instead. Parts
  // end at even offsets: one of the two prefixes puts pairs across them.
  for (const prefix of ['a', 'ab']) {
    const content = `${prefix}${'😀'.repeat(1_500_000)}`;
    const input = [chatUser('hi', 'a'), chatUser(content, 'long')].join('\n') + '\n';
    const out = collector();
    const outcome = await convertStream(reusedChunks(input, 64 * 1024), out.stream, 'responses');
    assert.equal(outcome.converted, 2);
    assert.ok(out.largest() <= 3 * (1 << 18), `a write of ${out.largest()} bytes`);
    const lines = out.text().split('\n');
    assert.equal(lines.length, 3);
    const converted = JSON.parse(lines[1]!) as { url: string; body: Record<string, unknown> };
    assert.equal(converted.url, '/v1/responses');
    assert.ok(!lines[1]!.includes('\uFFFD'), `prefix ${prefix}: no pair cut`);
    assert.ok(JSON.stringify(converted.body).includes(content), 'the content, every pair whole');
  }
});

test('writeExact writes long strings as JSON.stringify does: quotes, escapes, control characters, lone surrogates', () => {
  const long = 'ab'.repeat(40_000);
  for (const tail of ['', '"', '\\', '\n', '\u0001', '\ud800', '\udc00x', '😀', 'é']) {
    const value = { a: [`${long}${tail}`, { b: `${tail}${long}` }], c: long };
    assert.equal(writeExact(value), JSON.stringify(value), JSON.stringify(tail));
  }
});
