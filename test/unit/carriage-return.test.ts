// Requests separated by a lone carriage return: whether the Batch API splits lines there is not
// documented, so batchlint says so in an info at the first "\r" (never an error) and checks each
// request on its own, at its place in the line.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { chatUser } from './builders';

const A = chatUser('hello', 'a');
const B = chatUser('there', 'b');

test('two valid requests separated by a lone \\r: one info at the \\r, no error', () => {
  const { problems } = checkText(`${A}\r${B}\r`);
  assert.deepEqual(
    problems.map((p) => [p.code, p.severity, p.line, p.column]),
    [['lone_carriage_return', 'info', 0, A.length]],
  );
  assert.match(problems[0]!.message, /not documented/);
  assert.match(problems[0]!.message, new RegExp(`column ${A.length + 1}\\b`));
});

test("each request's own problems are placed where it is written in the line", () => {
  const bad = chatUser([{ type: 'input_text', text: 'x' }], 'b');
  const { problems } = checkText(`${A}\r${bad}\n`);
  const own = problems.filter((p) => p.code !== 'lone_carriage_return');
  assert.ok(own.length > 0);
  const alone = checkText(`${bad}\n`).problems;
  assert.deepEqual(
    own.map((p) => [p.code, p.column - A.length - 1, p.endColumn - A.length - 1]),
    alone.map((p) => [p.code, p.column, p.endColumn]),
  );
  assert.ok(
    own.every((p) => p.fix === undefined),
    'no fix on a piece of a line',
  );
});

test('a lone \\r inside a line that is broken anyway keeps the syntax error', () => {
  const { problems } = checkText(`${A}\r{"custom_id": \n`);
  assert.equal(problems[0]!.code, 'invalid_json_line');
});

test('10,000 requests on one line separated by \\r: each checked once', () => {
  const pieces = Array.from({ length: 10_000 }, (_, i) => chatUser('hi', `r${i}`));
  const { problems } = checkText(`${pieces.join('\r')}\n`);
  assert.deepEqual(
    problems.map((p) => p.code),
    ['lone_carriage_return'],
  );
  assert.match(problems[0]!.message, /10000 requests/);
});
