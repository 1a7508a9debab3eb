// Responses bodies: one row per message template, code and fix the schema layer emits. Each row
// is a small change to a valid body and must yield exactly one finding, worded exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core/types';
import { checkBody } from '../../server/src/core/request-check';

type Json = Record<string, unknown>;

interface Row {
  name: string;
  body: Json;
  expect: Partial<Finding>;
}

const body = (extra: Json): Json => ({ model: 'gpt-4.1-mini', input: 'Hi', ...extra });
const parts = (content: unknown[]): Json => body({ input: [{ role: 'user', content }] });
const URL = 'https://example.com/cat.png';
const RESPONSES_PARTS =
  "'input_text', 'input_image', 'output_text', 'refusal', 'input_file', 'computer_screenshot', and 'summary_text'";

const moved = (key: string, value: unknown, to: string): Row => ({
  name: `${key} moved to ${to}`,
  body: body({ [key]: value }),
  expect: {
    code: 'unsupported_parameter',
    message: `Unsupported parameter: '${key}'. In the Responses API, this parameter has moved to '${to}'.`,
    param: key,
    path: ['body', key],
    anchor: 'key',
    fix: { id: 'move-param', path: ['body', key], to },
  },
});

const rows: Row[] = [
  {
    name: 'messages instead of input',
    body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }] },
    expect: {
      code: 'unsupported_parameter',
      message:
        "Unsupported parameter: 'messages'. In the Responses API, this parameter has moved to 'input'.",
      param: 'messages',
      path: ['body', 'messages'],
      anchor: 'key',
      fix: { id: 'move-param', path: ['body', 'messages'], to: 'input' },
    },
  },
  moved('response_format', { type: 'json_object' }, 'text.format'),
  moved('max_completion_tokens', 100, 'max_output_tokens'),
  moved('reasoning_effort', 'low', 'reasoning.effort'),
  moved('verbosity', 'low', 'text.verbosity'),
  {
    name: 'a chat-only key with no equivalent',
    body: body({ seed: 1 }),
    expect: {
      code: 'unknown_parameter',
      message: "Unknown parameter: 'seed'. It has no equivalent in the Responses API.",
      anchor: 'key',
      fix: { id: 'remove-key', path: ['body', 'seed'] },
    },
  },
  {
    name: 'an unknown key inside an input item',
    body: body({ input: [{ role: 'user', content: 'x', bogus: 1 }] }),
    expect: {
      code: 'unknown_parameter',
      message: "Unknown parameter: 'input[0].bogus'.",
      path: ['body', 'input', 0, 'bogus'],
      fix: { id: 'remove-key', path: ['body', 'input', 0, 'bogus'] },
    },
  },
  {
    name: 'input_image with url',
    body: parts([
      { type: 'input_text', text: 'What?' },
      { type: 'input_image', url: URL },
    ]),
    expect: {
      code: 'unknown_parameter',
      message: "Unknown parameter: 'input[0].content[1].url'.",
      path: ['body', 'input', 0, 'content', 1, 'url'],
      anchor: 'key',
      fix: { id: 'responses-image-url', path: ['body', 'input', 0, 'content', 1] },
    },
  },
  {
    name: 'input_image with an {url} object',
    body: parts([
      { type: 'input_text', text: 'What?' },
      { type: 'input_image', image_url: { url: URL } },
    ]),
    expect: {
      code: 'invalid_type',
      message:
        "Invalid type for 'input[0].content[1].image_url': expected an image URL, but got an object instead.",
      param: 'input[0].content[1].image_url',
      path: ['body', 'input', 0, 'content', 1, 'image_url'],
      anchor: 'value',
      fix: { id: 'responses-image-url', path: ['body', 'input', 0, 'content', 1] },
    },
  },
  {
    name: 'chat-style image_url part',
    body: parts([{ type: 'image_url', image_url: { url: URL } }]),
    expect: {
      code: 'invalid_value',
      message: `Invalid value: 'image_url'. Supported values are: ${RESPONSES_PARTS}.`,
      param: 'input[0].content[0].type',
      path: ['body', 'input', 0, 'content', 0, 'type'],
      fix: { id: 'responses-part-from-chat', path: ['body', 'input', 0, 'content', 0] },
    },
  },
  {
    name: 'chat-style text part',
    body: parts([{ type: 'text', text: 'a' }]),
    expect: { fix: { id: 'responses-part-from-chat', path: ['body', 'input', 0, 'content', 0] } },
  },
  {
    name: 'chat-style file part',
    body: parts([{ type: 'file', file: { file_id: 'f' } }]),
    expect: { fix: { id: 'responses-part-from-chat', path: ['body', 'input', 0, 'content', 0] } },
  },
  {
    name: 'input_text in an assistant message',
    body: body({ input: [{ role: 'assistant', content: [{ type: 'input_text', text: 'x' }] }] }),
    expect: {
      message: "Invalid value: 'input_text'. Supported values are: 'output_text' and 'refusal'.",
      param: 'input[0].content[0].type',
    },
  },
  {
    name: 'output_text in a function_call_output',
    body: body({
      input: [
        {
          type: 'function_call_output',
          call_id: 'c',
          output: [{ type: 'output_text', text: 'x' }],
        },
      ],
    }),
    expect: {
      message:
        "Invalid value: 'output_text'. Supported values are: 'input_text', 'input_image', and 'input_file'.",
      param: 'input[0].output[0].type',
    },
  },
  {
    name: 'a chat tool message role',
    body: body({ input: [{ role: 'tool', content: 'x', tool_call_id: 'c' }] }),
    expect: { code: 'invalid_value', param: 'input[0].role' },
  },
  {
    name: 'function_call without arguments',
    body: body({ input: [{ type: 'function_call', call_id: 'c', name: 'f' }] }),
    expect: {
      message: "Missing required parameter: 'input[0].arguments'.",
      path: ['body', 'input', 0],
      anchor: 'parent-key',
    },
  },
  {
    name: 'function_call_output call_id too long',
    body: body({ input: [{ type: 'function_call_output', call_id: 'c'.repeat(65), output: 'x' }] }),
    expect: {
      code: 'string_above_max_length',
      message:
        "Invalid 'input[0].call_id': string too long. Expected a string with maximum length 64, but got a string with length 65 instead.",
    },
  },
  {
    name: 'message item without role',
    body: body({ input: [{ type: 'message', content: 'x' }] }),
    expect: { message: "Missing required parameter: 'input[0].role'." },
  },
  {
    name: 'json_schema format without name',
    body: body({ text: { format: { type: 'json_schema', schema: {} } } }),
    expect: {
      message: "Missing required parameter: 'text.format.name'.",
      path: ['body', 'text', 'format'],
    },
  },
  {
    name: 'chat-style (nested) function tool: the API reports the missing name first',
    body: body({ tools: [{ type: 'function', function: { name: 'f', parameters: {} } }] }),
    expect: {
      message:
        "Missing required parameter: 'tools[0].name'. In the Responses API this object is flat: move the fields of 'function' up into it.",
      path: ['body', 'tools', 0],
      anchor: 'parent-key',
      fix: undefined,
    },
  },
  {
    name: 'chat-style (nested) json_schema format',
    body: body({
      text: { format: { type: 'json_schema', json_schema: { name: 'n', schema: {} } } },
    }),
    expect: { param: 'text.format.name', code: 'missing_required_parameter' },
  },
  {
    name: 'chat-style tool_choice',
    body: body({ tool_choice: { type: 'function', function: { name: 'f' } } }),
    expect: { param: 'tool_choice.name', code: 'missing_required_parameter' },
  },
  {
    name: 'a typo gets a suggestion',
    body: body({ instruction: 'Be brief.' }),
    expect: {
      message: "Unknown parameter: 'instruction'. Did you mean 'instructions'?",
      // The rename that keeps the value comes first; the removal stays on offer after it.
      // One letter short in a long key, and no other key near: safe.
      fix: {
        id: 'remove-key',
        path: ['body', 'instruction'],
        repair: {
          id: 'rename-key',
          path: ['body', 'instruction'],
          to: 'instructions',
          safe: true,
        },
      },
    },
  },
  {
    name: 'a typo of messages is not steered to messages',
    body: body({ mesages: [] }),
    expect: { message: "Unknown parameter: 'mesages'." },
  },
  {
    name: 'logprobs points to include',
    body: body({ logprobs: true }),
    expect: {
      message:
        "Unknown parameter: 'logprobs'. In the Responses API, ask for them with include: ['message.output_text.logprobs'] and 'top_logprobs'.",
    },
  },
  {
    name: 'function tool without name',
    body: body({ tools: [{ type: 'function', parameters: {} }] }),
    expect: { message: "Missing required parameter: 'tools[0].name'." },
  },
  {
    name: 'max_output_tokens below 16',
    body: body({ max_output_tokens: 8 }),
    expect: {
      code: 'integer_below_min_value',
      message:
        "Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got 8 instead.",
    },
  },
  {
    name: 'input of the wrong type',
    body: body({ input: { role: 'user', content: 'x' } }),
    expect: {
      message:
        "Invalid type for 'input': expected one of a string or array of objects, but got an object instead.",
    },
  },
  {
    name: 'input left out',
    body: { model: 'm' },
    expect: {
      code: 'missing_required_parameter',
      message: `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`,
      path: ['body'],
      anchor: 'parent-key',
    },
  },
  {
    name: 'input empty',
    body: body({ input: [] }),
    expect: { code: 'missing_required_parameter', path: ['body', 'input'], anchor: 'value' },
  },
  {
    name: 'unknown item type',
    body: body({ input: [{ type: 'tool_result', content: 'x' }] }),
    expect: { code: 'invalid_value', param: 'input[0].type' },
  },
];

