// An empty or all-whitespace model names no model: an error on every endpoint, in our words
// (the API's for it are not recorded), with no unknown-model note beside it. A missing model
// keeps the batch validator's words; a null one the schema's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import type { Endpoint } from '../../server/src/core';
import { BODY_WITHOUT_MODEL, line, type Json } from './builders';

const hi = [{ role: 'user', content: 'hi' }];

const needed = (endpoint: string): string => ` ${endpoint} needs one: name the model to run.`;
const defaulted = (endpoint: string): string =>
  ` Name one, or leave 'model' out for ${endpoint}'s default model.`;

const rows: [Endpoint, model: string, message: string][] = [
  [
    '/v1/chat/completions',
    '',
    `batchlint: 'model' is an empty string, which names no model.${needed('/v1/chat/completions')}`,
  ],
  [
    '/v1/chat/completions',
    ' \t',
    `batchlint: 'model' is only whitespace, which names no model.${needed('/v1/chat/completions')}`,
  ],
  [
    '/v1/responses',
    '   ',
    `batchlint: 'model' is only whitespace, which names no model.${needed('/v1/responses')}`,
  ],
  [
    '/v1/embeddings',
    '',
    `batchlint: 'model' is an empty string, which names no model.${needed('/v1/embeddings')}`,
  ],
  [
    '/v1/completions',
    '',
    `batchlint: 'model' is an empty string, which names no model.${needed('/v1/completions')}`,
  ],
  [
    '/v1/moderations',
    '',
    `batchlint: 'model' is an empty string, which names no model.${defaulted('/v1/moderations')}`,
  ],
  [
    '/v1/images/generations',
    ' ',
    `batchlint: 'model' is only whitespace, which names no model.${defaulted('/v1/images/generations')}`,
  ],
  [
    '/v1/images/edits',
    '',
    `batchlint: 'model' is an empty string, which names no model.${defaulted('/v1/images/edits')}`,
  ],
  [
    '/v1/videos',
    '',
    `batchlint: 'model' is an empty string, which names no model.${defaulted('/v1/videos')}`,
  ],
];

/** Every problem of a one-line file: code, severity, message, the text under the span. */
function problemsOf(url: Endpoint, body: Json) {
  const text = line(url, body);
  return checkText(text, { today: '2026-11-30' }).problems.map((p) => [
    p.code,
    p.severity,
    p.message,
    text.slice(p.column, p.endColumn),
  ]);
}

for (const [url, model, message] of rows) {
  test(`blank-model: ${JSON.stringify(model)} on ${url} is an error, and the only problem`, () => {
    assert.deepEqual(problemsOf(url, { model, ...BODY_WITHOUT_MODEL[url] }), [
      ['blank_model', 'error', message, JSON.stringify(model)],
    ]);
  });
}

test('blank-model: a name with spaces around it, a missing and a null model are not blank_model', () => {
  const chat = '/v1/chat/completions';
  assert.deepEqual(
    problemsOf(chat, { messages: hi }).map((p) => p.slice(0, 3)),
    [['invalid_request', 'error', 'Model parameter is required.']],
  );
  assert.deepEqual(
    problemsOf(chat, { model: null, messages: hi }).map((p) => p.slice(0, 3)),
    [
      [
        'invalid_type',
        'error',
        "Invalid type for 'model': expected a string, but got null instead.",
      ],
    ],
  );
  // A padded name is another name: the table does not know it, as before.
  assert.deepEqual(
    problemsOf(chat, { model: ' gpt-4o', messages: hi }).map((p) => p.slice(0, 2)),
    [['unknown_model', 'info']],
  );
  // Moderations without a model runs its default: nothing to say.
  assert.deepEqual(problemsOf('/v1/moderations', { input: 'hello' }), []);
});
