// The command line as a new user meets it: every usage mistake is one line, every size is decimal
// MB, and a JSON report says which fixes `batchlint fix` applies.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, repo, tempDir } from './run';

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
  assert.match(usage.stdout, /50,000 requests and 200,000,000 bytes/);
  assert.doesNotMatch(usage.stdout, /209715200|209,715,200/);
});

const chatBody = (extra: object = {}): object => ({
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'Hello' }],
  ...extra,
});

/** Inputs a new user writes, each with a mistake a fix may uncover more behind. */
const FIRST_TRIES: [string, string][] = [
  [
    'a pretty-printed request in JSON mode without the word json',
    `${JSON.stringify(
      JSON.parse(
        line('a', '/v1/chat/completions', chatBody({ response_format: { type: 'json_object' } })),
      ),
      null,
      2,
    )}\n`,
  ],
  [
    'typographic quotes around a JSON-mode request',
    `${line('a', '/v1/chat/completions', chatBody({ response_format: { type: 'json_object' } })).replace('"Hello"', '“Hello”')}\n`,
  ],
  [
    'bare bodies, one with a parameter out of range',
    `${JSON.stringify(chatBody())}\n${JSON.stringify(chatBody({ temperature: 5 }))}\n`,
  ],
  [
    'a misspelt url',
    [
      line('a', '/v1/chat/completion', chatBody()),
      line('b', '/v1/chat/completions', chatBody()),
    ].join('\n') + '\n',
  ],
];

test('fix output holds no problem that check did not show (code and parameter)', (t) => {
  const dir = tempDir(t);
  const inputs: [string, string][] = [
    ...FIRST_TRIES,
    ...[
      'examples/seed-mistakes.jsonl',
      'examples/pretty-printed.jsonl',
      'examples/chat-input-image.jsonl',
      'examples/chat-image-url-string.jsonl',
      'examples/responses-messages.jsonl',
    ].map((f): [string, string] => [f, readFileSync(path.join(repo, f), 'utf8')]),
  ];
  for (const [what, text] of inputs) {
    const file = path.join(dir, 'input.jsonl');
    writeFileSync(file, text);
    const key = (p: { code: string; param: string | null }): string => `${p.code} ${p.param}`;
    const shown = new Set(checkJson(file).files[0]!.problems.map(key));
    const fixed = batchlint(['fix', file]);
    assert.ok(fixed.status === 0 || fixed.status === 1, fixed.stderr);
    for (const p of checkJson('-', fixed.stdout).files[0]!.problems)
      assert.ok(shown.has(key(p)), `${what}: fix left ${key(p)}, which check did not show`);
  }
});

test('convert on a /v1/responses file written with chat fields converts them, and is 0 only when clean', (t) => {
  const file = path.join(tempDir(t), 'responses-chat.jsonl');
  writeFileSync(
    file,
    `${line('a', '/v1/responses', {
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Answer in json' }],
      max_tokens: 100,
      response_format: { type: 'json_object' },
    })}\n`,
  );
  const run = batchlint(['convert', '--to', 'responses', file]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /converted 1 line; 0 things need a decision\n/);
  assert.deepEqual(JSON.parse(run.stdout).body, {
    model: 'gpt-4o-mini',
    input: [{ role: 'user', content: 'Answer in json' }],
    max_output_tokens: 100,
    text: { format: { type: 'json_object' } },
  });

  // Errors that no conversion removes (the word json missing) keep the exit status at 1.
  writeFileSync(
    file,
    `${line('a', '/v1/responses', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], response_format: { type: 'json_object' } })}\n`,
  );
  const left = batchlint(['convert', '--to', 'responses', file]);
  assert.equal(left.status, 1);
  assert.match(left.stderr, /1 error left in the output \(batchlint check shows it\)/);
});

test('convert treats a pretty-printed request as one request, joined', (t) => {
  const file = path.join(tempDir(t), 'pretty.jsonl');
  const request = {
    custom_id: 'a',
    method: 'POST',
    url: '/v1/chat/completions',
    body: chatBody({ max_tokens: 100 }),
  };
  writeFileSync(file, `${JSON.stringify(request, null, 2)}\n`);
  const run = batchlint(['convert', '--to', 'responses', file]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 1, 'one request, one line');
  assert.equal(JSON.parse(lines[0]!).body.max_output_tokens, 100);
  assert.match(run.stderr, /lines 1-\d+: one request pretty-printed over \d+ lines; joined/);
  assert.match(run.stderr, /converted 1 line; 0 things need a decision\n/);
  assert.doesNotMatch(run.stderr, /not valid JSON/);
});

test('one problem per cause: a misspelt url is not also a mismatch on every other line', (t) => {
  const file = path.join(tempDir(t), 'url.jsonl');
  writeFileSync(
    file,
    [
      line('a', '/v1/chat/completion', chatBody()),
      line('b', '/v1/chat/completions', chatBody()),
      line('c', '/v1/chat/completions', chatBody()),
    ].join('\n') + '\n',
  );
  const problems = checkJson(file).files[0]!.problems;
  assert.deepEqual(
    problems.map((p) => [p.line, p.code]),
    [[1, 'invalid_value']],
  );
  assert.match(problems[0]!.message, /Did you mean '\/v1\/chat\/completions'\?/);
  assert.deepEqual(
    problems[0]!.fixes.map((f) => f.safe),
    [true],
  );
});

test("one problem per cause: max_tokens on o3-mini is the model's error, not also a deprecation note", (t) => {
  const file = path.join(tempDir(t), 'o3.jsonl');
  writeFileSync(
    file,
    `${line('a', '/v1/chat/completions', { model: 'o3-mini', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 100 })}\n`,
  );
  const atMaxTokens = checkJson(file).files[0]!.problems.filter((p) => p.param === 'max_tokens');
  assert.deepEqual(
    atMaxTokens.map((p) => p.code),
    ['unsupported_parameter'],
  );
});

test('one problem per cause: a finding two schema branches both give is said once', (t) => {
  const file = path.join(tempDir(t), 'twice.jsonl');
  writeFileSync(file, `${line('a', '/v1/responses', { model: 'gpt-4o-mini', input: [[1]] })}\n`);
  const problems = checkJson(file).files[0]!.problems;
  assert.deepEqual(
    problems.map((p) => [p.code, p.param]),
    [['invalid_type', 'input[0]']],
  );
});

test('fix wraps a bare body with a custom_id no line of the file uses, later lines included', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };
  // The bare body comes first; request-1 and request-2 are taken further down (one with spaces).
  writeFileSync(
    file,
    [
      JSON.stringify(body),
      line('request-1', '/v1/chat/completions', body),
      `{"custom_id" :  "request-2", "method": "POST", "url": "/v1/chat/completions", "body": ${JSON.stringify(body)}}`,
      '',
    ].join('\n'),
  );
  const out = path.join(dir, 'fixed.jsonl');
  const run = batchlint(['fix', file, '-o', out]);
  assert.equal(run.status, 0, run.stderr);
  const first = JSON.parse(readFileSync(out, 'utf8').split('\n')[0]!) as { custom_id: string };
  assert.equal(first.custom_id, 'request-3');
  assert.deepEqual(checkJson(out).files[0]!.problems, []);
  // From a pipe too: stdin is read whole before it is fixed, so the same id is chosen.
  const piped = batchlint(['fix', '-'], readFileSync(file));
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stdout, readFileSync(out, 'utf8'));
});
