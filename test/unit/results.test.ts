// Results of a batch put back on the input's lines: each documented shape of a result line (and
// each way a result file can be wrong) gives its problem, on the right line and the right value.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  batchCost,
  readBatchObject,
  RESULT_CODES,
  ResultIndex,
} from '../../server/src/core/results';
import { ModelCatalogue } from '../../server/src/core/models/catalogue';
import { catalogueFromText, looksLikeBatch } from '../../server/src/core';
import type { Problem } from '../../server/src/core';
import { chat, chatUser } from './builders';
import { EXPIRED_MESSAGE, failed, failedBatch, notRun, succeeded } from './result-builders';
import type { Json } from './result-builders';

const IMAGE_STRING = chatUser(
  [
    { type: 'text', text: 'What is this?' },
    { type: 'image_url', image_url: 'https://example.com/cat.png' },
  ],
  'img',
);

interface Expected {
  /** Which file the problem is on: the input, the result file, or the batch object. */
  file: 'input' | 'results' | 'batch';
  line: number;
  code: string;
  /** The text the problem's range covers. */
  covers: string;
  message?: string | RegExp;
  param?: string;
}

interface Row {
  name: string;
  input: string[];
  results?: string[];
  batch?: Json;
  expect: Expected[];
}

const ROWS: Row[] = [
  {
    name: 'a success gives no problem',
    input: [chatUser('hi', 'a')],
    results: [succeeded('a')],
    expect: [],
  },
  {
    name: 'results are matched by custom_id, not by order',
    input: [chatUser('1', 'a'), chatUser('2', 'b'), chatUser('3', 'c')],
    results: [succeeded('c'), succeeded('a'), succeeded('b')],
    expect: [],
  },
  {
    name: 'a 400 with a param lands on that exact value, in the API words',
    input: [chatUser('hi', 'a'), IMAGE_STRING],
    results: [
      succeeded('a'),
      failed('img', {
        message:
          "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead.",
        code: 'invalid_type',
        param: 'messages[0].content[1].image_url',
      }),
    ],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'request_failed',
        covers: '"https://example.com/cat.png"',
        message:
          "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead. (HTTP 400, invalid_type)",
        param: 'messages[0].content[1].image_url',
      },
    ],
  },
  {
    name: 'the older param form messages.[0].content is read too',
    input: [chat({ messages: [{ role: 'user', content: null }] }, 'n')],
    results: [
      failed('n', {
        message: "Invalid value for 'content': expected a string, got null.",
        param: 'messages.[0].content',
      }),
    ],
    expect: [
      {
        file: 'input',
        line: 0,
        code: 'request_failed',
        covers: 'null',
        message: "Invalid value for 'content': expected a string, got null. (HTTP 400)",
      },
    ],
  },
  {
    name: 'a param that names a missing value lands on the object that lacks it',
    input: [chat({ messages: [{ content: 'hi' }] }, 'r')],
    results: [
      failed('r', {
        message: "Missing required parameter: 'messages[0].role'.",
        code: 'missing_required_parameter',
        param: 'messages[0].role',
      }),
    ],
    expect: [{ file: 'input', line: 0, code: 'request_failed', covers: '{' }],
  },
  {
    name: 'a failure with no param lands on the custom_id',
    input: [chatUser('hi', 'big')],
    results: [
      failed('big', {
        message: "This model's maximum context length is 128000 tokens.",
        code: 'context_length_exceeded',
        param: null,
      }),
    ],
    expect: [{ file: 'input', line: 0, code: 'request_failed', covers: '"big"' }],
  },
  {
    name: 'a 500 with no error object says its status',
    input: [chatUser('hi', 's')],
    results: [
      JSON.stringify({
        id: 'r',
        custom_id: 's',
        response: { status_code: 500, body: null },
        error: null,
      }),
    ],
    expect: [
      {
        file: 'input',
        line: 0,
        code: 'request_failed',
        covers: '"s"',
        message: 'The request failed with HTTP status 500. (HTTP 500)',
      },
    ],
  },
  {
    name: 'an expired request is a warning on its custom_id, in the result words',
    input: [chatUser('hi', 'a'), chatUser('hi', 'request-3')],
    results: [succeeded('a'), notRun('request-3', 'batch_expired', EXPIRED_MESSAGE)],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'batch_expired',
        covers: '"request-3"',
        message: EXPIRED_MESSAGE,
      },
    ],
  },
  {
    name: 'a cancelled request',
    input: [chatUser('hi', 'c')],
    results: [notRun('c', 'batch_cancelled', 'The batch was cancelled before this request ran.')],
    expect: [{ file: 'input', line: 0, code: 'batch_cancelled', covers: '"c"' }],
  },
  {
    name: 'a request that timed out',
    input: [chatUser('hi', 't')],
    results: [notRun('t', 'request_timeout', 'The request timed out.')],
    expect: [{ file: 'input', line: 0, code: 'request_timeout', covers: '"t"' }],
  },
  {
    name: 'a top-level error with another code is a failure',
    input: [chatUser('hi', 'q')],
    results: [notRun('q', 'server_error', 'Something went wrong.')],
    expect: [
      {
        file: 'input',
        line: 0,
        code: 'request_failed',
        covers: '"q"',
        message: 'Something went wrong. (server_error)',
      },
    ],
  },
  {
    name: 'a request with no result line',
    input: [chatUser('hi', 'a'), chatUser('hi', 'gone')],
    results: [succeeded('a')],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'no_result',
        covers: '"gone"',
        message: "No result for custom_id 'gone' in out.jsonl.",
      },
    ],
  },
  {
    name: 'a result whose custom_id is in no input line',
    input: [chatUser('hi', 'a')],
    results: [succeeded('a'), succeeded('stray')],
    expect: [
      {
        file: 'results',
        line: 1,
        code: 'unknown_custom_id',
        covers: '"stray"',
        message: "custom_id 'stray' is not in in.jsonl: no input line has it.",
      },
    ],
  },
  {
    name: 'malformed result lines are reported, and their request is missing',
    input: [chatUser('hi', 'a'), chatUser('hi', 'b')],
    results: [
      succeeded('a'),
      '{"id": "batch_req_x", "custom_id": "b", "response": {"status_code": 200, "body": {',
      '{"id": "batch_req_y", "response": {"status_code": 200}}',
      '[1, 2]',
      '{"custom_id": "z", "response": null, "error": null}',
    ],
    expect: [
      { file: 'input', line: 1, code: 'no_result', covers: '"b"' },
      {
        file: 'results',
        line: 1,
        code: 'invalid_result_line',
        covers:
          '{"id": "batch_req_x", "custom_id": "b", "response": {"status_code": 200, "body": {',
        message: /^This result line is not JSON \(/,
      },
      {
        file: 'results',
        line: 2,
        code: 'invalid_result_line',
        covers: '{"id": "batch_req_y", "response": {"status_code": 200}}',
        message: 'This result line has no custom_id, so it cannot be matched to a request.',
      },
      { file: 'results', line: 3, code: 'invalid_result_line', covers: '[1, 2]' },
      {
        file: 'results',
        line: 4,
        code: 'invalid_result_line',
        covers: '{"custom_id": "z", "response": null, "error": null}',
      },
    ],
  },
  {
    name: 'a second result for one custom_id; the success counts',
    input: [chatUser('hi', 'a')],
    results: [notRun('a', 'batch_expired', EXPIRED_MESSAGE), succeeded('a')],
    expect: [
      {
        file: 'results',
        line: 1,
        code: 'duplicate_result',
        covers: '"a"',
        message: "A second result for custom_id 'a' (the first is on line 1).",
      },
    ],
  },
  {
    name: "a failed batch's errors.data land on their 1-based lines, on the param",
    input: [chatUser('hi', 'a'), chat({ model: 'gpt-x', messages: [] }, 'b'), 'not json'],
    batch: failedBatch([
      {
        code: 'model_not_found',
        message: "The provided model 'gpt-x' is not supported by the Batch API.",
        param: 'body.model',
        line: 2,
      },
      { code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', line: 3 },
      { code: 'token_limit_exceeded', message: 'Enqueued token limit reached.' },
    ]),
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'batch_error',
        covers: '"gpt-x"',
        message: "The provided model 'gpt-x' is not supported by the Batch API. (model_not_found)",
        param: 'body.model',
      },
      { file: 'input', line: 2, code: 'batch_error', covers: 'not json' },
      {
        file: 'batch',
        line: 0,
        code: 'batch_error',
        covers: '',
        message: 'Enqueued token limit reached. (token_limit_exceeded)',
      },
    ],
  },
  {
    name: 'a batch error past the end of the input is said on the batch object',
    input: [chatUser('hi', 'a')],
    batch: failedBatch([
      { code: 'invalid_json_line', message: 'This line is not parseable as valid JSON.', line: 7 },
    ]),
    expect: [
      {
        file: 'batch',
        line: 0,
        code: 'batch_error',
        covers: '',
        message:
          'This line is not parseable as valid JSON. (invalid_json_line) This names line 7, but in.jsonl has 1 lines.',
      },
    ],
  },
];

