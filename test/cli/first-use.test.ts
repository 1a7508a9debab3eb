// The command line as a new user meets it: every usage mistake is one line, every size is decimal
// MB, and a JSON report says which fixes `batchlint fix` applies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, tempDir } from './run';

const CLEAN = 'examples/clean-chat.jsonl';

const line = (id: string, url: string, body: object): string =>
  JSON.stringify({ custom_id: id, method: 'POST', url, body });

/** Every command's usage mistakes: one line on stderr, nothing on stdout, exit 2. */
const USAGE_MISTAKES: string[][] = [
  ['check', '--bogus', CLEAN],
  ['check', '--max-problems', 'many', CLEAN],
  ['fix'],
  ['fix', CLEAN, '-o'],
  ['convert', '--to', 'xml', CLEAN],
  ['convert', '--to', 'responses'],
  ['results'],
  ['results', CLEAN],
  ['results', CLEAN, '--format', 'xml', '--output', CLEAN],
  ['results', '--outptu', 'x', CLEAN],
  ['split'],
  ['split', CLEAN, CLEAN],
  ['split', CLEAN, '--max-bytes', '2MB'],
  ['estimate'],
  ['estimate', CLEAN, '--format', 'sarif'],
  ['estimate', '--bogus', CLEAN],
  ['nonsense'],
];

test('every usage mistake of every command is a one-line reason with exit 2', () => {
  for (const args of USAGE_MISTAKES) {
    const run = batchlint(args);
    const what = `batchlint ${args.join(' ')}`;
    assert.equal(run.status, 2, what);
    assert.equal(run.stdout, '', what);
    assert.match(run.stderr, /^batchlint: \S[^\n]*\n$/, `${what}: exactly one line`);
    assert.doesNotMatch(run.stderr, /Usage:|internal error/, what);
  }
});

test('--format json: each fix says whether batchlint fix applies it, and fix applies exactly those', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'mixed.jsonl');
  const image = {
    role: 'user',
    content: [{ type: 'image_url', image_url: 'https://example.com/a.png' }],
  };
  writeFileSync(
    file,
    [
      // A safe fix: the image_url string is wrapped as {url}.
      line('a', '/v1/responses', { model: 'gpt-4o-mini', input: 'Hi', max_output_tokens: 20 }),
      line('b', '/v1/chat/completions', { model: 'gpt-4o-mini', messages: [image] }),
      // A fix that needs a decision: the minimum is a guess at what the user wanted.
      line('c', '/v1/chat/completions', { model: 'gpt-4o-mini', messages: [image], n: 0 }),
    ].join('\n') + '\n',
  );
  const before = checkJson(file).files[0]!.problems;
  const offered = before.filter((p) => p.fixes.length > 0);
  assert.ok(
    offered.some((p) => p.fixes.some((f) => f.safe)),
    'a safe fix is listed',
  );
  assert.ok(
    offered.some((p) => p.fixes.every((f) => !f.safe)),
    'a fix to review is listed',
  );

  const fixed = path.join(dir, 'fixed.jsonl');
  assert.equal(batchlint(['fix', file, '-o', fixed]).status, 1, 'the fix to review is left');
  const after = checkJson(fixed).files[0]!.problems;
  const key = (p: { line: number; code: string; param: string | null }): string =>
    `${p.line} ${p.code} ${p.param}`;
  const left = new Set(after.map(key));
  for (const p of offered) {
    const safe = p.fixes.some((f) => f.safe);
    assert.equal(!left.has(key(p)), safe, `${key(p)}: fixed exactly when a listed fix is safe`);
  }
});

test('the split limits are decimal, as the API counts its 200 MB (200,000,000 bytes)', () => {
  const usage = batchlint(['split', '--help']);
  assert.equal(usage.status, 0);
  assert.match(usage.stdout, /default 200,000,000/);
  assert.doesNotMatch(usage.stdout, /209715200|209,715,200/);
});
