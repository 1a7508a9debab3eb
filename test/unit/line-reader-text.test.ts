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
