// The model-aware rules, one table per rule and endpoint: each row is a line, the exact set of
// problems the model rules find on it (code, message, the text under the span, severity), and
// for a row with a fix, the body once the fix is applied and whether it is safe.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor, applyEdits } from '../../server/src/core';
import type { Endpoint, Severity } from '../../server/src/core';
import { checkLine } from '../../server/src/core/line-check';
import { defaultContext } from '../../server/src/core/models/context';
import { catalogueWith } from '../../server/src/core/models/load';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { line, type Json } from './builders';

type Expected = [code: string, message: string, span: string, severity?: Severity];

interface Row {
  name: string;
  url: Endpoint;
  body: Json;
  expect: Expected[];
  /** With one expected problem that has a fix: the body after it, and whether it is safe. */
  fixed?: [body: Json, safe: boolean];
}

const CONTEXT = defaultContext('2026-11-30');
const CHAT: Endpoint = '/v1/chat/completions';
const RESPONSES: Endpoint = '/v1/responses';
const hi = [{ role: 'user', content: 'hi' }];
/** Problems of the schema layer that these rows do not test. */
const NOT_MINE = new Set(['deprecated_parameter']);

const unsupportedParameter = (key: string): string =>
  `Unsupported parameter: '${key}' is not supported with this model.`;

