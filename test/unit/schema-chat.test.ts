// Chat Completions bodies: one row per message template, code and fix the schema layer emits.
// Each row is a small change to a valid body and must yield exactly one finding, worded exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import { checkBody } from '../../server/src/core/request-check';
import { validateBody } from '../../server/src/core/schema';

type Json = Record<string, unknown>;

interface Row {
  name: string;
  body: Json;
  expect: Partial<Finding>;
}

const user = (content: unknown): Json => ({ messages: [{ role: 'user', content }] });
const body = (extra: Json): Json => ({ model: 'gpt-4o-mini', ...user('Hi'), ...extra });
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const rows: Row[] = [
  {
    name: 'responses-style input_image part',
    body: body(user([{ type: 'input_image', url: PNG }])),
    expect: {
      code: 'invalid_value',
      message:
        "Invalid value: 'input_image'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', 'audio', and 'file'. Here only 'text', 'image_url', 'input_audio', and 'file' apply.",
      param: 'messages[0].content[0].type',
      path: ['body', 'messages', 0, 'content', 0, 'type'],
      anchor: 'value',
      fix: { id: 'chat-part-from-responses', path: ['body', 'messages', 0, 'content', 0] },
    },
  },
  {
    name: 'responses-style input_text part',
    body: body(
      user([
        { type: 'text', text: 'a' },
        { type: 'input_text', text: 'b' },
      ]),
    ),
    expect: {
      param: 'messages[0].content[1].type',
      fix: { id: 'chat-part-from-responses', path: ['body', 'messages', 0, 'content', 1] },
    },
  },
  {
    name: 'image_url as a bare string',
    body: body(user([{ type: 'image_url', image_url: PNG }])),
    expect: {
      code: 'invalid_type',
      message:
        "Invalid type for 'messages[0].content[0].image_url': expected an object, but got a string instead.",
      param: 'messages[0].content[0].image_url',
      path: ['body', 'messages', 0, 'content', 0, 'image_url'],
      anchor: 'value',
      fix: { id: 'wrap-image-url', path: ['body', 'messages', 0, 'content', 0, 'image_url'] },
    },
  },
  {
    name: 'unknown part type with no fix',
    body: body(user([{ type: 'video', video: {} }])),
    expect: {
      message:
        "Invalid value: 'video'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', 'audio', and 'file'. Here only 'text', 'image_url', 'input_audio', and 'file' apply.",
      fix: undefined,
    },
  },
  {
    name: 'a listed type this role refuses names what the role accepts',
    body: body(user([{ type: 'refusal', refusal: 'no' }])),
    expect: {
      message:
        "Invalid value: 'refusal'. Supported values are: 'text', 'image_url', 'input_audio', and 'file'.",
    },
  },
  {
    name: 'unknown role',
    body: { model: 'm', messages: [{ role: 'model', content: 'x' }] },
    expect: {
      code: 'invalid_value',
      message:
        "Invalid value: 'model'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.",
      param: 'messages[0].role',
    },
  },
  {
    name: 'missing role',
    body: { model: 'm', messages: [{ content: 'x' }] },
    expect: {
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'messages[0].role'.",
      param: 'messages[0].role',
      path: ['body', 'messages', 0],
      anchor: 'parent-key',
    },
  },
  {
    name: 'missing messages: the batch validator refuses the file, in its words',
    body: { model: 'm' },
    expect: {
      code: 'invalid_request',
      message: 'Messages parameter is required.',
      param: 'messages',
      path: ['body'],
      anchor: 'parent-key',
    },
  },
  {
    name: 'empty messages',
    body: { model: 'm', messages: [] },
    expect: {
      code: 'empty_array',
      message:
        "Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.",
      param: 'messages',
    },
  },
  {
    name: 'unknown top-level parameter',
    body: body({ input: 'x' }),
    expect: {
      code: 'unknown_parameter',
      message: "Unknown parameter: 'input'.",
      param: 'input',
      path: ['body', 'input'],
      anchor: 'key',
      fix: { id: 'remove-key', path: ['body', 'input'] },
    },
  },
  {
    name: 'unknown nested parameter',
    body: body(user([{ type: 'image_url', image_url: { url: PNG, size: 2 } }])),
    expect: {
      message: "Unknown parameter: 'messages[0].content[0].image_url.size'.",
      path: ['body', 'messages', 0, 'content', 0, 'image_url', 'size'],
      fix: { id: 'remove-key', path: ['body', 'messages', 0, 'content', 0, 'image_url', 'size'] },
    },
  },
  {
    name: 'user content null',
    body: body(user(null)),
    expect: {
      code: 'invalid_value',
      message: "Invalid value for 'content': expected a string, got null.",
      param: 'messages.[0].content',
      path: ['body', 'messages', 0, 'content'],
      anchor: 'value',
    },
  },
  {
    name: 'system content missing',
    body: { model: 'm', messages: [{ role: 'system' }, { role: 'user', content: 'x' }] },
    expect: {
      message: "Invalid value for 'content': expected a string, got null.",
      param: 'messages.[0].content',
      path: ['body', 'messages', 0],
      anchor: 'parent-key',
    },
  },
  {
    name: 'assistant without content or tool calls',
    body: {
      model: 'm',
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', tool_calls: null },
      ],
    },
    expect: {
      message: "Invalid value for 'content': expected a string, got null.",
      param: 'messages.[1].content',
      anchor: 'parent-key',
    },
  },
  {
    name: 'content of the wrong type',
    body: body(user(5)),
    expect: {
      code: 'invalid_type',
      message:
        "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got an integer instead.",
    },
  },
  {
    name: 'developer content null is a type error, not the null-content message',
    body: { model: 'm', messages: [{ role: 'developer', content: null }] },
    expect: {
      message:
        "Invalid type for 'messages[0].content': expected one of a string or array of objects, but got null instead.",
    },
  },
  {
    name: 'integer below minimum',
    body: body({ n: 0 }),
    expect: {
      code: 'integer_below_min_value',
      message:
        "Invalid 'n': integer below minimum value. Expected a value >= 1, but got 0 instead.",
      param: 'n',
    },
  },
  {
    name: 'integer above maximum',
    body: body({ top_logprobs: 21 }),
    expect: {
      code: 'integer_above_max_value',
      message:
        "Invalid 'top_logprobs': integer above maximum value. Expected a value <= 20, but got 21 instead.",
    },
  },
  {
    name: 'decimal above maximum (an integer value on a decimal parameter)',
    body: body({ temperature: 3 }),
    expect: {
      code: 'decimal_above_max_value',
      message:
        "Invalid 'temperature': decimal above maximum value. Expected a value <= 2, but got 3 instead.",
    },
  },
  {
    name: 'decimal below minimum',
    body: body({ presence_penalty: -2.5 }),
    expect: {
      code: 'decimal_below_min_value',
      message:
        "Invalid 'presence_penalty': decimal below minimum value. Expected a value >= -2, but got -2.5 instead.",
    },
  },
  {
    name: 'a decimal where an integer is expected',
    body: body({ max_completion_tokens: 1.5 }),
    expect: {
      message:
        "Invalid type for 'max_completion_tokens': expected an integer, but got a decimal number instead.",
    },
  },
  {
    name: 'too many stop sequences',
    body: body({ stop: ['a', 'b', 'c', 'd', 'e'] }),
    expect: {
      code: 'array_above_max_length',
      message:
        "Invalid 'stop': array too long. Expected an array with maximum length 4, but got an array with length 5 instead.",
    },
  },
  {
    name: 'empty tool_calls',
    body: {
      model: 'm',
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: 'y', tool_calls: [] },
      ],
    },
    expect: { code: 'empty_array', param: 'messages[1].tool_calls' },
  },
  {
    name: 'blank tool name',
    body: body({ tools: [{ type: 'function', function: { name: '' } }] }),
    expect: {
      code: 'empty_string',
      message:
        "Invalid 'tools[0].function.name': empty string. Expected a string with minimum length 1, but got an empty string instead.",
    },
  },
  {
    name: 'tool name with a space',
    body: body({ tools: [{ type: 'function', function: { name: 'get weather' } }] }),
    expect: {
      code: 'invalid_value',
      message:
        "Invalid 'tools[0].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
    },
  },
  {
    name: 'tool without function',
    body: body({ tools: [{ type: 'function' }] }),
    expect: { message: "Missing required parameter: 'tools[0].function'." },
  },
  {
    name: 'responses-style (flat) function tool: one finding',
    body: body({ tools: [{ type: 'function', name: 'f', parameters: {} }] }),
    expect: {
      message:
        "Missing required parameter: 'tools[0].function'. In Chat Completions, 'name' and 'parameters' go inside 'function'.",
      path: ['body', 'tools', 0],
      anchor: 'parent-key',
    },
  },
  {
    name: 'responses-style (flat) json_schema response_format: unknown keys come first',
    body: body({ response_format: { type: 'json_schema', schema: {}, name: 'n', strict: true } }),
    expect: {
      message:
        "Unknown parameter: 'response_format.schema'. In Chat Completions, 'schema', 'name', and 'strict' go inside 'json_schema'.",
      path: ['body', 'response_format', 'schema'],
      fix: undefined,
    },
  },
  {
    name: 'response_format with schema beside json_schema: the API names schema',
    body: body({
      response_format: { type: 'json_schema', json_schema: { name: 'n' }, schema: {} },
    }),
    expect: {
      message: "Unknown parameter: 'response_format.schema'.",
      path: ['body', 'response_format', 'schema'],
    },
  },
  {
    name: 'a typo gets a suggestion',
    body: body({ max_complet_tokens: 5 }),
    expect: {
      message: "Unknown parameter: 'max_complet_tokens'. Did you mean 'max_completion_tokens'?",
      // The rename that keeps the value comes first; the removal stays on offer after it.
      // Three letters apart is a guess, not a certain misspelling: offered, not made unattended.
      fix: {
        id: 'remove-key',
        path: ['body', 'max_complet_tokens'],
        repair: {
          id: 'rename-key',
          path: ['body', 'max_complet_tokens'],
          to: 'max_completion_tokens',
          safe: false,
        },
      },
    },
  },
  {
    name: 'metadata key over 64 characters',
    body: body({ metadata: { ['k'.repeat(65)]: 'v' } }),
    expect: {
      code: 'string_above_max_length',
      message:
        "Invalid 'metadata': key too long. Expected a key with maximum length 64, but got a key with length 65 instead.",
      path: ['body', 'metadata', 'k'.repeat(65)],
      anchor: 'key',
    },
  },
  {
    name: 'json_schema without name',
    body: body({ response_format: { type: 'json_schema', json_schema: { schema: {} } } }),
    expect: { message: "Missing required parameter: 'response_format.json_schema.name'." },
  },
  {
    name: 'tool_choice string outside the enum',
    body: body({ tool_choice: 'any', tools: [{ type: 'function', function: { name: 'f' } }] }),
    expect: {
      message: "Invalid value: 'any'. Supported values are: 'none', 'auto', and 'required'.",
      param: 'tool_choice',
    },
  },
  {
    name: 'reasoning_effort outside the enum',
    body: body({ reasoning_effort: 'extreme' }),
    expect: { code: 'invalid_value', param: 'reasoning_effort' },
  },
  {
    name: 'metadata over 16 keys',
    body: body({
      metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])),
    }),
    expect: {
      code: 'object_above_max_properties',
      message:
        "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.",
    },
  },
  {
    name: 'metadata value over 512 characters',
    body: body({ metadata: { note: 'x'.repeat(513) } }),
    expect: {
      code: 'string_above_max_length',
      message:
        "Invalid 'metadata.note': string too long. Expected a string with maximum length 512, but got a string with length 513 instead.",
    },
  },
  {
    name: 'metadata given as an array',
    body: body({ metadata: { tags: ['a'] } }),
    expect: {
      message: "Invalid type for 'metadata.tags': expected a string, but got an array instead.",
    },
  },
  {
    name: "detail 'original' is a warning",
    body: body(user([{ type: 'image_url', image_url: { url: PNG, detail: 'original' } }])),
    expect: {
      code: 'unsupported_value',
      severity: 'warning',
      param: 'messages[0].content[0].image_url.detail',
      path: ['body', 'messages', 0, 'content', 0, 'image_url', 'detail'],
    },
  },
];

