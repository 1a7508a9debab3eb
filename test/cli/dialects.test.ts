// Other providers' batch files on the command line: check detects the dialect (and says so),
// --dialect chooses it, convert --to anthropic|gemini rewrites chat completions lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, tempDir } from './run';

const AZURE =
  '{"custom_id":"task-0","method":"POST","url":"/chat/completions","body":{"model":"my-gpt4o-deployment","messages":[{"role":"user","content":"Hello"}]}}\n';

test('check: the Azure line is clean, read as azure, and the text report says why', (t) => {
  const file = path.join(tempDir(t), 'azure.jsonl');
  writeFileSync(file, AZURE);
  const run = batchlint(['check', file]);
  assert.equal(run.status, 0, run.stdout);
  assert.match(
    run.stdout,
    /: read as Azure OpenAI \(azure\): detected from 1 of 1 request line \(url '\/chat\/completions' without \/v1\)\.\n/,
  );
  const report = checkJson(file);
  assert.equal(report.files[0]!.dialect, 'azure');
});

test('check --dialect openai reads the same line as OpenAI’s: its url is wrong there', (t) => {
  const file = path.join(tempDir(t), 'azure.jsonl');
  writeFileSync(file, AZURE);
  const run = batchlint(['check', '--dialect', 'openai', file]);
  assert.equal(run.status, 1);
  assert.match(run.stdout, /Did you mean '\/v1\/chat\/completions'\? \[invalid_value\]/);
});

test('check --dialect takes only known dialects (exit 2)', () => {
  const run = batchlint(['check', '--dialect', 'claude', 'examples/clean-chat.jsonl']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /--dialect must be one of openai, azure, .*, bedrock, not 'claude'/);
});

for (const to of ['anthropic', 'gemini'] as const) {
  test(`convert --to ${to}: the clean chat example becomes ${to} lines that check clean`, (t) => {
    const run = batchlint(['convert', '--to', to, 'examples/clean-chat.jsonl']);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 5);
    for (const line of lines)
      assert.ok(JSON.parse(line)[to === 'anthropic' ? 'params' : 'request']);
    // Every line sets max_completion_tokens: Anthropic's required max_tokens is there. What is
    // left for Anthropic is the model: the example's is OpenAI's, and Anthropic runs Claude
    // models, so each line has it to decide, and the output's check says the same.
    const decisions = to === 'anthropic' ? 5 : 0;
    assert.equal(run.status, decisions > 0 ? 1 : 0, run.stderr);
    assert.match(run.stderr, new RegExp(`converted 5 lines; ${decisions} things need a decision`));
    const out = path.join(tempDir(t), 'out.jsonl');
    writeFileSync(out, run.stdout);
    const check = checkJson(out);
    assert.equal(check.files[0]!.dialect, to);
    assert.deepEqual(
      check.files[0]!.problems.filter((p) => p.severity !== 'info').map((p) => p.code),
      Array<string>(decisions).fill('model_not_on_endpoint'),
    );
  });
}

test('convert --to anthropic: what Messages has no place for is reported, exit 1', (t) => {
  const file = path.join(tempDir(t), 'n.jsonl');
  const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], n: 2, seed: 7 };
  writeFileSync(
    file,
    JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body }) + '\n',
  );
  const run = batchlint(['convert', '--to', 'anthropic', file]);
  assert.equal(run.status, 1);
  for (const param of ['model', 'max_tokens', 'n', 'seed'])
    assert.ok(run.stderr.includes(`${file}: line 1: '${param}'`), run.stderr);
  assert.ok(
    run.stderr.includes(
      `${file}: line 1: 'model' stays as it was: Anthropic runs Claude models, name one`,
    ),
  );
  assert.match(run.stderr, /converted 1 line; 4 things need a decision/);
});

test('convert --to takes responses, anthropic or gemini (exit 2)', () => {
  const run = batchlint(['convert', '--to', 'bedrock', 'examples/clean-chat.jsonl']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /'convert' needs --to responses, --to anthropic, --to gemini/);
});

test("convert on another provider's file converts nothing, says why once per provider, exit 1", () => {
  for (const [to, dialect, label] of [
    ['responses', 'anthropic', 'Anthropic Message Batches (anthropic)'],
    ['responses', 'azure', 'Azure OpenAI (azure)'],
    ['responses', 'together', 'Together AI (together)'],
    ['anthropic', 'gemini', 'Gemini API batch mode (gemini)'],
    ['gemini', 'bedrock', 'Amazon Bedrock batch inference (bedrock)'],
  ] as const) {
    const file = `test/fixtures/dialects/${dialect}.jsonl`;
    const run = batchlint(['convert', '--to', to, file]);
    assert.equal(run.status, 1, `${to} ${dialect}: ${run.stderr}`);
    const lines = run.stderr.split('\n');
    assert.match(
      lines[0]!,
      new RegExp(
        `^${file}: \\d+ lines not converted \\(the first is line 1\\): A line of ${label.replace(/[()]/g, '\\$&')}: convert --to ${to} reads `,
      ),
    );
    assert.equal(lines[1], 'batchlint: converted 0 lines; 0 things need a decision');
  }
});

test('check text: problems come in position order, also those only the end of the file tells', () => {
  for (const args of [
    ['check', 'test/fixtures/dialects/bedrock.jsonl'],
    ['check', '--dialect', 'anthropic', 'test/fixtures/dialects/together.jsonl'],
    ['check', '--dialect', 'gemini', 'test/fixtures/dialects/bedrock.jsonl'],
  ]) {
    const run = batchlint(args);
    const places = [...run.stdout.matchAll(/^[^:\n]+\.jsonl:(\d+):(\d+): /gm)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    assert.ok(places.length >= 3, `${args.join(' ')}: ${run.stdout}`);
    const sorted = [...places].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    assert.deepEqual(places, sorted, args.join(' '));
  }
});

test('convert --to anthropic|gemini: a line that is not a chat request is said not converted, exit 1', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'mixed.jsonl');
  const lines = [
    '{"custom_id":"e","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"x"}}',
    '{"custom_id":"r","method":"POST","url":"/v1/responses","body":{"model":"gpt-4o","input":"x"}}',
  ];
  writeFileSync(file, `${lines.join('\n')}\n`);
  for (const to of ['anthropic', 'gemini']) {
    const out = path.join(dir, `${to}.jsonl`);
    const run = batchlint(['convert', '--to', to, file, '-o', out]);
    assert.equal(run.status, 1, `${to}: ${run.stderr}`);
    const [first, second, summary] = run.stderr.split('\n');
    assert.equal(
      first,
      `${file}: line 1: not converted: Only chat completions lines are converted; this one's url is "/v1/embeddings".`,
    );
    assert.equal(
      second,
      `${file}: line 2: not converted: Only chat completions lines are converted; this one's url is "/v1/responses".`,
    );
    // The lines left mix two urls: the output's check says so too.
    assert.match(
      summary!,
      /^batchlint: converted 0 lines; 2 things need a decision; \d+ errors? left/,
    );
  }
  // Converting to Responses leaves an embeddings line as the OpenAI request it is.
  const responses = batchlint([
    'convert',
    '--to',
    'responses',
    file,
    '-o',
    path.join(dir, 'r.jsonl'),
  ]);
  assert.doesNotMatch(responses.stderr, /not converted/);
});