const tables: Record<string, Row[]> = {
  'model-token-limit (chat)': [
    {
      name: 'max_tokens on gpt-5-mini',
      url: CHAT,
      body: { model: 'gpt-5-mini', messages: hi, max_tokens: 100 },
      expect: [
        [
          'unsupported_parameter',
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          '"max_tokens"',
        ],
      ],
      fixed: [{ model: 'gpt-5-mini', messages: hi, max_completion_tokens: 100 }, true],
    },
    {
      name: 'max_tokens on a dated o3-mini',
      url: CHAT,
      body: { model: 'o3-mini-2025-01-31', messages: hi, max_tokens: 10 },
      expect: [
        [
          'unsupported_parameter',
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          '"max_tokens"',
        ],
      ],
    },
    {
      name: 'max_tokens 1000 and temperature 0.2 on gpt-4o (clean)',
      url: CHAT,
      body: { model: 'gpt-4o', messages: hi, temperature: 0.2, max_tokens: 1000 },
      expect: [],
    },
    {
      name: 'max_tokens on an unknown model (clean)',
      url: CHAT,
      body: { model: 'my-local-model', messages: hi, max_tokens: 10 },
      expect: [],
    },
  ],
  'model-sampling (chat)': [
    {
      name: 'temperature 0.2 on o1',
      url: CHAT,
      body: { model: 'o1', messages: hi, temperature: 0.2 },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
          '0.2',
        ],
      ],
      fixed: [{ model: 'o1', messages: hi }, false],
    },
    {
      // The drift case: flagged on chat and on responses, each in its endpoint's words.
      name: 'temperature 0.2 on o3',
      url: CHAT,
      body: { model: 'o3', messages: hi, temperature: 0.2 },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
          '0.2',
        ],
      ],
    },
    {
      name: 'top_p and presence_penalty on gpt-5',
      url: CHAT,
      body: { model: 'gpt-5', messages: hi, top_p: 0.5, presence_penalty: 0.5 },
      expect: [
        ['unsupported_parameter', unsupportedParameter('top_p'), '"top_p"'],
        ['unsupported_parameter', unsupportedParameter('presence_penalty'), '"presence_penalty"'],
      ],
    },
    {
      name: 'temperature on o3-mini, which refuses the parameter',
      url: CHAT,
      body: { model: 'o3-mini', messages: hi, temperature: 0.2 },
      expect: [['unsupported_parameter', unsupportedParameter('temperature'), '"temperature"']],
    },
    {
      name: 'temperature 0.7 on gpt-5.1 at effort low',
      url: CHAT,
      body: { model: 'gpt-5.1', messages: hi, reasoning_effort: 'low', temperature: 0.7 },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.",
          '0.7',
        ],
      ],
    },
    {
      name: 'temperature 0.7 on gpt-5.1 at effort none (clean)',
      url: CHAT,
      body: { model: 'gpt-5.1', messages: hi, reasoning_effort: 'none', temperature: 0.7 },
      expect: [],
    },
    {
      name: 'temperature 0.7 on gpt-5.1 at its default effort, none (clean)',
      url: CHAT,
      body: { model: 'gpt-5.1', messages: hi, temperature: 0.7 },
      expect: [],
    },
    {
      name: 'the default temperature on o1 (clean)',
      url: CHAT,
      body: { model: 'o1', messages: hi, temperature: 1, logprobs: false },
      expect: [],
    },
    {
      name: 'temperature 0.3 on a fine-tune of gpt-4o-mini (clean)',
      url: CHAT,
      body: { model: 'ft:gpt-4o-mini-2024-07-18:acme::abc123', messages: hi, temperature: 0.3 },
      expect: [],
    },
  ],
  'model-sampling (responses)': [
    {
      name: 'temperature on o3',
      url: RESPONSES,
      body: { model: 'o3', input: 'hi', temperature: 0.2 },
      expect: [['unsupported_parameter', unsupportedParameter('temperature'), '"temperature"']],
    },
    {
      name: 'temperature 0.7 on gpt-5.1 at effort high',
      url: RESPONSES,
      body: { model: 'gpt-5.1', input: 'hi', reasoning: { effort: 'high' }, temperature: 0.7 },
      expect: [['unsupported_parameter', unsupportedParameter('temperature'), '"temperature"']],
    },
    {
      name: 'temperature 0.7 on gpt-5.1 at effort none (clean)',
      url: RESPONSES,
      body: { model: 'gpt-5.1', input: 'hi', reasoning: { effort: 'none' }, temperature: 0.7 },
      expect: [],
    },
  ],
  'model-reasoning-effort (responses)': [
    {
      name: 'effort minimal on gpt-5.1',
      url: RESPONSES,
      body: { model: 'gpt-5.1', input: 'Say hello.', reasoning: { effort: 'minimal' } },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'minimal' is not supported with the 'gpt-5.1' model. Supported values are: 'none', 'low', 'medium', and 'high'.",
          '"minimal"',
        ],
      ],
      fixed: [{ model: 'gpt-5.1', input: 'Say hello.', reasoning: { effort: 'low' } }, false],
    },
    {
      name: 'effort low on gpt-5-pro, which takes high only',
      url: RESPONSES,
      body: { model: 'gpt-5-pro', input: 'hi', reasoning: { effort: 'low' } },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'low' is not supported with the 'gpt-5-pro' model. Supported values are: 'high'.",
          '"low"',
        ],
      ],
      fixed: [{ model: 'gpt-5-pro', input: 'hi', reasoning: { effort: 'high' } }, false],
    },
    {
      name: 'an effort on gpt-4.1, which does not reason',
      url: RESPONSES,
      body: { model: 'gpt-4.1', input: 'hi', reasoning: { effort: 'low' } },
      expect: [['unsupported_parameter', unsupportedParameter('reasoning.effort'), '"effort"']],
    },
    {
      name: 'an effort whose set is uncertain is a note',
      url: RESPONSES,
      body: { model: 'gpt-5.1-codex', input: 'hi', reasoning: { effort: 'minimal' } },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'minimal' is not supported with the 'gpt-5.1-codex' model. Supported values are: 'low', 'medium', and 'high'.",
          '"minimal"',
          'info',
        ],
      ],
    },
    {
      name: 'effort high on o3 (clean)',
      url: RESPONSES,
      body: { model: 'o3', input: 'hi', reasoning: { effort: 'high' } },
      expect: [],
    },
  ],
  'model-reasoning-effort (chat)': [
    {
      name: 'reasoning_effort minimal on gpt-5.1',
      url: CHAT,
      body: { model: 'gpt-5.1', messages: hi, reasoning_effort: 'minimal' },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'reasoning_effort' does not support 'minimal' with this model. Supported values are: 'none', 'low', 'medium', and 'high'.",
          '"minimal"',
        ],
      ],
    },
    {
      name: 'reasoning_effort on gpt-4o',
      url: CHAT,
      body: { model: 'gpt-4o', messages: hi, reasoning_effort: 'low' },
      expect: [
        ['unsupported_parameter', unsupportedParameter('reasoning_effort'), '"reasoning_effort"'],
      ],
      fixed: [{ model: 'gpt-4o', messages: hi }, false],
    },
  ],
  'model-verbosity (chat, responses)': [
    {
      name: 'verbosity low on gpt-4o',
      url: CHAT,
      body: { model: 'gpt-4o', messages: hi, verbosity: 'low' },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'verbosity' does not support 'low' with this model. Supported values are: 'medium'.",
          '"low"',
        ],
      ],
      fixed: [{ model: 'gpt-4o', messages: hi, verbosity: 'medium' }, false],
    },
    {
      name: 'text.verbosity low on gpt-4o',
      url: RESPONSES,
      body: { model: 'gpt-4o', input: 'hi', text: { verbosity: 'low' } },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'text.verbosity' does not support 'low' with this model. Supported values are: 'medium'.",
          '"low"',
        ],
      ],
    },
    {
      name: 'verbosity low on gpt-5 (clean)',
      url: CHAT,
      body: { model: 'gpt-5', messages: hi, verbosity: 'low' },
      expect: [],
    },
  ],
  'model-system-role (chat)': [
    {
      name: 'a system message to o1-mini',
      url: CHAT,
      body: { model: 'o1-mini', messages: [{ role: 'system', content: 'Be terse.' }, ...hi] },
      expect: [
        [
          'unsupported_value',
          "Unsupported value: 'messages[0].role' does not support 'system' with this model.",
          '"system"',
        ],
      ],
      fixed: [
        { model: 'o1-mini', messages: [{ role: 'developer', content: 'Be terse.' }, ...hi] },
        true,
      ],
    },
    {
      name: 'a system message to o1 (clean)',
      url: CHAT,
      body: { model: 'o1', messages: [{ role: 'system', content: 'Be terse.' }, ...hi] },
      expect: [],
    },
  ],
  'model-image-input (chat, responses)': [
    {
      name: 'an image_url part to gpt-3.5-turbo',
      url: CHAT,
      body: {
        model: 'gpt-3.5-turbo',
        messages: [
          { role: 'system', content: 'x' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
            ],
          },
        ],
      },
      expect: [
        [
          'unsupported_content_type',
          'Invalid content type. image_url is only supported by certain models.',
          '"image_url"',
        ],
      ],
    },
    {
      name: 'an input_image part to o3-mini',
      url: RESPONSES,
      body: {
        model: 'o3-mini',
        input: [
          {
            role: 'user',
            content: [{ type: 'input_image', image_url: 'https://example.com/a.png' }],
          },
        ],
      },
      expect: [
        [
          'unsupported_content_type',
          'Invalid content type. input_image is only supported by certain models.',
          '"input_image"',
        ],
      ],
    },
    {
      name: 'an image to a dated gpt-4o (clean)',
      url: CHAT,
      body: {
        model: 'gpt-4o-2024-08-06',
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }],
          },
        ],
      },
      expect: [],
    },
  ],
  'model-structured-outputs (chat)': [
    {
      name: 'a json_schema response format to gpt-3.5-turbo',
      url: CHAT,
      body: {
        model: 'gpt-3.5-turbo',
        messages: hi,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'a', schema: { type: 'object' } },
        },
      },
      expect: [
        [
          'invalid_parameter',
          "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model. Learn more about supported models at the Structured Outputs guide: https://platform.openai.com/docs/guides/structured-outputs",
          '"json_schema"',
        ],
      ],
    },
    {
      name: 'JSON mode on gpt-3.5-turbo (clean)',
      url: CHAT,
      body: {
        model: 'gpt-3.5-turbo',
        messages: [{ role: 'user', content: 'Answer in json.' }],
        response_format: { type: 'json_object' },
      },
      expect: [],
    },
  ],
  'model-output-limit (chat, responses, completions)': [
    {
      name: 'max_tokens 32000 on gpt-4o',
      url: CHAT,
      body: { model: 'gpt-4o', messages: hi, max_tokens: 32000 },
      expect: [
        [
          'output_limit_exceeded',
          'max_tokens is too large: 32000. This model supports at most 16384 completion tokens, whereas you provided 32000.',
          '32000',
        ],
      ],
      fixed: [{ model: 'gpt-4o', messages: hi, max_tokens: 16384 }, false],
    },
    {
      name: 'max_completion_tokens 200000 on gpt-5',
      url: CHAT,
      body: { model: 'gpt-5', messages: hi, max_completion_tokens: 200000 },
      expect: [
        [
          'output_limit_exceeded',
          'max_completion_tokens is too large: 200000. This model supports at most 128000 completion tokens, whereas you provided 200000.',
          '200000',
        ],
      ],
    },
    {
      name: 'max_output_tokens 50000 on gpt-4.1',
      url: RESPONSES,
      body: { model: 'gpt-4.1', input: 'hi', max_output_tokens: 50000 },
      expect: [
        [
          'output_limit_exceeded',
          'max_output_tokens is too large: 50000. This model supports at most 32768 completion tokens, whereas you provided 50000.',
          '50000',
        ],
      ],
    },
    {
      name: 'an output cap the sources disagree on is a note',
      url: '/v1/completions',
      body: { model: 'davinci-002', prompt: 'hi', max_tokens: 10000 },
      expect: [
        [
          'output_limit_exceeded',
          'max_tokens is too large: 10000. This model supports at most 4096 completion tokens, whereas you provided 10000.',
          '10000',
          'info',
        ],
      ],
    },
    {
      name: 'max_completion_tokens 100000 on gpt-5 (clean)',
      url: CHAT,
      body: { model: 'gpt-5', messages: hi, max_completion_tokens: 100000 },
      expect: [],
    },
  ],
  'model-dimensions (embeddings)': [
    {
      name: 'dimensions on text-embedding-ada-002',
      url: '/v1/embeddings',
      body: { model: 'text-embedding-ada-002', input: 'The food was delicious.', dimensions: 1536 },
      expect: [
        [
          'unsupported_parameter',
          'This model does not support specifying dimensions.',
          '"dimensions"',
        ],
      ],
      fixed: [{ model: 'text-embedding-ada-002', input: 'The food was delicious.' }, false],
    },
    {
      name: 'more dimensions than text-embedding-3-small has',
      url: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input: 'x', dimensions: 3072 },
      expect: [
        [
          'invalid_value',
          "Invalid value for 'dimensions': 3072. This model has 1536 dimensions; ask for at most 1536.",
          '3072',
        ],
      ],
    },
    {
      name: '512 dimensions on text-embedding-3-small (clean)',
      url: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input: 'x', dimensions: 512 },
      expect: [],
    },
  ],
};

