// What the model table says about a file's models, once per model: unknown names are a note with
// a suggestion for near misses; deprecated, shut-down and batch-less models carry their date and
// source; a fact the table marks uncertain is only ever a note. The check date is injected.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import type { CheckOptions } from '../../server/src/core';
import { catalogueWith } from '../../server/src/core/models/load';
import { chat, line } from './builders';

const MODEL_CODES = new Set([
  'unknown_model',
  'model_deprecated',
  'model_shut_down',
  'model_not_in_batch',
]);

function statusOf(lines: string[], options: CheckOptions = {}) {
  const text = lines.join('\n');
  return checkText(text, { today: '2026-11-30', ...options })
    .problems.filter((p) => MODEL_CODES.has(p.code))
    .map((p) => [
      p.line,
      p.code,
      p.severity,
      p.message,
      lines[p.line]!.slice(p.column, p.endColumn),
    ]);
}

const hi = [{ role: 'user', content: 'hi' }];
const DEPRECATIONS = 'https://developers.openai.com/api/docs/deprecations';

test('an unknown model is one note per file, at its first line', () => {
  const lines = [1, 2, 3].map((n) => chat({ model: 'my-local-model', messages: hi }, `r${n}`));
  assert.deepEqual(statusOf(lines), [
    [
      0,
      'unknown_model',
      'info',
      "No model rules for 'my-local-model': batchlint's model table does not know it, so its parameters are checked against the endpoint only.",
      '"my-local-model"',
    ],
  ]);
});

test('a near miss is offered the model it resembles', () => {
  const [row] = statusOf([chat({ model: 'gpt4o', messages: hi })]);
  assert.match(String(row![3]), / Did you mean 'gpt-4o'\?$/);
});

test('a deprecated model is a note with its shutdown date and source, then a warning past it', () => {
  const lines = [chat({ model: 'gpt-5', messages: hi })];
  assert.deepEqual(statusOf(lines), [
    [
      0,
      'model_deprecated',
      'info',
      `'gpt-5' is deprecated: it shuts down on 2026-12-11. Source: ${DEPRECATIONS}`,
      '"gpt-5"',
    ],
  ]);
  assert.deepEqual(statusOf(lines, { today: '2026-12-11' }), [
    [
      0,
      'model_shut_down',
      'warning',
      `'gpt-5' was shut down on 2026-12-11; the API no longer serves it. Source: ${DEPRECATIONS}`,
      '"gpt-5"',
    ],
  ]);
});

test('a shutdown date from second-hand sources is a note, and says why', () => {
  const [row] = statusOf([chat({ model: 'gpt-3.5-turbo', messages: hi })]);
  assert.deepEqual(row!.slice(0, 3), [0, 'model_shut_down', 'info']);
  assert.match(
    String(row![3]),
    /^'gpt-3\.5-turbo' was shut down on 2026-10-23; the API no longer serves it \(uncertain: .+\)\. Source: https:\/\//,
  );
});

test('a model the Batch API does not run: a warning when sure, a note when the sources disagree', () => {
  const models = catalogueWith({ models: { 'no-batch': { base: 'gpt-4.1', batch: false } } });
  assert.deepEqual(
    statusOf([chat({ model: 'no-batch', messages: hi })], { models }).map((r) => r.slice(0, 3)),
    [[0, 'model_not_in_batch', 'warning']],
  );
  const o1mini = statusOf([chat({ model: 'o1-mini', messages: hi })]);
  assert.deepEqual(
    o1mini.map((r) => r.slice(0, 3)),
    [
      [0, 'model_deprecated', 'info'],
      [0, 'model_not_in_batch', 'info'],
    ],
  );
});

test('a dated snapshot, a fine-tune and a known model with no deprecation draw nothing', () => {
  for (const model of [
    'gpt-4o-2024-08-06',
    'ft:gpt-4o-mini-2024-07-18:acme::abc123',
    'text-embedding-3-small',
  ]) {
    const body = model.startsWith('text-')
      ? line('/v1/embeddings', { model, input: 'x' })
      : chat({ model, messages: hi });
    assert.deepEqual(statusOf([body]), [], model);
  }
});