interface Placed extends Problem {
  file: Expected['file'];
}

function run(row: Row) {
  const index = new ResultIndex(row.results ? ['out.jsonl'] : []);
  row.results?.forEach((text, line) => index.addLine(0, line, text));
  if (row.batch) index.setBatch(readBatchObject(JSON.stringify(row.batch)));
  const pass = index.matchInput('in.jsonl');
  const placed: Placed[] = [];
  row.input.forEach((text, line) => {
    for (const p of pass.line(line, text).problems) placed.push({ ...p, file: 'input' });
  });
  const rest = pass.finish(row.input.length);
  for (const p of rest.fileProblems[0] ?? []) placed.push({ ...p, file: 'results' });
  for (const p of rest.batchProblems) placed.push({ ...p, file: 'batch' });
  return { placed, summary: rest.summary };
}

const textOf = (row: Row, p: Placed): string => {
  if (p.file === 'batch') return '';
  const lines = p.file === 'input' ? row.input : row.results!;
  return lines[p.line]!.slice(p.column, p.endColumn);
};

for (const row of ROWS) {
  test(`results: ${row.name}`, () => {
    const { placed } = run(row);
    const order = (a: { file: string; line: number }, b: { file: string; line: number }) =>
      a.file.localeCompare(b.file) || a.line - b.line;
    const got = placed.sort(order);
    const want = [...row.expect].sort(order);
    assert.deepEqual(
      got.map((p) => [p.file, p.line, p.code]),
      want.map((e) => [e.file, e.line, e.code]),
    );
    got.forEach((p, i) => {
      const e = want[i]!;
      if (e.file !== 'batch') assert.equal(textOf(row, p), e.covers, `range of ${e.code}`);
      assert.equal(p.endLine, p.line);
      if (typeof e.message === 'string') assert.equal(p.message, e.message);
      else if (e.message) assert.match(p.message, e.message);
      if (e.param) assert.equal(p.param, e.param);
    });
  });
}

