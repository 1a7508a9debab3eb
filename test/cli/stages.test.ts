// --format json says which stage of the API refuses each problem, and the messages are that
// stage's: the batch validator's for what fails the whole batch, the endpoint's for the rest.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkJson } from './run';

const line = (id: string, url: string, body: unknown): string =>
  JSON.stringify({ custom_id: id, method: 'POST', url, body });

test("check --format json: each problem carries its stage and that stage's words", () => {
  const text = [
    line('a', '/v1/chat/completions', { model: 'gpt-4o' }),
    '{"custom_id": "b", "method": "POST", "url": "/v1/chat/completions", "body": {',
    line('c', '/v1/responses', { model: 'gpt-4o', input: 'Hi' }),
    line('d', '/v1/chat/completions', {
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [
        { type: 'function', function: { name: 'f', strict: true, parameters: { type: 'object' } } },
      ],
    }),
  ].join('\n');
  const problems = checkJson('-', text).files[0]!.problems;
  const seen = problems.map((p) => [p.line, p.stage, p.message.split(' In context')[0]]);
  assert.deepEqual(seen, [
    [1, 'validation', 'Messages parameter is required.'],
    [2, 'validation', seen[1]![2]],
    [3, 'validation', seen[2]![2]],
    [4, 'execution', "Invalid schema for function 'f':"],
    [4, 'execution', "Invalid schema for function 'f':"],
  ]);
  assert.match(String(seen[1]![2]), /^This line is not parseable as valid JSON\./);
  assert.match(
    String(seen[2]![2]),
    /^The URL provided for this request does not match the batch endpoint\./,
  );
});

test('a file whose only line is not JSON: one problem', () => {
  const problems = checkJson('-', '{"custom_id": "a", "body": }').files[0]!.problems;
  assert.deepEqual(
    problems.map((p) => p.code),
    ['invalid_json_line'],
  );
});

test('a line that is JSON but not an object fails validation, like one that is not JSON', () => {
  const text = ['null', '42', '"string"', '[]', '{"custom_id": "a", "body": }'].join('\n');
  const problems = checkJson('-', text).files[0]!.problems;
  assert.deepEqual(
    problems.map((p) => [p.line, p.code, p.stage]),
    [
      [1, 'invalid_type', 'validation'],
      [2, 'invalid_type', 'validation'],
      [3, 'invalid_type', 'validation'],
      [4, 'invalid_type', 'validation'],
      [5, 'invalid_json_line', 'validation'],
    ],
  );
});
