// The incremental checker must agree with a fresh check of the same text after any edits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentChecker, checkText, spliceLarge } from '../../server/src/core';
import type { Range } from '../../server/src/core';
import { chatUser, responses } from './builders';
import { Prng } from './fuzz/prng';

/** Applies an LSP-style change to a plain string, the reference the checker must match. */
function applyToString(text: string, range: Range, insert: string): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number): number =>
    lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) +
    Math.min(column, lines[line]?.length ?? 0);
  return (
    text.slice(0, offset(range.line, range.column)) +
    insert +
    text.slice(offset(range.endLine, range.endColumn))
  );
}

const SNIPPETS = [
  '"',
  '{',
  '}',
  ',',
  '\n',
  'x',
  '“',
  ' ',
  chatUser('new', 'n'),
  '\n' + responses({ input: 'r' }, 'q'),
  '',
];

test('random edits give the same problems as a fresh check', () => {
  const prng = new Prng(42);
  const random = (): number => prng.next();
  let text = [
    chatUser('a', 'a'),
    chatUser('b', 'b'),
    '{',
    '"custom_id": "c",',
    '"method": "POST"}',
    chatUser('d', 'a'),
  ].join('\n');
  const checker = new DocumentChecker(text);
  checker.check();
  for (let step = 0; step < 400; step++) {
    const lines = text.split('\n');
    const line = Math.floor(random() * lines.length);
    const endLine = Math.min(lines.length - 1, line + Math.floor(random() * 2));
    const column = Math.floor(random() * ((lines[line]?.length ?? 0) + 1));
    const endColumn =
      endLine === line
        ? column + Math.floor(random() * 3)
        : Math.floor(random() * ((lines[endLine]?.length ?? 0) + 1));
    const range = {
      line,
      column,
      endLine,
      endColumn: Math.min(endColumn, lines[endLine]?.length ?? 0),
    };
    const insert = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
    text = applyToString(text, range, insert);
    checker.applyChange(range, insert);
    assert.equal(checker.getText(), text, `text after step ${step}`);
    if (step % 20 === 0 || step === 399)
      assert.deepEqual(checker.check(), checkText(text), `problems after step ${step}`);
  }
});

test('a full-text change replaces everything', () => {
  const checker = new DocumentChecker(chatUser('a'));
  checker.applyChange(undefined, 'nonsense');
  assert.equal(checker.check().problems[0]?.code, 'invalid_json_line');
});

test('severity settings and the problem cap apply, and counts still see every problem', () => {
  const text = ['x', 'y', 'z'].join('\n');
  const capped = checkText(text, { maxProblems: 1 });
  assert.equal(capped.problems.length, 1);
  assert.equal(capped.summary.errors, 3, 'three bad lines (each reported, so no "empty batch")');
  const quiet = checkText(' \n\t', { severity: { blank_line: 'off', empty_file: 'warning' } });
  assert.deepEqual(
    quiet.problems.map((p) => [p.code, p.severity]),
    [['empty_file', 'warning']],
  );
});

test('spliceLarge replaces in place as splice would, also for inserts too large to spread', () => {
  for (const size of [0, 1, 9_999, 10_000, 200_000]) {
    const items = Array.from({ length: size }, (_, i) => `new${i}`);
    for (const [start, deleteCount] of [
      [0, 0],
      [3, 2],
      [10, 0],
      [7, 3],
    ] as const) {
      const array = Array.from({ length: 10 }, (_, i) => `old${i}`);
      const expected = [...array.slice(0, start), ...items, ...array.slice(start + deleteCount)];
      spliceLarge(array, start, deleteCount, items);
      assert.deepEqual(array, expected, `${size} items at ${start}, ${deleteCount} removed`);
    }
  }
});

test('identical short lines share a cached entry, and an edit to one of them leaves the others as they were', () => {
  const line = '{"custom_id":"a","method":"POST"}';
  let text = Array.from({ length: 5 }, () => line).join('\n');
  const doc = new DocumentChecker(text);
  assert.deepEqual(doc.check().problems, checkText(text).problems);
  for (const [range, insert] of [
    [{ line: 2, column: 15, endLine: 2, endColumn: 16 }, 'b'],
    [{ line: 0, column: 0, endLine: 0, endColumn: line.length }, '{}'],
    [{ line: 4, column: 1, endLine: 4, endColumn: 1 }, 'x'],
  ] as const) {
    doc.applyChange(range, insert);
    text = applyToString(text, range, insert);
    assert.equal(doc.getText(), text);
    assert.deepEqual(doc.check().problems, checkText(text).problems, JSON.stringify(range));
  }
  // Lines 1 and 3 still share the text they started with.
  assert.equal(doc.getLine(1), line);
  assert.equal(doc.getLine(3), line);
});