for (const row of rows) {
  test(`chat: ${row.name}`, () => {
    const findings = checkBody('/v1/chat/completions', row.body).filter(
      (f) => f.severity !== 'info',
    );
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
    const [found] = findings;
    const picked = Object.fromEntries(
      Object.keys(row.expect).map((k) => [k, found[k as keyof Finding]]),
    );
    assert.deepEqual(picked, row.expect);
    if (!('severity' in row.expect)) assert.equal(found.severity, 'error');
  });
}

test('chat: every problem on a line is reported, each once', () => {
  const findings = validateBody('/v1/chat/completions', {
    model: 'm',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'a' },
          { type: 'image_url', image_url: 'u' },
        ],
      },
    ],
    temperature: 9,
    bogus: 1,
  });
  assert.deepEqual(findings.map((f) => f.param).sort(), [
    'bogus',
    'messages[0].content[0].type',
    'messages[0].content[1].image_url',
    'temperature',
  ]);
});

test('chat: deprecated parameters get an info note, never more', () => {
  const findings = checkBody(
    '/v1/chat/completions',
    body({ max_tokens: 10, functions: [{ name: 'f' }] }),
  );
  assert.deepEqual(
    findings.map((f) => [f.severity, f.code, f.param]),
    [
      ['info', 'deprecated_parameter', 'max_tokens'],
      ['info', 'deprecated_parameter', 'functions'],
    ],
  );
});

test('chat: assistant content may be absent when a tool call, refusal or audio stands in', () => {
  for (const extra of [
    { tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] },
    { refusal: 'no' },
    { audio: { id: 'audio_1' } },
    { function_call: { name: 'f', arguments: '{}' } },
  ]) {
    const messages = [
      { role: 'user', content: 'x' },
      { role: 'assistant', content: null, ...extra },
    ];
    // The deprecated function_call gets its note; nothing asks for content.
    const deprecated =
      'function_call' in extra ? [['deprecated_parameter', 'messages[1].function_call']] : [];
    assert.deepEqual(
      checkBody('/v1/chat/completions', { model: 'm', messages }).map((f) => [f.code, f.param]),
      deprecated,
      JSON.stringify(extra),
    );
  }
});
