// The server's message reader: one buffer per message body, of exactly its Content-Length, and
// the same messages however the bytes are cut into chunks; a framing error is reported, not
// waited out. Counted, never timed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { ContentLengthReader } from '../../server/src/lsp/message-reader';
import { freeableBuffer } from '../../server/src/core/line-bytes';

function frame(body: unknown, extraHeader = ''): Buffer {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  return Buffer.concat([
    Buffer.from(`${extraHeader}Content-Length: ${json.length}\r\n\r\n`, 'latin1'),
    json,
  ]);
}

/** Feeds `bytes` in chunks of `size` (one buffer refilled each time); messages and errors out. */
function read(
  bytes: Buffer,
  size: number,
): { messages: unknown[]; errors: string[]; reader: ContentLengthReader } {
  const input = new EventEmitter();
  const reader = new ContentLengthReader(input);
  const messages: unknown[] = [];
  const errors: string[] = [];
  reader.onError((e) => errors.push(e.message));
  reader.listen((m) => messages.push(m));
  const chunk = Buffer.alloc(size);
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(chunk, 0, at, Math.min(at + size, bytes.length));
    input.emit('data', chunk.subarray(0, n));
    chunk.fill(0x23);
  }
  return { messages, errors, reader };
}

test('messages cut anywhere (chunks of 1, 2, 3, 7 … bytes) read the same, each body in one buffer of its size', () => {
  const bodies = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { text: 'café ✓ 😀' } },
    { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: 'x\n'.repeat(50_000) } },
    { jsonrpc: '2.0', id: 2, result: null },
  ];
  const bytes = Buffer.concat(
    bodies.map((b, i) =>
      frame(b, i === 1 ? 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n' : ''),
    ),
  );
  for (const size of [1, 2, 3, 7, 4096, bytes.length]) {
    const { messages, errors, reader } = read(bytes, size);
    assert.deepEqual(errors, [], `chunks of ${size}`);
    assert.deepEqual(messages, bodies, `chunks of ${size}`);
    assert.equal(reader.stats.bodies, 3, 'one buffer per body');
    assert.equal(reader.stats.largest, Buffer.byteLength(JSON.stringify(bodies[1])));
  }
});

test('a body of 3 MB is read into a buffer handed back at once once decoded', () => {
  const held = freeableBuffer(3 << 20);
  assert.equal(held.bytes.length, 3 << 20);
  held.free();
  assert.equal(held.bytes.length, 0, 'its memory is returned, not left to the garbage collector');
});

test('framing errors are reported in the words of the library, and nothing more is read', () => {
  const cases: Array<[string | Buffer, RegExp]> = [
    ['Content-Length: abc\r\n\r\n{}', /Content-Length value must be a number. Got abc/],
    ['Content-Type: x\r\n\r\n{}', /Header must provide a Content-Length property/],
    ['garbage\r\n\r\n{}', /must separate key and value using ':'/],
    ['Content-Length: 5\r\n\r\n{bad}', /JSON/],
    [Buffer.alloc(70_000, 0x61), /longer than 65536 bytes/],
  ];
  for (const [input, reason] of cases) {
    const bytes = Buffer.concat([
      typeof input === 'string' ? Buffer.from(input, 'latin1') : input,
      frame({ jsonrpc: '2.0', id: 1, result: null }),
    ]);
    const { messages, errors } = read(bytes, 1000);
    assert.equal(errors.length, 1, String(reason));
    assert.match(errors[0]!, reason);
    assert.deepEqual(messages, [], 'no message after a framing error');
  }
});
