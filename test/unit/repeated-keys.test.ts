// findRepeatedKeys skips lines whose colon count says no key repeats. Property: on seeded lines
// (every seed, with keys duplicated, strings full of colons, quotes and backslashes), it finds
// exactly the repeats a full key-by-key walk finds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visit } from 'jsonc-parser';
import { findRepeatedKeys } from '../../server/src/core/json';
import { Prng } from './fuzz/prng';
import { seedLines } from './fuzz/seeds';
import { TEXT_MUTATIONS } from './fuzz/mutate';

const CASES = 3000;
// Escaped quotes after runs of backslashes: the scan tells an escaped quote by the run's parity.
const TRICKY = ['":', '\\":', '\\\\', ':"', '{\\"a\\":1}', ':::', '\\\\\\\\\\":', '\\\\":'];

function walkAll(text: string): string[] {
  const out: string[] = [];
  const seen: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => void seen.push(new Set()),
    onObjectEnd: () => void seen.pop(),
    onObjectProperty: (key, offset) => {
      const keys = seen[seen.length - 1]!;
      if (keys.has(key)) out.push(`${key}@${offset}`);
      keys.add(key);
    },
  });
  return out;
}

test('the colon count never hides a repeated key (seeded lines)', () => {
  const r = new Prng(0xd0b1e);
  const seeds = seedLines();
  let withRepeats = 0;
  for (let i = 0; i < CASES; i++) {
    let text = r.pick(seeds);
    if (r.chance(0.5)) text = TEXT_MUTATIONS.duplicateKey!(text, r);
    if (r.chance(0.5)) {
      const at = text.indexOf('"content":"') + '"content":"'.length;
      if (at > 10) text = text.slice(0, at) + r.pick(TRICKY) + text.slice(at);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      continue;
    }
    const found = findRepeatedKeys(text, value).map((k) => `${k.key}@${k.offset}`);
    const expected = walkAll(text);
    assert.deepEqual(found, expected, `case ${i}: ${text.slice(0, 300)}`);
    if (expected.length > 0) withRepeats++;
  }
  assert.ok(withRepeats > CASES / 10, `only ${withRepeats} lines had a repeated key`);
});

test('a repeated key is placed on its second occurrence, with its path', () => {
  const text = '{"body":{"model":"a","x":{"k":1,"k":2},"model":"b"}}';
  assert.deepEqual(findRepeatedKeys(text, JSON.parse(text)), [
    { path: ['body', 'x'], key: 'k', offset: 32, length: 3 },
    { path: ['body'], key: 'model', offset: 39, length: 7 },
  ]);
});

test('a string ending in an escaped backslash ends at its quote (the colons after it count)', () => {
  const text = '{"a":"x\\\\","b":1,"b":2}';
  assert.deepEqual(findRepeatedKeys(text, JSON.parse(text)), [
    { path: [], key: 'b', offset: 17, length: 3 },
  ]);
});
