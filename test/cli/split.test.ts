// `batchlint split` as a process: the parts it writes and what it says about them, and clear
// reasons with exit status 1 or 2 when it cannot split.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, tempDir } from './run';
import { chatUser, embeddings } from '../unit/builders';

test('split --max-requests: parts of at most N requests, one url each, joined back byte for byte', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const input = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from([1, 2, 3, 4, 5].map((i) => `${chatUser(`q${i}`, `c${i}`)}\r\n`).join('')),
    Buffer.from(`${embeddings('e', 'e1')}\n${embeddings('f', 'e2')}`),
  ]);
  writeFileSync(file, input);
  const run = batchlint(['split', file, '--max-requests', '2']);
  assert.equal(run.status, 0, run.stderr);
  const names = [1, 2, 3, 4].map((k) => path.join(dir, `batch.part-${k}.jsonl`));
  assert.deepEqual(
    run.stdout.split('\n').map((l) => l.replace(/, \d+ bytes/, '')),
    [
      `${file}: read as OpenAI (openai): at most 2 requests and 200,000,000 bytes per part`,
      `${names[0]}: lines 1-2, 2 requests, /v1/chat/completions, gpt-4o-mini`,
      `${names[1]}: lines 3-4, 2 requests, /v1/chat/completions, gpt-4o-mini`,
      `${names[2]}: lines 5-5, 1 request, /v1/chat/completions, gpt-4o-mini`,
      `${names[3]}: lines 6-7, 2 requests, /v1/embeddings, text-embedding-3-small`,
      '',
    ],
  );
  assert.deepEqual(Buffer.concat(names.map((n) => readFileSync(n))), input);
  assert.deepEqual(readdirSync(dir).sort(), ['batch.jsonl', ...names.map((n) => path.basename(n))]);
  for (const part of names.slice(1)) assert.equal(batchlint(['check', part]).status, 0);
});

test('split: nothing to split, usage mistakes, a line too large', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  writeFileSync(file, `${chatUser('a', 'a')}\n`);
  const none = batchlint(['split', file]);
  assert.equal(none.status, 0);
  assert.equal(
    none.stdout,
    `${file}: read as OpenAI (openai): at most 50,000 requests and 200,000,000 bytes per part\n` +
      `${file}: within the limits, one url and one model: nothing to split\n`,
  );
  for (const [args, reason] of [
    [['split'], /takes exactly one FILE/],
    [['split', '-'], /takes exactly one FILE/],
    [
      ['split', file, '--max-requests', '0'],
      /--max-requests takes a whole number of at least 1, not '0'/,
    ],
    [['split', file, '--max-bytes', '2MB'], /--max-bytes takes a whole number/],
    [['split', file, '--dialect', 'claude'], /--dialect must be one of openai, azure, /],
    [
      ['split', file, '--parts', '2'],
      /^batchlint: unknown option --parts \(batchlint split --help shows the usage\)\n$/,
    ],
    [
      ['split', path.join(dir, 'nope.jsonl')],
      /^batchlint: cannot split .*nope\.jsonl: no such file\n$/,
    ],
  ] as const) {
    const run = batchlint(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, reason);
  }
  const tooLarge = batchlint(['split', file, '--max-bytes', '50']);
  assert.equal(tooLarge.status, 1);
  assert.match(
    tooLarge.stderr,
    /^batchlint: cannot split .*: line 1 alone is \d+ bytes, more than the 50 bytes a part may hold\n$/,
  );
  assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
});

/** `n` Anthropic Message Batches lines of one model. */
function anthropicLines(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++)
    text += `${JSON.stringify({ custom_id: `r${i}`, params: { model: 'claude-sonnet-4-5', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] } })}\n`;
  return text;
}

