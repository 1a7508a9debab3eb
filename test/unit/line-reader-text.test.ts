// Lines of UTF-8 text that is not ASCII are decoded line by line (Buffer#toString), ASCII runs at
// once; a line held across chunks through TextDecoder. Whatever the chunking, every line comes
// out as its own bytes say, a U+FEFF inside the input included (only the input's first bytes can
// be its byte order mark).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineReader } from '../../server/src/core/line-reader';
import { Prng } from './fuzz/prng';

interface Read {
  lines: string[];
  bytes: number[];
  bad: number;
  bom: boolean;
}

function read(pieces: Buffer[]): Read {
  const out: Read = { lines: [], bytes: [], bad: 0, bom: false };
  const reader = new LineReader({
    line: (text, bytes) => {
      out.lines.push(text);
      out.bytes.push(bytes);
    },
    badLine: () => void out.bad++,
    bom: () => void (out.bom = true),
  });
  for (const piece of pieces) reader.feed(piece);
  reader.end();
  return out;
}

const TEXTS = [
  '{"a":1}',
  'naïve café',
  '東京 数据',
  '😀 🚀 ✓',
  '\uFEFF{"b":2}',
  '\uFEFF',
  'plain ascii',
  '',
];

test('every line comes out as its bytes say, however the input is cut (seeded)', () => {
  const r = new Prng(0x11e5);
  for (let round = 0; round < 300; round++) {
    const lines = Array.from({ length: 1 + r.int(12) }, () => r.pick(TEXTS));
    const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length;) {
      const size = 1 + r.int(r.chance(0.5) ? 8 : 64);
      pieces.push(Buffer.from(bytes.subarray(at, at + size)));
      at += size;
    }
    const got = read(pieces);
    // A U+FEFF that opens the input is its byte order mark, not part of its first line.
    const expected = [...lines];
    const bom = expected[0]!.startsWith('\uFEFF');
    if (bom) expected[0] = expected[0]!.slice(1);
    assert.equal(got.bom, bom);
    assert.deepEqual(got.lines, expected, `round ${round}`);
    assert.deepEqual(
      got.bytes,
      lines.map((l, i) => Buffer.byteLength(i === 0 && bom ? l.slice(1) : l) + 1),
    );
    assert.equal(got.bad, 0);
  }
});

test('ASCII lines come out whole, in large chunks too: short lines and lines of over 64 KB (seeded)', () => {
  const r = new Prng(0xa5c11);
  for (let round = 0; round < 20; round++) {
    // Lines either side of the decoding block's size (64 KB), in chunks up to 1 MB.
    const lines = Array.from(
      { length: 1 + r.int(40) },
      (_, i) => `${i}:` + 'x'.repeat(r.chance(0.2) ? (1 << 16) - 2 + r.int(200_000) : r.int(3000)),
    );
    const bytes = Buffer.from(lines.join('\n') + '\n', 'latin1');
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length;) {
      const size = 1 + r.int(r.chance(0.5) ? 1 << 20 : 70_000);
      pieces.push(Buffer.from(bytes.subarray(at, at + size)));
      at += size;
    }
    const got = read(pieces);
    assert.deepEqual(
      got.lines.map((l) => l.length),
      lines.map((l) => l.length),
      `round ${round}`,
    );
    assert.deepEqual(got.lines, lines);
    assert.deepEqual(
      got.bytes,
      lines.map((l) => l.length + 1),
    );
  }
});
