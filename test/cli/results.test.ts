// `batchlint results` as a process: the report formats and exit status of `check`, the retry
// file byte for byte (CRLF, BOM, a last line with no newline, bytes that are not UTF-8), and
// clear one-line reasons for files it cannot use.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { batchlint, tempDir } from './run';
import { ModelCatalogue } from '../../server/src/core/models/catalogue';
import type { JsonReport } from './run';
import { chatUser } from '../unit/builders';
import { EXPIRED_MESSAGE, failed, notRun, succeeded } from '../unit/result-builders';

const IMAGE_FAILURE = {
  message:
    "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead.",
  code: 'invalid_type',
  param: 'messages[0].content[1].image_url',
};

const imageLine = (id: string): string =>
  chatUser(
    [
      { type: 'text', text: 'What is this?' },
      { type: 'image_url', image_url: 'https://example.com/cat.png' },
    ],
    id,
  );

/** Writes the files of one batch into `dir`; returns their paths. */
function batchFiles(
  dir: string,
  input: Buffer | string,
  output: string[],
  errors: string[],
): { input: string; output: string; errors: string } {
  const files = {
    input: path.join(dir, 'batch.jsonl'),
    output: path.join(dir, 'batch_abc_output.jsonl'),
    errors: path.join(dir, 'batch_abc_error.jsonl'),
  };
  writeFileSync(files.input, input);
  writeFileSync(files.output, output.map((l) => `${l}\n`).join(''));
  writeFileSync(files.errors, errors.map((l) => `${l}\n`).join(''));
  return files;
}

/** The input's lines as raw bytes, each with its line ending, the BOM left out. */
function rawLines(bytes: Buffer): Buffer[] {
  let rest =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const lines: Buffer[] = [];
  for (let nl = rest.indexOf(10); nl >= 0; nl = rest.indexOf(10)) {
    lines.push(rest.subarray(0, nl + 1));
    rest = rest.subarray(nl + 1);
  }
  if (rest.length > 0) lines.push(rest);
  return lines;
}

