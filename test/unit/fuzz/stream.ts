// Byte-level inputs for checkStream: files as they arrive from disk or a pipe, with BOMs, CRLF
// mixes, invalid UTF-8 and binary noise, cut into chunks at arbitrary byte boundaries.

import type { Prng } from './prng';

const INVALID_UTF8 = [
  [0xff],
  [0xc3], // a lead byte with no continuation
  [0x80], // a continuation byte with no lead
  [0xc0, 0xaf], // overlong '/'
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xe2, 0x80], // a three-byte sequence cut short
];

/** A file's bytes made from seed lines and damage; `binary` sometimes makes it pure noise. */
export function randomFile(r: Prng, lines: readonly string[]): Buffer {
  if (r.chance(0.1)) return r.bytes(r.int(20_000));
  const parts: Buffer[] = [];
  if (r.chance(0.2)) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  for (let n = r.int(12); n > 0; n--) {
    let line: Buffer = Buffer.from(r.pick(lines), 'utf8');
    const roll = r.int(10);
    if (roll === 0) line = Buffer.concat([line, Buffer.from(r.pick(INVALID_UTF8))]);
    else if (roll === 1) {
      const cut = r.int(line.length);
      line = Buffer.concat([
        line.subarray(0, cut),
        Buffer.from(r.pick(INVALID_UTF8)),
        line.subarray(cut),
      ]);
    } else if (roll === 2) line = r.bytes(r.int(200));
    else if (roll === 3) line = Buffer.alloc(0);
    parts.push(line, Buffer.from(r.pick(['\n', '\n', '\r\n', '\r', '\n\n', '\r\r\n'])));
  }
  if (r.chance(0.3) && parts.length > 0) parts.pop(); // no final newline
  if (r.chance(0.1)) parts.splice(r.int(parts.length + 1), 0, Buffer.from([0]));
  return Buffer.concat(parts);
}

/** Yields the bytes in chunks of random size (down to one byte), sometimes as strings. */
export async function* chunked(r: Prng, bytes: Buffer): AsyncGenerator<Buffer | string> {
  let at = 0;
  while (at < bytes.length) {
    const size = r.chance(0.3) ? r.range(1, 4) : r.range(1, 4096);
    const chunk = bytes.subarray(at, at + size);
    at += size;
    // Strings only for chunks that are whole valid UTF-8, as a text stream would deliver them.
    const text = chunk.toString('utf8');
    yield r.chance(0.1) && Buffer.from(text, 'utf8').equals(chunk) ? text : chunk;
  }
}
