// The edit bookkeeping of `batchlint fix` on one line: which edits fit together, and the line they
// give. Each is checked against the plain definition (compare with every edit taken; apply the
// edits last first, one slice each) on seeded random edits, zero-width insertions included.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from '../../server/src/core/types';
import {
  applyLineEdits,
  insertSorted,
  overlaps,
  overlapsAny,
} from '../../server/src/core/fixes/fix-line';
import { Prng } from './fuzz/prng';

function randomEdit(random: Prng, length: number): TextEdit {
  const column = random.int(length + 1);
  const endColumn = random.chance(0.3) ? column : Math.min(length, column + random.range(1, 6));
  return { line: 0, column, endLine: 0, endColumn, newText: `<${random.int(100)}>` };
}

function naiveApply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  const ordered = [...edits].sort((a, b) => b.column - a.column || b.endColumn - a.endColumn);
  for (const e of ordered) out = out.slice(0, e.column) + e.newText + out.slice(e.endColumn);
  return out;
}

test('edits taken as batchlint fix takes them: the neighbour check agrees with checking every edit', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const random = new Prng(seed);
    const text = 'x'.repeat(random.range(0, 80));
    const sorted: TextEdit[] = [];
    const all: TextEdit[] = [];
    for (let i = 0; i < 60; i++) {
      const edit = randomEdit(random, text.length);
      const naive = all.some((t) => overlaps(edit, t));
      assert.equal(overlapsAny(sorted, edit), naive, `seed ${seed}, edit ${i}`);
      if (naive) continue;
      all.push(edit);
      insertSorted(sorted, edit);
    }
    const order = (a: TextEdit, b: TextEdit): number =>
      a.column - b.column || a.endColumn - b.endColumn;
    assert.deepEqual(sorted, [...all].sort(order), `seed ${seed}: kept in order`);
    assert.equal(applyLineEdits(text, all), naiveApply(text, all), `seed ${seed}`);
  }
});

test('an insertion where a replaced range starts goes before the replacement', () => {
  const edits: TextEdit[] = [
    { line: 0, column: 2, endLine: 0, endColumn: 4, newText: 'R' },
    { line: 0, column: 2, endLine: 0, endColumn: 2, newText: 'I' },
  ];
  assert.equal(overlaps(edits[0]!, edits[1]!), false);
  assert.equal(applyLineEdits('abcdef', edits), 'abIRef');
});
