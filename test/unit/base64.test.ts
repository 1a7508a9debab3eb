// The fast base64 check (Node's forgiving decoder plus length arithmetic) must agree exactly with
// the strict definition: only the alphabet, '=' padding only at the end, a valid length.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  atobBytes,
  base64Bytes,
  base64Scratch,
  utf8Length,
  utf8LengthOf,
} from '../../server/src/core/bytes';
import { decodeBase64 } from '../../server/src/core/rules/images';
import { Prng } from './fuzz/prng';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INTRUDERS = ['=', '-', '_', ' ', '\n', '$', '.', 'é', '\\'];

/** Strict base64: the alphabet, then at most two '=' that complete a group of four. */
function expected(data: string): boolean {
  const match = /^[A-Za-z0-9+/]*(={0,2})$/.exec(data);
  if (!match) return false;
  return match[1]!.length > 0 ? data.length % 4 === 0 : data.length % 4 !== 1;
}

// Node's decoder (into new buffers, or into one buffer reused), and the web's (atob: the core in
// a web worker), under one contract.
for (const [decoder, decode] of [
  ['Node', base64Bytes],
  ['Node, one buffer', base64Scratch],
  ['atob', atobBytes],
] as const)
  test(`decodeBase64 (${decoder}) accepts exactly what strict base64 accepts (20,000 seeded strings)`, () => {
    const random = new Prng(0xb64);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      let data = '';
      const length = random.range(1, 40);
      for (let j = 0; j < length; j++) data += random.pick(ALPHABET.split(''));
      if (random.chance(0.3))
        data = data.slice(0, data.length - (data.length % 4)) + random.pick(['', '=', '==']);
      if (random.chance(0.4)) {
        const at = random.int(data.length + 1);
        data = data.slice(0, at) + random.pick(INTRUDERS) + data.slice(at);
      }
      const url = `data:image/png;base64,${data}`;
      const ours = decodeBase64(url, url.indexOf(',') + 1, decode) !== undefined;
      assert.equal(ours, expected(data), JSON.stringify(data));
      if (ours) valid++;
    }
    assert.ok(valid > 2000 && valid < 18_000, `both outcomes are exercised (${valid} valid)`);
  });

// Long data URLs are decoded in pieces of 48 KB: an intruder in any piece, on a piece boundary,
// or padding anywhere but the very end must still be refused; the decoded length is the total.
for (const [decoder, decode] of [
  ['Node', base64Bytes],
  ['Node, one buffer', base64Scratch],
  ['atob', atobBytes],
] as const)
  test(`decodeBase64 (${decoder}) on data URLs of several pieces (200 seeded strings)`, () => {
    const random = new Prng(0xb65);
    const piece = 48 * 1024;
    let valid = 0;
    for (let i = 0; i < 200; i++) {
      const length = random.range(piece - 8, 3 * piece + 8);
      const chars: string[] = [];
      for (let j = 0; j < length; j++) chars.push(ALPHABET[random.int(64)]!);
      let data = chars.join('');
      if (random.chance(0.3))
        data = data.slice(0, data.length - (data.length % 4)) + random.pick(['', '=', '==']);
      if (random.chance(0.5)) {
        // Near a piece boundary half the time.
        const at = random.chance(0.5)
          ? Math.min(data.length, random.range(1, 4) * piece + random.range(-2, 3))
          : random.int(data.length + 1);
        data = data.slice(0, at) + random.pick(INTRUDERS) + data.slice(at);
      }
      const url = `data:image/png;base64,${data}`;
      const ours = decodeBase64(url, url.indexOf(',') + 1, decode);
      assert.equal(ours !== undefined, expected(data), `case ${i}, length ${data.length}`);
      if (ours) {
        valid++;
        assert.equal(ours.length, Buffer.from(data, 'base64').length);
        assert.deepEqual(
          [...ours.head],
          [...Buffer.from(data.slice(0, 64), 'base64').subarray(0, 16)],
        );
      }
    }
    assert.ok(valid > 20 && valid < 180, `both outcomes are exercised (${valid} valid)`);
  });

test('the web way of counting UTF-8 bytes agrees with Node on 5,000 seeded strings', () => {
  const random = new Prng(0x7f8);
  // ASCII, two- and three-byte characters, surrogate pairs, and lone surrogates both ways round.
  const pieces = ['a', '~', 'é', 'ß', '€', '中', '\u{1F600}', '\ud800', '\udfff', '\udc00\ud800'];
  for (let i = 0; i < 5_000; i++) {
    let text = '';
    const length = random.range(0, 30);
    for (let j = 0; j < length; j++) text += random.pick(pieces);
    assert.equal(utf8LengthOf(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
    assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'));
  }
});
