// What a request holds behind a syntax problem is reported where it is written: a fix that
// joins or repairs the request then uncovers nothing the user was not shown.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import { writtenOffset } from '../../server/src/core/syntax/content';

const request = {
  custom_id: 'a',
  method: 'POST',
  url: '/v1/chat/completions',
  body: {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'Hello' }],
    temperature: 5,
    response_format: { type: 'json_object' },
  },
};

/** The written text a problem's range covers. */
function covered(lines: string[], p: { line: number; column: number; endColumn: number }): string {
  return lines[p.line]!.slice(p.column, p.endColumn);
}

for (const [what, text] of [
  ['pretty-printed', JSON.stringify(request, null, 2)],
  ['pretty-printed with CRLF and tabs', JSON.stringify(request, null, '\t').replace(/\n/g, '\r\n')],
  ['on one line with typographic quotes', JSON.stringify(request).replace('"Hello"', '“Hello”')],
  ['on one line with a trailing comma', JSON.stringify(request).replace('"Hello"}', '"Hello",}')],
] as const) {
  test(`a request ${what}: its own problems are shown where they are written`, async () => {
    const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
    const { problems } = checkText(text);
    const range = problems.find((p) => p.code === 'decimal_above_max_value');
    assert.ok(range, JSON.stringify(problems.map((p) => p.code)));
    assert.equal(covered(lines, range), '5');
    assert.equal(range.fix, undefined, 'its fix waits for the syntax fix');
    const json = problems.find((p) => p.code === 'json_word_missing');
    assert.ok(json, 'JSON mode without the word json');
    // The stream sees the same problems as the document.
    const streamed = await checkStream([text]);
    assert.deepEqual(
      streamed.problems.map((p) => [p.code, p.line, p.column, p.endColumn]),
      problems.map((p) => [p.code, p.line, p.column, p.endColumn]),
    );
  });
}

test('offsets of a repaired text map back to the text as written', () => {
  // "x = 'ab' ,]" → replacements: 'ab' → "ab" (same length), " ," → "" (shorter).
  const replacements = [
    { start: 4, end: 8, newText: '"ab"' },
    { start: 8, end: 10, newText: '' },
  ];
  assert.equal(writtenOffset(replacements, 0), 0);
  assert.equal(writtenOffset(replacements, 5), 5);
  assert.equal(writtenOffset(replacements, 8), 10, 'after a removed span');
  assert.equal(writtenOffset(replacements, 9), 11);
});
