// --models FILE as a process: a user's table reaches check and fix, and a bad file stops the run
// with exit 2 and the path of the bad field.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, tempDir } from './run';
import type { JsonReport } from './run';

const request = (model: string, extra: Record<string, unknown>, id = 'a'): string =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model, messages: [{ role: 'user', content: 'hi' }], ...extra },
  });

test('check --models: a deployment name inherits its base model rules', (t) => {
  const dir = tempDir(t);
  const models = path.join(dir, 'models.json');
  const batch = path.join(dir, 'batch.jsonl');
  writeFileSync(models, JSON.stringify({ models: { 'my-deploy': { base: 'gpt-4o' } } }));
  writeFileSync(batch, `${request('my-deploy', { max_tokens: 32000 })}\n`);
  const without = checkJson(batch);
  assert.deepEqual(
    without.files[0]!.problems.map((p) => p.code).filter((c) => c !== 'deprecated_parameter'),
    ['unknown_model'],
  );
  const run = batchlint(['check', '--models', models, batch]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(
    run.stdout,
    /:1:\d+: error: max_tokens is too large: 32000\. This model supports at most 16384 completion tokens, whereas you provided 32000\. \[output_limit_exceeded\]/,
  );
});

test('check --models: a bad file is exit 2 with the path of the bad field', (t) => {
  const dir = tempDir(t);
  const models = path.join(dir, 'models.json');
  writeFileSync(
    models,
    JSON.stringify({ models: { 'my-deploy': { base: 'gpt-4o', contextWindow: '8k' } } }),
  );
  const run = batchlint(['check', '--models', models, '-'], `${request('gpt-4o', {})}\n`);
  assert.equal(run.status, 2);
  assert.equal(
    run.stderr,
    `batchlint: ${models}: models["my-deploy"].contextWindow: expected integer.\n`,
  );
});

test('fix applies the safe model fixes: max_tokens renamed, system → developer', (t) => {
  const dir = tempDir(t);
  const batch = path.join(dir, 'batch.jsonl');
  const lines = [
    request('gpt-5-mini', { max_tokens: 100 }, 'a'),
    JSON.stringify({
      custom_id: 'b',
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'o1-mini', messages: [{ role: 'system', content: 'Be terse.' }] },
    }),
    request('gpt-5-mini', { temperature: 0.5 }, 'c'),
  ];
  writeFileSync(batch, `${lines.join('\n')}\n`);
  const run = batchlint(['fix', '--write', batch]);
  const fixed = readFileSync(batch, 'utf8').trimEnd().split('\n');
  assert.deepEqual(JSON.parse(fixed[0]!).body.max_completion_tokens, 100);
  assert.equal(JSON.parse(fixed[0]!).body.max_tokens, undefined);
  assert.equal(JSON.parse(fixed[1]!).body.messages[0].role, 'developer');
  // Dropping a refused temperature changes the request: offered for review, never applied.
  assert.equal(fixed[2], lines[2]);
  assert.equal(run.status, 1, run.stderr);
  // What is left: the temperature, and the second model in one file (model_mismatch).
  assert.match(run.stderr, /applied 2 fixes; 2 errors left/);
});

test('BATCHLINT_TODAY pins the date shutdown dates are compared with; a bad value is a usage error', (t) => {
  const dir = tempDir(t);
  const batch = path.join(dir, 'batch.jsonl');
  // gpt-5 shuts down on 2026-12-11 (the model table, from OpenAI's deprecations page).
  writeFileSync(batch, `${request('gpt-5', {})}\n`);
  const codes = (today: string): string[] => {
    const run = batchlint(['check', '--format', 'json', batch], undefined, undefined, {
      BATCHLINT_TODAY: today,
    });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return (JSON.parse(run.stdout) as JsonReport).files[0]!.problems.map((p) => p.code);
  };
  assert.ok(!codes('2026-12-10').includes('model_shut_down'));
  assert.ok(codes('2026-12-11').includes('model_shut_down'));
  for (const bad of ['tomorrow', '2026-12-1']) {
    const run = batchlint(['check', batch], undefined, undefined, { BATCHLINT_TODAY: bad });
    assert.equal(run.status, 2, bad);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /^batchlint: BATCHLINT_TODAY must be a date written YYYY-MM-DD, or unset \(batchlint --help shows the usage\)\n$/,
    );
  }
  // The right shape, off the calendar: refused too, saying why.
  const offCalendar: [string, string][] = [
    ['2026-02-30', 'February 2026 has 28 days'],
    ['2026-13-01', 'there is no month 13'],
  ];
  for (const [bad, why] of offCalendar) {
    const run = batchlint(['check', batch], undefined, undefined, { BATCHLINT_TODAY: bad });
    assert.equal(run.status, 2, bad);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      `batchlint: BATCHLINT_TODAY must be a date written YYYY-MM-DD, or unset ('${bad}' is not a calendar date: ${why}; batchlint --help shows the usage)\n`,
    );
  }
});