/** About 900 KB of ordinary text. */
const LONG = 'The quick brown fox jumps over the lazy dog. '.repeat(20_000);

function problemsOf(row: Row) {
  const text = line(row.url, row.body);
  return { text, problems: checkLine(text, CONTEXT).problems.filter((p) => !NOT_MINE.has(p.code)) };
}

for (const [table, rows] of Object.entries(tables)) {
  for (const row of rows) {
    test(`${table}: ${row.name}`, () => {
      const { text, problems } = problemsOf(row);
      assert.deepEqual(
        problems.map((p) => [p.code, p.message, text.slice(p.column, p.endColumn), p.severity]),
        row.expect.map(([code, message, span, severity]) => [
          code,
          message,
          span,
          severity ?? 'error',
        ]),
      );
      if (!row.fixed) return;
      const [expected, safe] = row.fixed;
      const problem = { ...problems[0]!, line: 0, endLine: 0 };
      const [fix] = fixesFor(problem, () => text);
      assert.ok(fix, 'a fix is offered');
      assert.equal(fix.safe, safe);
      const [fixed] = applyEdits([text], fix.edits);
      assert.deepEqual((JSON.parse(fixed!) as { body: Json }).body, expected);
    });
  }
}

test('model-context-window (chat): a 900 KB prompt to gpt-4o-mini, counted as the tokenizer does', () => {
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: LONG }] };
  const { text, problems } = problemsOf({ name: '', url: CHAT, body, expect: [] });
  // One message (3) and the reply's priming (3) on top of the text itself.
  const tokens = countTokens(LONG, { disallowedSpecial: new Set() }) + 6;
  assert.ok(tokens > 128000);
  assert.deepEqual(
    problems.map((p) => [p.code, p.message, text.slice(p.column, p.endColumn)]),
    [
      [
        'context_length_exceeded',
        `This model's maximum context length is 128000 tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`,
        '"messages"',
      ],
    ],
  );
});

