// parseLine takes a long string from the line only when JSON.parse would read it as itself: no
// backslash and no control character. Strings up to SCAN_BY_CHARACTER long are searched one
// character at a time, longer ones in one regex pass; both must refuse exactly what JSON.parse
// refuses and take every clean string.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LONG_STRING,
  parseLine,
  SCAN_BY_CHARACTER,
  skeletonOf,
} from '../../server/src/core/parse-line';

const SIZES = [LONG_STRING + 1, SCAN_BY_CHARACTER, SCAN_BY_CHARACTER + 7];
const base64 = (length: number): string =>
  'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODkrLw=='
    .repeat(Math.ceil(length / 88))
    .slice(0, length);

test('a long string with a control character anywhere in it is refused, as JSON.parse refuses it', () => {
  for (const size of SIZES) {
    const clean = base64(size);
    for (let code = 0; code < 32; code++) {
      const at = (code * 7919) % size;
      const line = `{"image":"${clean.slice(0, at)}${String.fromCharCode(code)}${clean.slice(at + 1)}"}`;
      assert.throws(() => JSON.parse(line), SyntaxError);
      assert.throws(() => parseLine(line), SyntaxError, `size ${size}, control ${code}`);
    }
  }
});

test('a long string with an escape is parsed by JSON.parse; a clean one is taken from the line', () => {
  for (const size of SIZES) {
    const clean = base64(size);
    const escaped = `{"a":"${clean.slice(0, 100)}\\n${clean.slice(100)}"}`;
    assert.equal(skeletonOf(escaped).spans.length, 0);
    assert.deepEqual(parseLine(escaped), JSON.parse(escaped));
    // Tabs and line breaks between tokens are JSON's white space, not part of any string.
    const spaced = `{\t"a" :\r\n"${clean}" ,\t"b":"${clean}"}`;
    assert.equal(skeletonOf(spaced).spans.length, 2, `size ${size}`);
    assert.deepEqual(parseLine(spaced), JSON.parse(spaced));
  }
});