test("split: a file's own provider's limits: 100,000 Anthropic requests stay one part, 100,001 become two", (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claude.jsonl');
  writeFileSync(file, anthropicLines(100_000));
  const whole = batchlint(['split', file]);
  assert.equal(whole.status, 0, whole.stderr);
  assert.deepEqual(whole.stdout.split('\n'), [
    `${file}: read as Anthropic Message Batches (anthropic): at most 100,000 requests and 268,435,456 bytes per part`,
    `${file}: within the limits, one url and one model: nothing to split`,
    '',
  ]);
  writeFileSync(file, anthropicLines(100_001));
  const over = batchlint(['split', file]);
  assert.equal(over.status, 0, over.stderr);
  const lines = over.stdout.split('\n').map((l) => l.replace(/, [\d,]+ bytes/, ''));
  assert.deepEqual(lines, [
    `${file}: read as Anthropic Message Batches (anthropic): at most 100,000 requests and 268,435,456 bytes per part`,
    `${path.join(dir, 'claude.part-1.jsonl')}: lines 1-100000, 100,000 requests, claude-sonnet-4-5`,
    `${path.join(dir, 'claude.part-2.jsonl')}: lines 100001-100001, 1 request, claude-sonnet-4-5`,
    '',
  ]);
  // A second split does not replace the first one's parts: they are removed first.
  const again = batchlint(['split', file, '--dialect', 'openai']);
  assert.equal(again.status, 2, again.stderr);
  assert.match(again.stderr, /claude\.part-1\.jsonl and claude\.part-2\.jsonl already exist/);
  for (const k of [1, 2]) rmSync(path.join(dir, `claude.part-${k}.jsonl`));
  // --dialect names the provider whatever the lines show: OpenAI's 50,000 cuts the same file.
  const asOpenAi = batchlint(['split', file, '--dialect', 'openai']);
  assert.equal(asOpenAi.status, 0, asOpenAi.stderr);
  assert.match(asOpenAi.stdout, /^.*: read as OpenAI \(openai\): at most 50,000 requests/);
  assert.equal(asOpenAi.stdout.match(/part-\d\.jsonl: lines/g)?.length, 3);
});

test('split: a request pretty-printed over several lines is refused, nothing is written', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const pretty = (id: string): string => JSON.stringify(JSON.parse(chatUser('q', id)), null, 2);
  // One-line requests first: the refusal comes once the block is found, and what was written
  // by then is taken back.
  writeFileSync(file, `${chatUser('a', 'a')}\n${chatUser('b', 'b')}\n${pretty('c')}\n`);
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  for (const limit of [['--max-requests', '1'], ['--max-bytes', '400'], []]) {
    const run = batchlint(['split', file, ...limit]);
    assert.equal(run.status, 1, `${limit.join(' ')}: ${run.stderr}`);
    assert.equal(
      run.stderr,
      `batchlint: cannot split ${file}: lines 3-${lines} hold one request written over several lines, which a split could cut in two; run batchlint fix on the file first to write each request on one line\n`,
    );
    assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
  }
  // Once fixed, the same file splits.
  assert.equal(batchlint(['fix', file, '--write']).status, 0);
  assert.equal(batchlint(['split', file, '--max-requests', '1']).status, 0);
  assert.equal(readdirSync(dir).length, 4);
});

for (const [form, text] of [
  ['on one line', (items: string[]) => `[${items.join(', ')}]\n`],
  ['one request per line', (items: string[]) => `[\n${items.join(',\n')}\n]\n`],
] as const) {
  test(`split: a JSON array of requests (${form}) is refused until fix writes it as JSONL`, (t) => {
    const dir = tempDir(t);
    const file = path.join(dir, 'batch.jsonl');
    writeFileSync(file, text(['a', 'b', 'c'].map((id) => chatUser(id, id))));
    const run = batchlint(['split', file, '--max-requests', '1']);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(
      run.stderr,
      `batchlint: cannot split ${file}: line 1 is part of a JSON array of requests, not one request per line; run batchlint fix on the file first to write each request on a line of its own\n`,
    );
    assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
    assert.equal(batchlint(['fix', file, '--write']).status, 0);
    assert.equal(batchlint(['split', file, '--max-requests', '1']).status, 0);
    assert.equal(readdirSync(dir).length, 4);
  });
}

test('split: a block whose first line ends in a brace is found as check finds it', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  // The first request misses its final brace, written on the next line: check joins the two.
  writeFileSync(file, `${chatUser('a', 'a').slice(0, -1)}\n}\n${chatUser('b', 'b')}\n`);
  assert.match(batchlint(['check', file]).stdout, /spread over lines 1–2/);
  const run = batchlint(['split', file, '--max-requests', '1']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /: lines 1-2 hold one request written over several lines/);
  assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
});
