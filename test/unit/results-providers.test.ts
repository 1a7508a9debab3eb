// Other providers' result files put back on their input lines: Anthropic's {custom_id, result},
// Gemini's {key, response | error}, Vertex's echoed {request, response, status} and Bedrock's
// {recordId, modelOutput | error}. Each row is the smallest input and result that shows one
// outcome, with the problem it gives: on the line, over the exact value the provider's words name.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readResult, ResultIndex } from '../../server/src/core/results';
import type { Problem } from '../../server/src/core';

type Json = Record<string, unknown>;
const line = (value: Json): string => JSON.stringify(value);

const claude = (id: string, content: unknown = 'hi'): string =>
  line({
    custom_id: id,
    params: {
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content }],
    },
  });
const anthropicOk = (id: string, usage: Json = { input_tokens: 10, output_tokens: 4 }): string =>
  line({
    custom_id: id,
    result: {
      type: 'succeeded',
      message: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5-20250929',
        content: [{ type: 'text', text: 'Hello' }],
        stop_reason: 'end_turn',
        usage,
      },
    },
  });
const anthropicErr = (id: string, message: string): string =>
  line({
    custom_id: id,
    result: {
      type: 'errored',
      error: { type: 'error', error: { type: 'invalid_request_error', message } },
    },
  });

const geminiIn = (key: string, parts: unknown[] = [{ text: 'hi' }]): string =>
  line({ key, request: { contents: [{ role: 'user', parts }] } });
const geminiOk = (key: string): string =>
  line({
    key,
    response: {
      candidates: [
        { content: { role: 'model', parts: [{ text: 'Hello' }] }, finishReason: 'STOP' },
      ],
      usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3, totalTokenCount: 10 },
      modelVersion: 'gemini-2.5-flash',
    },
  });

const bedrockIn = (id: string): string =>
  line({
    recordId: id,
    modelInput: {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 64,
      messages: [{ role: 'human', content: 'hi' }],
    },
  });

interface Expected {
  file: 'input' | 'results';
  line: number;
  code: string;
  /** The text the problem's range covers. */
  covers: string;
  message?: string;
}

interface Row {
  name: string;
  input: string[];
  results: string[];
  expect: Expected[];
}

const ROWS: Row[] = [
  {
    name: 'Anthropic: succeeded results give no problem, matched by custom_id',
    input: [claude('a'), claude('b')],
    results: [anthropicOk('b'), anthropicOk('a')],
    expect: [],
  },
  {
    name: 'Anthropic: an errored request lands on the field its message names, under params',
    input: [claude('a'), claude('img', [{ type: 'image', source: { type: 'base64', data: 'x' } }])],
    results: [
      anthropicOk('a'),
      anthropicErr('img', 'messages.0.content.0.source.media_type: Field required'),
    ],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'request_failed',
        covers: '"source"',
        message: 'messages.0.content.0.source.media_type: Field required (invalid_request_error)',
      },
    ],
  },
  {
    name: 'Anthropic: an errored request whose message names no field lands on its custom_id',
    input: [claude('big')],
    results: [anthropicErr('big', 'prompt is too long: 250000 tokens > 200000 maximum')],
    expect: [{ file: 'input', line: 0, code: 'request_failed', covers: '"big"' }],
  },
  {
    name: 'Anthropic: canceled and expired requests are to be sent again',
    input: [claude('c'), claude('e')],
    results: [
      line({ custom_id: 'c', result: { type: 'canceled' } }),
      line({ custom_id: 'e', result: { type: 'expired' } }),
    ],
    expect: [
      {
        file: 'input',
        line: 0,
        code: 'batch_cancelled',
        covers: '"c"',
        message: "result.type 'canceled': the batch was canceled before this request ran.",
      },
      { file: 'input', line: 1, code: 'batch_expired', covers: '"e"' },
    ],
  },
  {
    name: 'Anthropic: a request without a result, a result without a request, an unknown type',
    input: [claude('a')],
    results: [anthropicOk('z'), line({ custom_id: 'q', result: { type: 'pending' } })],
    expect: [
      {
        file: 'input',
        line: 0,
        code: 'no_result',
        covers: '"a"',
        message: "No result for custom_id 'a' in out.jsonl.",
      },
      {
        file: 'results',
        line: 0,
        code: 'unknown_custom_id',
        covers: '"z"',
        message: "custom_id 'z' is not in in.jsonl: no input line has it.",
      },
      {
        file: 'results',
        line: 1,
        code: 'invalid_result_line',
        covers: line({ custom_id: 'q', result: { type: 'pending' } }),
      },
    ],
  },
  {
    name: 'Gemini: matched by key; an error lands on the field Google names',
    input: [geminiIn('k1'), geminiIn('k2', [])],
    results: [
      geminiOk('k1'),
      line({
        key: 'k2',
        error: {
          code: 400,
          message: '* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.',
          status: 'INVALID_ARGUMENT',
        },
      }),
    ],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'request_failed',
        covers: '[]',
        message:
          '* GenerateContentRequest.contents[0].parts: contents.parts must not be empty. (HTTP 400, INVALID_ARGUMENT)',
      },
    ],
  },
  {
    name: 'Gemini: a key with no result, and a result for a key no line has',
    input: [geminiIn('k1')],
    results: [geminiOk('k9')],
    expect: [
      {
        file: 'input',
        line: 0,
        code: 'no_result',
        covers: '"k1"',
        message: "No result for key 'k1' in out.jsonl.",
      },
      { file: 'results', line: 0, code: 'unknown_custom_id', covers: '"k9"' },
    ],
  },
  {
    name: 'Vertex: matched by the request it echoes (keys reordered, snake_case), a status is the error',
    input: [
      line({
        request: {
          contents: [{ role: 'user', parts: [{ text: 'one' }] }],
          generationConfig: { temperature: 0.2 },
        },
      }),
      line({ request: { contents: [{ role: 'user', parts: [{ text: 'two' }] }] } }),
    ],
    results: [
      line({
        status: '',
        processed_time: '2025-01-01T00:00:00Z',
        request: {
          generation_config: { temperature: 0.2 },
          contents: [{ parts: [{ text: 'one' }], role: 'user' }],
        },
        response: { candidates: [{ finishReason: 'STOP' }] },
      }),
      line({
        status: 'Bad Request: the request was refused.',
        request: { contents: [{ role: 'user', parts: [{ text: 'two' }] }] },
      }),
    ],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'request_failed',
        covers: line({ contents: [{ role: 'user', parts: [{ text: 'two' }] }] }),
        message: 'Bad Request: the request was refused.',
      },
    ],
  },
  {
    name: 'Bedrock: matched by recordId; an error lands on the pointer its message names',
    input: [bedrockIn('CALL01'), bedrockIn('CALL02')],
    results: [
      line({
        recordId: 'CALL01',
        modelInput: {},
        modelOutput: { stop_reason: 'end_turn', usage: { input_tokens: 8, output_tokens: 2 } },
      }),
      line({
        recordId: 'CALL02',
        modelInput: {},
        error: {
          errorCode: 400,
          errorMessage:
            'Malformed input request: #/messages/0/role: human is not a valid enum value, please reformat your input and try again.',
        },
      }),
    ],
    expect: [
      {
        file: 'input',
        line: 1,
        code: 'request_failed',
        covers: '"human"',
        message:
          'Malformed input request: #/messages/0/role: human is not a valid enum value, please reformat your input and try again. (HTTP 400)',
      },
    ],
  },
];

