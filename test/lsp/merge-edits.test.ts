// Merging the edits of many fixes into one WorkspaceEdit ("fix all"): a fix is taken whole or
// not at all, and never when it overlaps one already taken.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from '../../server/src/core';
import { mergeEditGroups, overlaps } from '../../server/src/lsp/workspace-edit';

const e = (
  line: number,
  column: number,
  endLine: number,
  endColumn: number,
  newText = 'x',
): TextEdit => ({
  line,
  column,
  endLine,
  endColumn,
  newText,
});

describe('overlaps', () => {
  const cases: [string, TextEdit, TextEdit, boolean][] = [
    ['apart on one line', e(0, 0, 0, 2), e(0, 3, 0, 4), false],
    ['touching ranges', e(0, 0, 0, 2), e(0, 2, 0, 4), false],
    ['crossing', e(0, 0, 0, 3), e(0, 2, 0, 4), true],
    ['nested', e(0, 0, 0, 9), e(0, 2, 0, 4), true],
    ['two inserts at one point', e(0, 2, 0, 2), e(0, 2, 0, 2), true],
    ['insert at a seam', e(0, 0, 0, 2), e(0, 2, 0, 2), true],
    ['different lines', e(0, 0, 0, 5), e(1, 0, 1, 5), false],
    ['a block over later lines', e(0, 0, 3, 1), e(2, 0, 2, 1), true],
  ];
  for (const [name, a, b, expected] of cases) {
    it(name, () => {
      assert.equal(overlaps(a, b), expected);
      assert.equal(overlaps(b, a), expected);
    });
  }
});

describe('mergeEditGroups', () => {
  it('takes every group that does not overlap, in document order', () => {
    const groups = [[e(2, 0, 2, 1)], [e(0, 0, 0, 1), e(0, 5, 0, 6)], [e(1, 0, 1, 1)]];
    assert.deepEqual(mergeEditGroups(groups), [
      e(0, 0, 0, 1),
      e(0, 5, 0, 6),
      e(1, 0, 1, 1),
      e(2, 0, 2, 1),
    ]);
  });

  it('drops a whole group when one of its edits overlaps', () => {
    const block = [e(0, 0, 3, 1, 'joined')];
    const inside = [e(5, 0, 5, 1), e(2, 0, 2, 1)];
    const after = [e(4, 0, 4, 1)];
    assert.deepEqual(mergeEditGroups([inside, block, after]), [...block, ...after]);
  });

  it('skips empty groups', () => {
    assert.deepEqual(mergeEditGroups([[], [e(0, 0, 0, 1)]]), [e(0, 0, 0, 1)]);
  });
});
