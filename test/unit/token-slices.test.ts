// Token counting is linear in the text's length: the text reaches the encoder in slices of at
// most 512 characters, and finding where each slice ends reads only that slice. 1 MB of one
// letter (no space to cut before) once read the text back to its start for every slice.
// Bounded by characters read and slice lengths, never by the clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countTokens, nextCut } from '../../server/src/core/models/tokens';
import type { CharSource } from '../../server/src/core/models/tokens';

const MAX_SLICE = 512;

/** A text of `length` characters given by `at`, counting each character read. */
function counted(length: number, at: (i: number) => string): CharSource & { reads: number } {
  return {
    length,
    reads: 0,
    charCodeAt(i: number): number {
      this.reads++;
      return at(i).charCodeAt(0);
    },
  };
}

function slices(text: CharSource): { count: number; longest: number; hard: number } {
  let count = 0;
  let longest = 0;
  let hard = 0;
  for (let start = 0; start < text.length;) {
    const cut = nextCut(text, start);
    assert.ok(cut.end > start, 'each slice moves on');
    longest = Math.max(longest, cut.end - start);
    if (cut.hard) hard++;
    count++;
    start = cut.end;
  }
  return { count, longest, hard };
}

const texts: [string, (i: number) => string][] = [
  ['one letter', () => 'x'],
  ['newlines', () => '\n'],
  ['words', (i) => (i % 7 === 6 ? ' ' : 'a')],
  ['a space every 600 characters', (i) => (i % 600 === 599 ? ' ' : 'b')],
  ['emoji (surrogate pairs)', (i) => '😀'[i % 2]!],
];

for (const [name, at] of texts) {
  test(`slicing 1,000,000 characters of ${name} reads each at most 5 times, slices at most ${MAX_SLICE} long`, () => {
    for (const length of [100_000, 1_000_000]) {
      const text = counted(length, at);
      const { longest } = slices(text);
      assert.ok(longest <= MAX_SLICE, `longest slice ${longest}`);
      assert.ok(text.reads <= 5 * length, `${text.reads} reads for ${length} characters`);
    }
  });
}

test('no slice splits a surrogate pair', () => {
  const text = '😀'.repeat(2000);
  for (let start = 0; start < text.length;) {
    const { end } = nextCut(text, start);
    assert.equal(end % 2, 0, `cut at ${end}`);
    start = end;
  }
});

test('1 MB of one letter is counted whole, with at most one hard cut per 128 characters', () => {
  const length = 1_000_000;
  const counted = countTokens(['x'.repeat(length)], 'o200k_base');
  assert.ok(counted?.complete);
  assert.ok(counted.hardCuts >= length / 128 - 5 && counted.hardCuts <= length / 128);
  assert.ok(counted.tokens > 0 && counted.tokens <= length);
});