interface Placed extends Problem {
  file: 'input' | 'results';
}

function run(row: Row) {
  const index = new ResultIndex(['out.jsonl']);
  row.results.forEach((text, i) => index.addLine(0, i, text));
  const pass = index.matchInput('in.jsonl');
  const placed: Placed[] = [];
  const retry: number[] = [];
  row.input.forEach((text, i) => {
    const outcome = pass.line(i, text);
    if (outcome.retry) retry.push(i);
    for (const p of outcome.problems) placed.push({ ...p, file: 'input' });
  });
  const rest = pass.finish(row.input.length);
  for (const p of rest.fileProblems[0] ?? []) placed.push({ ...p, file: 'results' });
  return { placed, retry, summary: rest.summary };
}

for (const row of ROWS) {
  test(`results of another provider: ${row.name}`, () => {
    const { placed, retry } = run(row);
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
      const lines = p.file === 'input' ? row.input : row.results;
      assert.equal(lines[p.line]!.slice(p.column, p.endColumn), e.covers, `range of ${e.code}`);
      if (e.message !== undefined) assert.equal(p.message, e.message);
    });
    // Every input line with a problem is one to send again.
    assert.deepEqual(
      retry,
      [...new Set(got.filter((p) => p.file === 'input').map((p) => p.line))].sort(),
    );
  });
}

test('results of another provider: the summary counts outcomes and sums usage (Anthropic cache reads are input)', () => {
  const { summary } = run({
    name: 'summary',
    input: [claude('a'), claude('b'), claude('c'), claude('d')],
    results: [
      anthropicOk('a', { input_tokens: 10, cache_read_input_tokens: 90, output_tokens: 5 }),
      anthropicOk('b', { input_tokens: 20, output_tokens: 5 }),
      anthropicErr('c', 'bad'),
    ],
    expect: [],
  });
  assert.deepEqual(
    [summary.requests, summary.succeeded, summary.failed, summary.missing],
    [4, 2, 1, 1],
  );
  assert.deepEqual(summary.usage, {
    input: 120,
    output: 10,
    cachedInput: 90,
    reasoning: 0,
    total: 130,
  });
  assert.deepEqual(Object.keys(summary.usageByModel), ['claude-sonnet-4-5-20250929']);
});

test('results of another provider: Gemini usage and finish reason are read', () => {
  const read = readResult(geminiOk('k'));
  assert.ok(!('malformed' in read));
  assert.equal(read.finishReason, 'STOP');
  assert.equal(read.model, 'gemini-2.5-flash');
  assert.deepEqual(read.usage, { input: 7, output: 3, cachedInput: 0, reasoning: 0, total: 10 });
});