test('results: the summary counts each outcome and sums usage per model', () => {
  const { summary } = run({
    name: 'summary',
    input: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => chatUser('hi', id)).concat(['', 'not json']),
    results: [
      succeeded('a', {
        prompt_tokens: 100,
        completion_tokens: 20,
        total_tokens: 120,
        prompt_tokens_details: { cached_tokens: 64 },
      }),
      succeeded(
        'b',
        {
          input_tokens: 50,
          output_tokens: 30,
          total_tokens: 80,
          output_tokens_details: { reasoning_tokens: 12 },
        },
        'o4-mini',
      ),
      failed('c', { message: 'bad' }),
      notRun('d', 'batch_expired', EXPIRED_MESSAGE),
      notRun('e', 'batch_cancelled', 'cancelled'),
    ],
    expect: [],
  });
  assert.deepEqual(
    [
      summary.requests,
      summary.succeeded,
      summary.failed,
      summary.expired,
      summary.cancelled,
      summary.timedOut,
      summary.missing,
    ],
    [6, 2, 1, 1, 1, 0, 1],
  );
  assert.deepEqual(summary.usage, {
    input: 150,
    output: 50,
    cachedInput: 64,
    reasoning: 12,
    total: 200,
  });
  assert.deepEqual(Object.keys(summary.usageByModel).sort(), ['gpt-4o-mini-2024-07-18', 'o4-mini']);
  assert.equal(summary.usageByModel['o4-mini']!.reasoning, 12);
});

test('results: usage per model is kept for any model name, __proto__ and constructor included', () => {
  const names = ['__proto__', 'constructor', 'toString'];
  const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
  const { summary } = run({
    name: 'model names',
    input: names.map((_, i) => chatUser('hi', `m${i}`)),
    results: names.map((model, i) => succeeded(`m${i}`, usage, model)),
    expect: [],
  });
  const each = { input: 10, output: 5, cachedInput: 0, reasoning: 0, total: 15 };
  assert.deepEqual(
    Object.entries(summary.usageByModel),
    names.map((name) => [name, each]),
  );
  assert.equal(Object.getPrototypeOf(summary.usageByModel), Object.prototype);
  assert.equal((Object.prototype as Record<string, unknown>).input, undefined);
  const cost = batchCost(summary.usageByModel);
  assert.deepEqual(cost.unpriced, names);
  assert.deepEqual(Object.keys(cost.byModel), []);
  const table = '{"models": {"__proto__": {"base": "gpt-4o"}, "constructor": {"base": "gpt-4o"}}}';
  const priced = batchCost(summary.usageByModel, catalogueFromText(table));
  assert.deepEqual(Object.keys(priced.byModel), ['__proto__', 'constructor']);
  assert.deepEqual(priced.unpriced, ['toString']);
  assert.equal(Object.getPrototypeOf(priced.byModel), Object.prototype);
});

