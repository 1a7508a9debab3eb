// Golden test for "Convert to responses format": every line of chat.jsonl converts to exactly the
// hand-checked line of chat.responses.jsonl, with exactly the reports of chat.report.json.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { convertLineToResponses } from '../../server/src/core/convert';
import { validateBody } from '../../server/src/core/schema';

// Compiled tests run from out/test/unit; the fixtures stay in the source tree.
const dir = path.resolve(__dirname, '../../../test/fixtures/convert');

interface ExpectedLine {
  line: number;
  custom_id: string | null;
  status: string;
  notCarried: Array<{ path: Array<string | number>; param: string; reason: string }>;
  changes: Array<{ param: string; kind: string; detail: string }>;
  notes: string[];
  errorStartsWith?: string;
}

function lines(file: string): string[] {
  const text = readFileSync(path.join(dir, file), 'utf8');
  assert.ok(text.endsWith('\n'), `${file} ends with a newline`);
  return text.slice(0, -1).split('\n');
}

const input = lines('chat.jsonl');
const expected = lines('chat.responses.jsonl');
const report = JSON.parse(
  readFileSync(path.join(dir, 'chat.report.json'), 'utf8'),
) as ExpectedLine[];

test('the three golden files describe the same lines', () => {
  // Guards against a truncated fixture making the per-line tests pass on nothing.
  assert.ok(input.length >= 30, `only ${input.length} golden lines`);
  assert.equal(expected.length, input.length);
  assert.equal(report.length, input.length);
  report.forEach((entry, i) => assert.equal(entry.line, i + 1));
});

test('the golden lines cover every status', () => {
  const statuses = new Set(report.map((entry) => entry.status));
  assert.deepEqual([...statuses].sort(), ['converted', 'not-chat', 'unchanged', 'unparseable']);
  assert.ok(report.filter((entry) => entry.notCarried.length > 0).length >= 8);
});

input.forEach((lineText, i) => {
  const entry = report[i] as ExpectedLine;
  test(`golden line ${i + 1} (${entry.custom_id ?? 'no custom_id'})`, () => {
    const result = convertLineToResponses(lineText);
    assert.equal(result.status, entry.status);
    assert.equal(result.text, expected[i]);
    assert.deepEqual(result.notCarried, entry.notCarried);
    assert.deepEqual(result.changes, entry.changes);
    assert.deepEqual(result.notes, entry.notes);
    if (entry.errorStartsWith !== undefined) {
      assert.ok(result.error?.startsWith(entry.errorStartsWith), result.error);
    } else {
      assert.equal(result.error, undefined);
    }
    if (result.status !== 'converted') assert.equal(result.text, lineText);
    else assert.notEqual(result.text, lineText);
  });
});

test('converted golden lines pass the responses schema except on reported fields', () => {
  let errorsOnReported = 0;
  input.forEach((lineText, i) => {
    const result = convertLineToResponses(lineText);
    if (result.status !== 'converted') return;
    const body = (JSON.parse(result.text) as { body: unknown }).body;
    const errors = validateBody('/v1/responses', body).filter((f) => f.severity === 'error');
    const unreported = errors.filter(
      (f) => !result.notCarried.some((n) => within(f.path, n.path) || within(n.path, f.path)),
    );
    assert.deepEqual(unreported, [], `golden line ${i + 1}`);
    errorsOnReported += errors.length;
  });
  assert.ok(errorsOnReported >= 10, `the validator found only ${errorsOnReported} errors`);
});

function within(path: readonly unknown[], prefix: readonly unknown[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}
