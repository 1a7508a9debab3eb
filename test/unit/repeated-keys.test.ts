// findRepeatedKeys skips lines whose colon counts say no key repeats. Property: on seeded lines
// (every seed, with keys duplicated, strings full of colons, quotes and backslashes), it finds
// exactly the repeats a full key-by-key walk finds.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { visit } from 'jsonc-parser';
import { countProperties, findRepeatedKeys, keyColonBound } from '../../server/src/core/json';
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

test('white space between a key and its colon: the quote-colon bound still counts the key', () => {
  const text = '{"a" :1,"b"\t:\n2,"a"\r\n : 3}';
  const value = JSON.parse(text) as unknown;
  assert.equal(keyColonBound(text), 3);
  assert.deepEqual(findRepeatedKeys(text, value), [
    { path: [], key: 'a', offset: text.lastIndexOf('"a"'), length: 3 },
  ]);
});

test('embedded JSON in a string: the quote-colon bound fails, the exact count proves no repeat', () => {
  const text = '{"arguments":"{\\"order_id\\":\\"12\\"}","name":"lookup"}';
  const value = JSON.parse(text) as unknown;
  // The escaped quote before the inner colon counts too: the cheap bound says "maybe".
  assert.equal(countProperties(value, 0), 2);
  assert.equal(keyColonBound(text), 3);
  assert.deepEqual(findRepeatedKeys(text, value), []);
  const repeated = text.replace('"name"', '"arguments"');
  assert.deepEqual(findRepeatedKeys(repeated, JSON.parse(repeated)), [
    { path: [], key: 'arguments', offset: repeated.lastIndexOf('"arguments"'), length: 11 },
  ]);
});

test('properties are counted at any depth JSON.parse takes (past the recursive count)', () => {
  const depth = 20_000;
  const deep = '{"a":'.repeat(depth) + '{"x":1}' + '}'.repeat(depth);
  assert.equal(countProperties(JSON.parse(deep), 0), depth + 1);
  assert.deepEqual(findRepeatedKeys(deep, JSON.parse(deep)), []);
  // A repeat below the recursive part is still found.
  const nested = '{"a":'.repeat(150) + '{"x":1,"x":2}' + '}'.repeat(150);
  const found = findRepeatedKeys(nested, JSON.parse(nested));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.key, 'x');
  assert.equal(found[0]!.path.length, 150);
});