test('results: a batch that failed validation ran nothing: every request is to be sent again, none is "no result"', () => {
  const index = new ResultIndex([]);
  index.setBatch(readBatchObject(JSON.stringify(failedBatch([]))));
  const pass = index.matchInput('in.jsonl');
  const outcome = pass.line(0, chatUser('hi', 'a'));
  assert.equal(outcome.retry, true);
  assert.deepEqual(outcome.problems, []);
  assert.equal(pass.finish(1).summary.missing, 1);
});

test('results: with only a batch object that did not fail, nothing is missing', () => {
  const index = new ResultIndex([]);
  index.setBatch(
    readBatchObject(JSON.stringify({ object: 'batch', id: 'b', status: 'completed' })),
  );
  const pass = index.matchInput('in.jsonl');
  assert.equal(pass.line(0, chatUser('hi', 'a')).retry, false);
  assert.equal(pass.finish(1).summary.missing, 0);
});

test('results: a batch object that is not one is refused with a reason', () => {
  assert.throws(() => readBatchObject('Batch(id=...)'), /^Error: not JSON/);
  assert.throws(() => readBatchObject('{"object": "list"}'), /not a batch object/);
});

test('results: the cost is the usage priced per model at the batch prices, and says what it left out', () => {
  const catalogue = ModelCatalogue.from({
    asOf: '2026-01-01',
    models: {
      cheap: {
        aliases: ['cheap-2026-01-01'],
        prices: { batch: { input: 1, cachedInput: 0.5, output: 4 } },
      },
      plain: { prices: { batch: { input: 2, output: 8 } } },
      disputed: {
        prices: { batch: { input: 1, output: 1 } },
        uncertain: { prices: 'two sources' },
      },
      free: {},
    },
  });
  const usage = (input: number, cachedInput: number, output: number) => ({
    input,
    cachedInput,
    output,
    reasoning: 0,
    total: input + output,
  });
  const cost = batchCost(
    {
      'cheap-2026-01-01': usage(1_000_000, 400_000, 500_000),
      plain: usage(1_000_000, 100_000, 0),
      disputed: usage(1_000_000, 0, 1_000_000),
      free: usage(5, 0, 5),
      'no-such-model': usage(5, 0, 5),
    },
    catalogue,
  );
  // cheap: 600k × $1 + 400k × $0.5 + 500k × $4; plain: 1M × $2 (no cached price); disputed: $1 + $1.
  assert.deepEqual(cost.byModel, {
    'cheap-2026-01-01': { id: 'cheap', usd: 0.6 + 0.2 + 2 },
    plain: { id: 'plain', usd: 2 },
    disputed: { id: 'disputed', usd: 2 },
  });
  assert.ok(Math.abs(cost.usd - 6.8) < 1e-9);
  assert.deepEqual(cost.unpriced, ['free', 'no-such-model']);
  assert.deepEqual(cost.uncertain, ['disputed']);
  assert.deepEqual(cost.cachedAsInput, ['plain']);
  assert.equal(cost.asOf, '2026-01-01');
});

test('results: every result code is in the catalogue, at stage result', () => {
  assert.deepEqual([...RESULT_CODES].sort(), [
    'batch_cancelled',
    'batch_error',
    'batch_expired',
    'duplicate_result',
    'invalid_result_line',
    'no_result',
    'request_failed',
    'request_timeout',
    'unknown_custom_id',
  ]);
});

test('results: result files are not taken for batch input (the editor would flag every line)', () => {
  const anthropic = JSON.stringify({
    custom_id: 'a',
    result: { type: 'succeeded', message: { content: [] } },
  });
  for (const text of [
    succeeded('a'),
    failed('a', { message: 'bad', param: 'messages' }),
    notRun('a', 'batch_expired', EXPIRED_MESSAGE),
    anthropic,
  ])
    assert.equal(looksLikeBatch(text), false, text);
  const together = JSON.stringify({ custom_id: 'a', body: { model: 'm', messages: [] } });
  const quoting = chatUser('Answer with {"response": {"ok": true}}', 'q');
  for (const text of [chatUser('hi', 'a'), together, quoting, ''])
    assert.equal(looksLikeBatch(text), true, text);
});
