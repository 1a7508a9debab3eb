// Tools and the parameters the live API limits beyond the spec: each built-in tool of
// /v1/responses checked field by field, function names, the tool count, string limits. Each row
// is a small change to a valid body and yields exactly one finding, worded as the API words it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoint, Finding } from '../../server/src/core/types';
import { validateBody } from '../../server/src/core/schema';

type Json = Record<string, unknown>;

interface Row {
  name: string;
  endpoint?: Endpoint;
  body: Json;
  expect: Partial<Finding>;
}

const responses = (extra: Json): Json => ({ model: 'gpt-4.1', input: 'Hi', ...extra });
const tool = (t: Json): Json => responses({ tools: [t] });
const chat = (extra: Json): Json => ({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Hi' }],
  ...extra,
});
const fn = (i: number): Json => ({ type: 'function', name: `f${i}`, parameters: {} });

const rows: Row[] = [
  {
    name: 'code_interpreter: files is not a container parameter',
    body: tool({ type: 'code_interpreter', container: { type: 'auto', files: ['file-1'] } }),
    expect: {
      code: 'unknown_parameter',
      message: "Unknown parameter: 'tools[0].container.files'.",
      path: ['body', 'tools', 0, 'container', 'files'],
      anchor: 'key',
    },
  },
  {
    name: 'code_interpreter: container is required',
    body: tool({ type: 'code_interpreter' }),
    expect: { message: "Missing required parameter: 'tools[0].container'." },
  },
  {
    name: 'code_interpreter: an unknown memory limit',
    body: tool({ type: 'code_interpreter', container: { type: 'auto', memory_limit: '2g' } }),
    expect: {
      message: "Invalid value: '2g'. Supported values are: '1g', '4g', '16g', and '64g'.",
      param: 'tools[0].container.memory_limit',
    },
  },
  {
    name: 'file_search: vector_store_ids is required',
    body: tool({ type: 'file_search' }),
    expect: { message: "Missing required parameter: 'tools[0].vector_store_ids'." },
  },
  {
    name: 'file_search: more than 50 results',
    body: tool({ type: 'file_search', vector_store_ids: ['vs_1'], max_num_results: 51 }),
    expect: {
      message:
        "Invalid 'tools[0].max_num_results': integer above maximum value. Expected a value <= 50, but got 51 instead.",
    },
  },
  {
    name: 'web_search: allowed_domains belongs in filters',
    body: tool({ type: 'web_search', allowed_domains: ['example.com'] }),
    expect: { code: 'unknown_parameter', param: 'tools[0].allowed_domains' },
  },
  {
    name: 'web_search: user_location takes no street',
    body: tool({ type: 'web_search', user_location: { type: 'approximate', street: 'Main St' } }),
    expect: { message: "Unknown parameter: 'tools[0].user_location.street'." },
  },
  {
    name: 'web_search_preview: unknown search_context_size',
    body: tool({ type: 'web_search_preview', search_context_size: 'max' }),
    expect: {
      message: "Invalid value: 'max'. Supported values are: 'low', 'medium', and 'high'.",
    },
  },
  {
    name: 'image_generation: unknown quality',
    body: tool({ type: 'image_generation', quality: 'hd' }),
    expect: {
      message: "Invalid value: 'hd'. Supported values are: 'low', 'medium', 'high', and 'auto'.",
      param: 'tools[0].quality',
    },
  },
  {
    name: 'image_generation: partial_images above 3',
    body: tool({ type: 'image_generation', partial_images: 4 }),
    expect: { code: 'integer_above_max_value', param: 'tools[0].partial_images' },
  },
  {
    name: 'mcp: server_label is required',
    body: tool({ type: 'mcp', server_url: 'https://mcp.example.com' }),
    expect: { message: "Missing required parameter: 'tools[0].server_label'." },
  },
  {
    name: 'mcp: require_approval takes always or never',
    body: tool({ type: 'mcp', server_label: 's', server_url: 'https://x', require_approval: 'no' }),
    expect: {
      message: "Invalid value: 'no'. Supported values are: 'always' and 'never'.",
    },
  },
  {
    name: 'custom: name is required',
    body: tool({ type: 'custom', description: 'Runs SQL' }),
    expect: { message: "Missing required parameter: 'tools[0].name'." },
  },
  {
    name: 'computer_use_preview: the display size is required',
    body: tool({ type: 'computer_use_preview', environment: 'browser', display_width: 1024 }),
    expect: { message: "Missing required parameter: 'tools[0].display_height'." },
  },
  {
    name: 'computer_use_preview: unknown environment',
    body: tool({
      type: 'computer_use_preview',
      environment: 'android',
      display_width: 1,
      display_height: 1,
    }),
    expect: { code: 'invalid_value', param: 'tools[0].environment' },
  },
  {
    name: 'responses function name: pattern',
    body: tool({ type: 'function', name: 'get.weather', parameters: {} }),
    expect: {
      message:
        "Invalid 'tools[0].name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.",
    },
  },
  {
    name: 'responses function name: at most 128 characters',
    body: tool({ type: 'function', name: 'f'.repeat(129), parameters: {} }),
    expect: {
      message:
        "Invalid 'tools[0].name': string too long. Expected a string with maximum length 128, but got a string with length 129 instead.",
    },
  },
  {
    name: 'responses: at most 128 tools',
    body: responses({ tools: Array.from({ length: 129 }, (_, i) => fn(i)) }),
    expect: {
      code: 'array_above_max_length',
      message:
        "Invalid 'tools': array too long. Expected an array with maximum length 128, but got an array with length 129 instead.",
    },
  },
  {
    name: 'chat: at most 128 tools',
    endpoint: '/v1/chat/completions',
    body: chat({
      tools: Array.from({ length: 129 }, (_, i) => ({
        type: 'function',
        function: { name: `f${i}` },
      })),
    }),
    expect: { code: 'array_above_max_length', param: 'tools' },
  },
  {
    name: 'chat function name: at most 64 characters',
    endpoint: '/v1/chat/completions',
    body: chat({ tools: [{ type: 'function', function: { name: 'f'.repeat(65) } }] }),
    expect: {
      message:
        "Invalid 'tools[0].function.name': string too long. Expected a string with maximum length 64, but got a string with length 65 instead.",
    },
  },
  {
    name: 'prompt_cache_key: at most 64 characters (the live API, not the spec)',
    body: responses({ prompt_cache_key: 'k'.repeat(72) }),
    expect: {
      code: 'string_above_max_length',
      message:
        "Invalid 'prompt_cache_key': string too long. Expected a string with maximum length 64, but got a string with length 72 instead.",
      path: ['body', 'prompt_cache_key'],
      anchor: 'value',
    },
  },
  {
    name: 'chat prompt_cache_key: at most 64 characters',
    endpoint: '/v1/chat/completions',
    body: chat({ prompt_cache_key: 'k'.repeat(65) }),
    expect: { code: 'string_above_max_length', param: 'prompt_cache_key' },
  },
  {
    name: 'safety_identifier: at most 64 characters',
    body: responses({ safety_identifier: 's'.repeat(65) }),
    expect: {
      message:
        "Invalid 'safety_identifier': string too long. Expected a string with maximum length 64, but got a string with length 65 instead.",
    },
  },
  {
    name: 'function_call call_id: at most 64 characters',
    body: responses({
      input: [{ type: 'function_call', call_id: 'c'.repeat(65), name: 'f', arguments: '{}' }],
    }),
    expect: {
      message:
        "Invalid 'input[0].call_id': string too long. Expected a string with maximum length 64, but got a string with length 65 instead.",
    },
  },
  {
    name: 'metadata: at most 16 pairs',
    body: responses({
      metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])),
    }),
    expect: {
      message:
        "Invalid 'metadata': too many properties. Expected an object with at most 16 properties, but got an object with 17 properties instead.",
    },
  },
  {
    name: 'metadata: values at most 512 characters',
    body: responses({ metadata: { note: 'n'.repeat(513) } }),
    expect: { code: 'string_above_max_length', param: 'metadata.note' },
  },
];