test('results --retry writes the failed, expired and missing lines byte for byte, in input order (CRLF, BOM, no final newline, non-UTF-8)', (t) => {
  const dir = tempDir(t);
  const notUtf8 = Buffer.concat([
    Buffer.from(
      '{"custom_id":"latin1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"caf',
    ),
    Buffer.from([0xe9]),
    Buffer.from('"}]}}'),
  ]);
  const input = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${chatUser('one', 'ok-1')}\r\n`),
    Buffer.from(`${imageLine('bad-2')}\r\n`),
    Buffer.from(`${chatUser('three', 'ok-3')}\n`),
    Buffer.from(`${chatUser('non-ASCII: é, 漢字, 🙂', 'exp-4')}\r\n`),
    Buffer.from('\r\n'),
    notUtf8,
    Buffer.from('\n'),
    Buffer.from(chatUser('last, no newline', 'missing-6')),
  ]);
  const files = batchFiles(
    dir,
    input,
    [succeeded('ok-3'), succeeded('ok-1'), succeeded('latin1')],
    [notRun('exp-4', 'batch_expired', EXPIRED_MESSAGE), failed('bad-2', IMAGE_FAILURE)],
  );
  const retry = path.join(dir, 'retry.jsonl');
  const run = batchlint([
    'results',
    files.input,
    '--output',
    files.output,
    '--errors',
    files.errors,
    '--retry',
    retry,
  ]);
  assert.equal(run.status, 1, run.stderr);
  assert.equal(run.stderr, `batchlint: wrote 3 lines to send again to ${retry}\n`);
  const lines = rawLines(input);
  const chosen = Buffer.concat([lines[1]!, lines[3]!, lines[6]!]);
  assert.deepEqual(readFileSync(retry), chosen);
  assert.deepEqual(readdirSync(dir).sort(), [
    'batch.jsonl',
    'batch_abc_error.jsonl',
    'batch_abc_output.jsonl',
    'retry.jsonl',
  ]);
});

test('results --retry --fix applies the safe fixes to the retried lines only, keeping their endings', (t) => {
  const dir = tempDir(t);
  const input = `${chatUser('one', 'ok-1')}\r\n${imageLine('bad-2')}\r\n`;
  const files = batchFiles(dir, input, [succeeded('ok-1')], [failed('bad-2', IMAGE_FAILURE)]);
  const retry = path.join(dir, 'retry.jsonl');
  const run = batchlint([
    'results',
    files.input,
    '--errors',
    files.errors,
    '--output',
    files.output,
    '--retry',
    retry,
    '--fix',
  ]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /wrote 1 line to send again to .*retry\.jsonl \(1 with fixes applied\)/);
  const fixed = readFileSync(retry, 'utf8');
  assert.ok(fixed.endsWith('}\r\n'));
  const body = JSON.parse(fixed) as {
    body: { messages: { content: { image_url?: unknown }[] }[] };
  };
  assert.deepEqual(body.body.messages[0]!.content[1]!.image_url, {
    url: 'https://example.com/cat.png',
  });
  const check = batchlint(['check', retry]);
  assert.equal(check.status, 0, check.stdout);
});

test('results --format json: the problems of check per file, plus a summary', (t) => {
  const dir = tempDir(t);
  const files = batchFiles(
    dir,
    [chatUser('a', 'a'), imageLine('b'), chatUser('c', 'c')].join('\n') + '\n',
    [succeeded('a'), succeeded('stray')],
    [failed('b', IMAGE_FAILURE)],
  );
  const run = batchlint([
    'results',
    files.input,
    '--output',
    files.output,
    '--errors',
    files.errors,
    '--format',
    'json',
  ]);
  assert.equal(run.status, 1, run.stderr);
  const report = JSON.parse(run.stdout) as JsonReport & { summary: Record<string, unknown> };
  const imageAt = imageLine('b').indexOf('"https://example.com/cat.png"') + 1;
  const strayAt = readFileSync(files.output, 'utf8').split('\n')[1]!.indexOf('"stray"') + 1;
  assert.deepEqual(
    report.files.map((f) => [
      f.path,
      f.problems.map((p) => `${p.line}:${p.column}-${p.endColumn} ${p.severity} ${p.code}`),
    ]),
    [
      [
        files.input,
        [`2:${imageAt}-${imageAt + 29} error request_failed`, '3:14-17 warning no_result'],
      ],
      [files.output, [`2:${strayAt}-${strayAt + 7} warning unknown_custom_id`]],
    ],
  );
  const failure = report.files[0]!.problems[0]!;
  assert.equal(failure.param, 'messages[0].content[1].image_url');
  assert.equal(failure.message, `${IMAGE_FAILURE.message} (HTTP 400, invalid_type)`);
  assert.equal(report.files[0]!.requests, 3);
  assert.deepEqual(
    [
      report.summary['requests'],
      report.summary['succeeded'],
      report.summary['failed'],
      report.summary['missing'],
    ],
    [3, 1, 1, 1],
  );
  assert.deepEqual(report.summary['usage'], {
    input: 20,
    output: 10,
    cachedInput: 0,
    reasoning: 0,
    total: 30,
  });
  // Priced at the model table's batch price for gpt-4o-mini (USD per 1M tokens).
  const cost = report.summary['cost'] as { usd: number; byModel: Record<string, { id: string }> };
  const price = ModelCatalogue.builtIn().resolve('gpt-4o-mini')!.facts.prices!.batch!;
  assert.ok(Math.abs(cost.usd - (20 * price.input + 10 * price.output) / 1e6) < 1e-12);
  assert.equal(cost.byModel['gpt-4o-mini-2024-07-18']!.id, 'gpt-4o-mini');
});

test('results --format text ends with the summary; only warnings exit 0', (t) => {
  const dir = tempDir(t);
  const files = batchFiles(
    dir,
    `${chatUser('a', 'a')}\n${chatUser('b', 'b')}\n`,
    [succeeded('a')],
    [notRun('b', 'batch_expired', EXPIRED_MESSAGE)],
  );
  const run = batchlint([
    'results',
    files.input,
    '--output',
    files.output,
    '--errors',
    files.errors,
  ]);
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines[0], `${files.input}:2:14: warning: ${EXPIRED_MESSAGE} [batch_expired]`);
  assert.equal(lines[2], 'results: 2 requests: 1 succeeded, 0 failed, 1 expired, 0 missing');
  assert.equal(lines[3], 'usage: 10 input tokens, 5 output tokens, 15 in all');
  assert.match(
    lines[4]!,
    /^cost: \$0\.0000 at the batch prices of the model table \(\d{4}-\d{2}-\d{2}\)$/,
  );
});

test('results --format sarif carries the summary in the run properties', (t) => {
  const dir = tempDir(t);
  const files = batchFiles(dir, `${imageLine('b')}\n`, [], [failed('b', IMAGE_FAILURE)]);
  const run = batchlint(['results', files.input, '--errors', files.errors, '--format', 'sarif']);
  assert.equal(run.status, 1, run.stderr);
  const sarif = JSON.parse(run.stdout) as {
    runs: { results: { ruleId: string }[]; properties: { batchResults: { failed: number } } }[];
  };
  assert.deepEqual(
    sarif.runs[0]!.results.map((r) => r.ruleId),
    ['request_failed'],
  );
  assert.equal(sarif.runs[0]!.properties.batchResults.failed, 1);
});

test("results --batch: a failed batch's errors.data land on their input lines", (t) => {
  const dir = tempDir(t);
  const input = path.join(dir, 'batch.jsonl');
  writeFileSync(input, `${chatUser('a', 'a')}\n{"custom_id": "b", "method": "POST"\n`);
  const batch = path.join(dir, 'batch.json');
  writeFileSync(
    batch,
    JSON.stringify(
      {
        id: 'batch_1',
        object: 'batch',
        status: 'failed',
        errors: {
          object: 'list',
          data: [
            {
              code: 'invalid_json_line',
              message: 'This line is not parseable as valid JSON.',
              param: null,
              line: 2,
            },
          ],
        },
      },
      null,
      2,
    ),
  );
  const retry = path.join(dir, 'retry.jsonl');
  const run = batchlint(['results', input, '--batch', batch, '--retry', retry]);
  assert.equal(run.status, 1, run.stderr);
  const lines = run.stdout.split('\n');
  assert.equal(
    lines[0],
    `${input}:2:1: error: This line is not parseable as valid JSON. (invalid_json_line) [batch_error]`,
  );
  assert.match(
    run.stdout,
    /^results \(batch batch_1: failed\): 2 requests: 0 succeeded, 0 failed, 0 expired, 2 missing$/m,
  );
  // Nothing ran: the whole file is to be sent again (once fixed).
  assert.equal(readFileSync(retry, 'utf8'), readFileSync(input, 'utf8'));
});

test('results: usage mistakes and unreadable files are one-line reasons with exit status 2', (t) => {
  const dir = tempDir(t);
  const input = path.join(dir, 'batch.jsonl');
  writeFileSync(input, `${chatUser('a', 'a')}\n`);
  const cases: [string[], RegExp][] = [
    [['results', input], /needs --output, --errors or --batch/],
    [['results', '--output', input], /takes exactly one INPUT/],
    [['results', input, input, '--output', input], /takes exactly one INPUT/],
    [
      ['results', input, '--output', input, '--format', 'xml'],
      /--format must be text, json or sarif/,
    ],
    [['results', input, '--output', input, '--fix'], /--fix applies to the --retry lines/],
    [
      ['results', input, '--outptu', input],
      /^batchlint: unknown option --outptu \(batchlint results --help shows the usage\)\n$/,
    ],
    [
      ['results', input, '--output', path.join(dir, 'nope.jsonl')],
      /^batchlint: cannot read .*nope\.jsonl: no such file\n$/,
    ],
    [
      ['results', path.join(dir, 'nope.jsonl'), '--output', input],
      /^batchlint: cannot read .*nope\.jsonl: no such file\n$/,
    ],
    [['results', input, '--batch', input], /^batchlint: .*batch\.jsonl: not a batch object/],
    [['results', input, '--output', dir], /it is a directory/],
  ];
  for (const [args, reason] of cases) {
    const run = batchlint(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, reason);
    assert.equal(run.stdout, '');
  }
  const retry = path.join(dir, 'no-such-dir', 'retry.jsonl');
  const run = batchlint(['results', input, '--output', input, '--retry', retry]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^batchlint: cannot write in .*no-such-dir: no such file\n$/);
  assert.equal(existsSync(retry), false);
});

test("results on other providers' files: Anthropic, Gemini and Bedrock outcomes land on their input lines and are retried", (t) => {
  const dir = tempDir(t);
  const write = (name: string, lines: object[]): string => {
    const file = path.join(dir, name);
    writeFileSync(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    return file;
  };
  const params = {
    model: 'claude-sonnet-4-5',
    max_tokens: 8,
    messages: [{ role: 'user', content: 'hi' }],
  };
  const cases = [
    {
      input: write('claude.jsonl', [
        { custom_id: 'a', params },
        { custom_id: 'b', params },
        { custom_id: 'c', params },
      ]),
      output: write('claude-results.jsonl', [
        {
          custom_id: 'c',
          result: { type: 'succeeded', message: { usage: { input_tokens: 3, output_tokens: 1 } } },
        },
        {
          custom_id: 'a',
          result: {
            type: 'errored',
            error: {
              type: 'error',
              error: { type: 'invalid_request_error', message: 'max_tokens: Field required' },
            },
          },
        },
        { custom_id: 'b', result: { type: 'expired' } },
      ]),
      problems: [
        /claude\.jsonl:1:\d+: error: max_tokens: Field required \(invalid_request_error\) \[request_failed\]/,
        /claude\.jsonl:2:\d+: warning: result\.type 'expired': .* \[batch_expired\]/,
      ],
      summary: 'results: 3 requests: 1 succeeded, 1 failed, 1 expired, 0 missing',
      retried: [0, 1],
    },
    {
      input: write('gemini.jsonl', [
        { key: 'k1', request: { contents: [{ parts: [{ text: 'a' }] }] } },
        { key: 'k2', request: { contents: [{ parts: [{ text: 'b' }] }] } },
      ]),
      output: write('gemini-results.jsonl', [
        { key: 'k2', response: { candidates: [{ finishReason: 'STOP' }] } },
        {
          key: 'k1',
          error: {
            code: 429,
            message: 'Resource has been exhausted.',
            status: 'RESOURCE_EXHAUSTED',
          },
        },
      ]),
      problems: [
        /gemini\.jsonl:1:\d+: error: Resource has been exhausted\. \(HTTP 429, RESOURCE_EXHAUSTED\) \[request_failed\]/,
      ],
      summary: 'results: 2 requests: 1 succeeded, 1 failed, 0 expired, 0 missing',
      retried: [0],
    },
    {
      input: write('bedrock.jsonl', [
        { recordId: 'R1', modelInput: { inputText: 'a' } },
        { recordId: 'R2', modelInput: { inputText: 'b' } },
      ]),
      output: write('bedrock.jsonl.out', [
        { recordId: 'R1', modelInput: { inputText: 'a' }, modelOutput: { results: [] } },
      ]),
      problems: [
        /bedrock\.jsonl:2:\d+: warning: No result for recordId 'R2' in .*bedrock\.jsonl\.out\. \[no_result\]/,
      ],
      summary: 'results: 2 requests: 1 succeeded, 0 failed, 0 expired, 1 missing',
      retried: [1],
      // A missing result is a warning: nothing failed.
      status: 0,
    },
  ];
  for (const c of cases) {
    const retry = `${c.input}.retry`;
    const run = batchlint(['results', c.input, '--output', c.output, '--retry', retry]);
    assert.equal(run.status, 'status' in c ? c.status : 1, run.stderr);
    const lines = run.stdout.split('\n');
    c.problems.forEach((re, i) => assert.match(lines[i]!, re, run.stdout));
    assert.ok(lines.includes(c.summary), run.stdout);
    assert.doesNotMatch(run.stdout, /invalid_result_line/);
    const input = readFileSync(c.input, 'utf8').split('\n');
    assert.equal(readFileSync(retry, 'utf8'), c.retried.map((i) => `${input[i]}\n`).join(''));
  }
});
