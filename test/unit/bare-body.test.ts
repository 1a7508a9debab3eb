// Request bodies written without the batch envelope: recognised as batch input, said to be a
// body (of which endpoint, by its keys and the model table), checked as that body, and wrapped by
// a fix with a custom_id no other line uses.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, checkText, fixesFor, looksLikeBatch } from '../../server/src/core';
import { fixDocument } from '../../server/src/core/node';
import { bareBodyOf } from '../../server/src/core/bare-body';
import { defaultContext } from '../../server/src/core/models/context';
import { chat } from './builders';

const TODAY = '2026-06-01';
const context = defaultContext(TODAY);
const chatBody = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] };

const ENDPOINT_ROWS: [string, Record<string, unknown>, string[]][] = [
  ['chat messages', chatBody, ['/v1/chat/completions']],
  ['responses input', { model: 'gpt-4o-mini', input: 'Hi' }, ['/v1/responses']],
  ['embeddings input', { model: 'text-embedding-3-small', input: 'Hi' }, ['/v1/embeddings']],
  ['moderations input', { model: 'omni-moderation-latest', input: 'Hi' }, ['/v1/moderations']],
  ['completions prompt', { model: 'davinci-002', prompt: 'Hi' }, ['/v1/completions']],
  ['image prompt', { model: 'gpt-image-1', prompt: 'A cat' }, ['/v1/images/generations']],
];

for (const [what, body, endpoints] of ENDPOINT_ROWS) {
  test(`a bare body is recognised by its shape and model: ${what}`, () => {
    assert.deepEqual(bareBodyOf(body, context)?.endpoints, endpoints);
  });
}

test('a bare body whose model the table does not know keeps every endpoint its keys fit', () => {
  const endpoints = bareBodyOf({ model: 'my-model', prompt: 'Hi' }, context)?.endpoints ?? [];
  assert.ok(endpoints.length > 1, JSON.stringify(endpoints));
  assert.ok(endpoints.includes('/v1/completions'));
});

test('not a bare body: an envelope key, no model, or none of messages/input/prompt', () => {
  for (const value of [
    { ...chatBody, custom_id: 'a' },
    { ...chatBody, url: '/v1/chat/completions' },
    { messages: chatBody.messages }, // chat fine-tuning data
    { model: 'gpt-4o-mini', temperature: 1 },
  ])
    assert.equal(bareBodyOf(value, context), undefined, JSON.stringify(value));
});

test('a file of bare bodies looks like batch input; fine-tuning data does not', () => {
  assert.equal(looksLikeBatch(`${JSON.stringify(chatBody)}\n`), true);
  assert.equal(looksLikeBatch(`${JSON.stringify({ messages: chatBody.messages })}\n`), false);
});

test('a bare body draws one problem saying what it is, not the envelope errors', () => {
  const text = [JSON.stringify(chatBody), JSON.stringify({ ...chatBody, max_tokens: 5 })].join(
    '\n',
  );
  const { problems, summary } = checkText(text, { today: TODAY });
  const envelope = problems.filter((p) => p.code === 'missing_envelope');
  assert.deepEqual(
    envelope.map((p) => p.line),
    [0, 1],
  );
  assert.match(envelope[0]!.message, /a \/v1\/chat\/completions request body without the batch/);
  assert.ok(!problems.some((p) => p.code === 'missing_required_parameter'), 'no envelope errors');
  assert.ok(!problems.some((p) => p.code === 'unknown_parameter'), 'model is not unknown');
  assert.equal(summary.requests, 2);
});

test('the body of a bare line is checked where it is, as the body it is', () => {
  const text = JSON.stringify({ ...chatBody, temperature: 5 });
  const { problems } = checkText(text, { today: TODAY });
  const range = problems.find((p) => p.code === 'decimal_above_max_value');
  assert.ok(range, JSON.stringify(problems.map((p) => p.code)));
  assert.equal(text.slice(range.column, range.endColumn), '5');
  assert.equal(range.param, 'temperature');
});

test('the wrap fix keeps every byte of the body and picks custom_ids no line uses', () => {
  const lines = [
    JSON.stringify(chatBody),
    chat({ messages: chatBody.messages }, 'request-1'),
    ` ${JSON.stringify(chatBody)} `,
  ];
  const { problems } = checkText(lines.join('\n'), { today: TODAY });
  const wraps = problems.filter((p) => p.code === 'missing_envelope');
  assert.equal(wraps.length, 2);
  const fixes = wraps.map((p) => fixesFor(p, (n) => lines[n]!));
  for (const f of fixes) assert.equal(f.length, 1);
  assert.deepEqual(
    fixes.map((f) => f[0]!.safe),
    [true, true],
  );
  const fixed = applyEdits(
    lines,
    fixes.flatMap((f) => f[0]!.edits),
  );
  assert.deepEqual(JSON.parse(fixed[0]!), {
    custom_id: 'request-2',
    method: 'POST',
    url: '/v1/chat/completions',
    body: chatBody,
  });
  assert.equal(JSON.parse(fixed[2]!).custom_id, 'request-3');
  assert.ok(fixed[0]!.includes(JSON.stringify(chatBody)), 'the body as written');
  assert.equal(fixed[1], lines[1]);
  assert.equal(checkText(fixed.join('\n'), { today: TODAY }).summary.errors, 0);
});

test('an unclear endpoint gets one fix per url, none applied without a decision', () => {
  const text = JSON.stringify({ model: 'my-model', prompt: 'Hi' });
  const [problem] = checkText(text).problems.filter((p) => p.code === 'missing_envelope');
  const fixes = fixesFor(problem!, () => text);
  assert.ok(fixes.length > 1);
  assert.ok(fixes.every((f) => !f.safe));
  assert.deepEqual(
    fixDocument(Buffer.from(`${text}\n`))
      .output.map(String)
      .join(''),
    `${text}\n`,
    'batchlint fix leaves it',
  );
});

test('batchlint fix wraps each bare body: the result checks clean', () => {
  const text = `${JSON.stringify(chatBody)}\n${JSON.stringify({ ...chatBody, max_tokens: 5 })}\n`;
  const outcome = fixDocument(Buffer.from(text), { today: TODAY });
  assert.equal(outcome.after.summary.errors, 0, JSON.stringify(outcome.after.problems));
  const ids = Buffer.concat(outcome.output)
    .toString()
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l).custom_id);
  assert.deepEqual(ids, ['request-1', 'request-2']);
});