for (const row of rows) {
  test(row.name, () => {
    const findings = validateBody(row.endpoint ?? '/v1/responses', row.body);
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
    const [found] = findings;
    const picked = Object.fromEntries(
      Object.keys(row.expect).map((k) => [k, found![k as keyof Finding]]),
    );
    assert.deepEqual(picked, row.expect);
  });
}

test('each built-in tool, well formed, checks clean', () => {
  const tools: Json[] = [
    {
      type: 'web_search',
      filters: { allowed_domains: ['openai.com'] },
      search_context_size: 'low',
    },
    { type: 'web_search_preview', user_location: { type: 'approximate', city: 'Paris' } },
    { type: 'file_search', vector_store_ids: ['vs_1'], ranking_options: { score_threshold: 0.2 } },
    { type: 'code_interpreter', container: { type: 'auto', file_ids: ['file-1'] } },
    { type: 'code_interpreter', container: 'cntr_1' },
    { type: 'image_generation', size: '1024x1024', action: 'generate' },
    { type: 'mcp', server_label: 'docs', server_url: 'https://x', require_approval: 'never' },
    { type: 'custom', name: 'sql', format: { type: 'text' } },
    { type: 'computer_use_preview', environment: 'mac', display_width: 1280, display_height: 800 },
    { type: 'local_shell' },
  ];
  for (const t of tools)
    assert.deepEqual(validateBody('/v1/responses', tool(t)), [], t.type as string);
});