for (const row of rows) {
  test(`responses: ${row.name}`, () => {
    const findings = checkBody('/v1/responses', row.body).filter((f) => f.severity !== 'info');
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
    const [found] = findings;
    const picked = Object.fromEntries(
      Object.keys(row.expect).map((k) => [k, found[k as keyof Finding]]),
    );
    assert.deepEqual(picked, row.expect);
    assert.equal(found.severity, 'error');
  });
}

test('responses: messages are checked like input, so their problems show with the move', () => {
  const findings = checkBody('/v1/responses', {
    model: 'm',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'a' },
          { type: 'input_image', url: URL },
        ],
      },
    ],
  });
  assert.deepEqual(
    findings.map((f) => [f.code, f.param, f.fix?.id]),
    [
      ['unknown_parameter', 'messages[0].content[1].url', 'responses-image-url'],
      ['unsupported_parameter', 'messages', 'move-param'],
    ],
  );
});

test('responses: built-in tools and loose items are accepted; penalties get a note, not an error', () => {
  const findings = checkBody(
    '/v1/responses',
    body({
      presence_penalty: 0.5,
      frequency_penalty: 0.5,
      tools: [
        { type: 'web_search_preview', search_context_size: 'low' },
        { type: 'mcp', server_label: 's' },
      ],
      input: [
        { type: 'mcp_approval_response', approval_request_id: 'a', approve: true },
        { id: 'msg_1' },
        { role: 'user', content: [{ type: 'input_image', file_id: 'file-1' }] },
      ],
    }),
  );
  // The reference does not list the penalties; some models take them at run time.
  assert.deepEqual(
    findings.map((f) => [f.severity, f.code, f.param, f.message]),
    ['presence_penalty', 'frequency_penalty'].map((key) => [
      'info',
      'undocumented_parameter',
      key,
      `'${key}' is not in the API reference of /v1/responses: some models accept it at run time and others refuse it.`,
    ]),
  );
});