test('model-context-window (responses): the same prompt as input', () => {
  const body = { model: 'gpt-4o-mini', input: LONG };
  const { problems } = problemsOf({ name: '', url: RESPONSES, body, expect: [] });
  assert.deepEqual(
    problems.map((p) => [p.code, p.param]),
    [['context_length_exceeded', 'input']],
  );
  assert.match(problems[0]!.message, /^Your input exceeds the context window of this model\./);
});

test('model-context-window: the same prompt fits gpt-4.1, and special tokens in text are text', () => {
  const body = { model: 'gpt-4.1', messages: [{ role: 'user', content: `${LONG}<|endoftext|>` }] };
  assert.deepEqual(problemsOf({ name: '', url: CHAT, body, expect: [] }).problems, []);
});

test('a user table: a deployment inherits its base, and the user can settle a fact', () => {
  const models = catalogueWith({
    models: { 'my-deploy': { base: 'gpt-4o' }, 'davinci-002': { maxOutputTokens: 4096 } },
  });
  const context = { models, today: '2026-11-30' };
  const deploy = line(CHAT, { model: 'my-deploy', messages: hi, max_tokens: 32000 });
  assert.deepEqual(
    checkLine(deploy, context)
      .problems.filter((p) => !NOT_MINE.has(p.code))
      .map((p) => p.code),
    ['output_limit_exceeded'],
  );
  const davinci = line('/v1/completions', { model: 'davinci-002', prompt: 'x', max_tokens: 10000 });
  assert.deepEqual(
    checkLine(davinci, context).problems.map((p) => [p.code, p.severity]),
    [['output_limit_exceeded', 'error']],
  );
});

test('model-context-window: a run without spaces far past the window is counted up to a bound', () => {
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'W'.repeat(4 << 20) }] };
  const { problems } = problemsOf({ name: '', url: CHAT, body, expect: [] });
  assert.deepEqual(
    problems.map((p) => p.code),
    ['context_length_exceeded'],
  );
  assert.match(problems[0]!.message, /However, your messages resulted in more than \d+ tokens\./);
});
