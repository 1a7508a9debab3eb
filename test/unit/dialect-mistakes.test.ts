// Each dialect's typical mistakes, one row each: the lines of a small file, the dialect it is
// read in (detected, or chosen where the lines alone cannot tell), and the problem expected on a
// given line, in the provider's words where they are known.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import type { DialectId, ProblemCode } from '../../server/src/core';

type Json = Record<string, unknown>;
const j = (value: Json): string => JSON.stringify(value);
const user = (content: unknown): Json[] => [{ role: 'user', content }];

const anthropic = (params: Json, id = 'req-1'): string =>
  j({
    custom_id: id,
    params: { model: 'claude-sonnet-4-5', max_tokens: 256, messages: user('hi'), ...params },
  });
const openai = (url: string, body: Json, id = 'req-1', extra: Json = {}): string =>
  j({
    custom_id: id,
    method: 'POST',
    url,
    body: { model: 'gpt-4o', messages: user('hi'), ...body },
    ...extra,
  });
const azure = (body: Json, id?: string, extra?: Json): string =>
  openai('/chat/completions', { model: 'my-deployment', ...body }, id, extra);
const compatible = (body: Json, id?: string): string =>
  openai('/v1/chat/completions', { model: 'llama-3.3-70b-versatile', ...body }, id);
const bare = (body: Json, id: unknown = 'req-1', extra: Json = {}): string =>
  j({ custom_id: id, body: { messages: user('hi'), ...body }, ...extra });
const gemini = (request: Json, key: unknown = 'k1'): string =>
  j({ key, request: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], ...request } });
const vertex = (request: Json, extra: Json = {}): string =>
  j({ request: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }], ...request }, ...extra });
const claudeOnBedrock = (input: Json, id = 'REC00000001'): string =>
  j({
    recordId: id,
    modelInput: {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 100,
      messages: user('hi'),
      ...input,
    },
  });

interface Row {
  dialect: DialectId;
  name: string;
  lines: string[];
  /** Set when the lines alone would be read in another dialect of the same shape. */
  chosen?: boolean;
  code: ProblemCode;
  message: string | RegExp;
  /** 1-based; default 1. */
  line?: number;
  severity?: 'error' | 'warning' | 'info';
}

const rows: Row[] = [
  // OpenAI: a line whose keys would do for Together but whose model is OpenAI's
  {
    dialect: 'openai',
    name: 'method and url left out of lines naming an OpenAI model',
    lines: [bare({ model: 'gpt-4o-mini' }, 'a'), bare({ model: 'gpt-4o-mini' }, 'b')],
    code: 'missing_required_parameter',
    message: "Missing required parameter: 'method'.",
    line: 2,
  },
  // Anthropic Message Batches
  {
    dialect: 'anthropic',
    name: 'max_tokens left out',
    lines: [j({ custom_id: 'a', params: { model: 'claude-sonnet-4-5', messages: user('hi') } })],
    code: 'missing_required_parameter',
    message: 'max_tokens: Field required',
  },
  {
    dialect: 'anthropic',
    name: "an Anthropic request under OpenAI's body",
    lines: [
      j({
        custom_id: 'r1',
        body: { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: user('hi') },
      }),
    ],
    code: 'missing_required_parameter',
    message:
      "params: Field required. The request is under 'body'; Anthropic Message Batches reads it from 'params'.",
  },
  {
    dialect: 'anthropic',
    name: 'a system message in messages',
    lines: [anthropic({ messages: [{ role: 'system', content: 'Be brief' }, ...user('hi')] })],
    code: 'invalid_value',
    message: /^messages\.0\.role: Input should be 'user' or 'assistant'/,
  },
  {
    dialect: 'anthropic',
    name: "OpenAI's image_url part",
    lines: [
      anthropic({ messages: user([{ type: 'image_url', image_url: { url: 'https://x/y.png' } }]) }),
    ],
    code: 'invalid_value',
    message:
      /^messages\.0\.content\.0: Input tag 'image_url' found using 'type' does not match any of the expected tags: 'text', 'image', /,
  },
  {
    dialect: 'anthropic',
    name: 'a custom_id with a space',
    lines: [anthropic({}, 'row 1')],
    code: 'invalid_value',
    message: "custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'",
  },
  {
    dialect: 'anthropic',
    name: 'a custom_id of 65 characters',
    lines: [anthropic({}, 'x'.repeat(65))],
    code: 'invalid_value',
    message: /^custom_id: String should match pattern/,
  },
  {
    dialect: 'anthropic',
    name: "OpenAI's temperature range",
    lines: [anthropic({ temperature: 1.5 })],
    code: 'decimal_above_max_value',
    message: 'temperature: Input should be less than or equal to 1',
  },
  {
    dialect: 'anthropic',
    name: "OpenAI's response_format",
    lines: [anthropic({ response_format: { type: 'json_object' } })],
    code: 'unknown_parameter',
    message: 'response_format: Extra inputs are not permitted',
  },
  {
    dialect: 'anthropic',
    name: 'a thinking budget under 1,024',
    lines: [anthropic({ max_tokens: 4000, thinking: { type: 'enabled', budget_tokens: 500 } })],
    code: 'integer_below_min_value',
    message: 'thinking.budget_tokens: Input should be greater than or equal to 1024',
  },
  {
    dialect: 'anthropic',
    name: 'a thinking budget that leaves no room for the answer',
    lines: [anthropic({ max_tokens: 2000, thinking: { type: 'enabled', budget_tokens: 2000 } })],
    code: 'invalid_value',
    message: /^`max_tokens` must be greater than `thinking.budget_tokens`/,
  },
  {
    dialect: 'anthropic',
    name: 'an image of a type Claude does not read',
    lines: [
      anthropic({
        messages: user([
          { type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'Qk0=' } },
        ]),
      }),
    ],
    code: 'invalid_value',
    message: /^messages\.0\.content\.0\.source\.media_type: Input should be 'image\/jpeg', /,
  },
  {
    dialect: 'anthropic',
    name: 'an OpenAI line among Anthropic ones',
    lines: [anthropic({}, 'a'), openai('/v1/chat/completions', {}, 'b'), anthropic({}, 'c')],
    line: 2,
    code: 'dialect_mismatch',
    message:
      /^This line is written for OpenAI \(openai\).*but the file is Anthropic Message Batches/,
  },
  // Azure OpenAI
  {
    dialect: 'azure',
    name: 'a url typo, suggested in Azure form',
    lines: [
      azure({}, 'a'),
      openai('chat/completions', { model: 'my-deployment' }, 'b'),
      azure({}, 'c'),
    ],
    line: 2,
    code: 'invalid_value',
    message:
      /^Invalid value: 'chat\/completions'\. Supported values are: '\/responses', .*Did you mean '\/chat\/completions'\?$/,
  },
  {
    dialect: 'azure',
    name: 'GET instead of POST',
    lines: [azure({}, 'a', { method: 'GET' }), azure({}, 'b')],
    code: 'invalid_value',
    message: /^Invalid value: 'GET'/,
  },
  {
    dialect: 'azure',
    name: 'no deployment named',
    lines: [azure({ model: undefined })],
    code: 'invalid_request',
    message: 'Model parameter is required.',
  },
  {
    dialect: 'azure',
    name: 'two urls in one file',
    lines: [
      azure({}, 'a'),
      openai('/embeddings', { model: 'my-embed', messages: undefined, input: 'x' }, 'b'),
    ],
    line: 2,
    code: 'url_mismatch',
    message: /Line 1 uses '\/chat\/completions'/,
  },
  {
    dialect: 'azure',
    name: 'two deployments in one file',
    lines: [azure({}, 'a'), azure({ model: 'other-deployment' }, 'b')],
    line: 2,
    code: 'model_mismatch',
    message: /line 1 uses 'my-deployment', this request 'other-deployment'/,
  },
  {
    dialect: 'azure',
    name: 'streaming',
    lines: [azure({ stream: true })],
    code: 'streaming_unsupported',
    message: /Streaming is not supported/,
  },
  // OpenAI-compatible servers
  {
    dialect: 'openai-compatible',
    name: 'a url typo',
    lines: [
      compatible({}, 'a'),
      openai('v1/chat/completions', { model: 'llama-3.3-70b-versatile' }, 'b'),
    ],
    line: 2,
    code: 'invalid_value',
    message: /Did you mean '\/v1\/chat\/completions'\?$/,
  },
  {
    dialect: 'openai-compatible',
    name: 'messages left out',
    lines: [compatible({ messages: undefined })],
    code: 'invalid_request',
    message: 'Messages parameter is required.',
  },
  {
    dialect: 'openai-compatible',
    name: 'a custom_id twice (SGLang hangs on it)',
    lines: [compatible({}, 'same'), compatible({}, 'same')],
    line: 2,
    code: 'duplicate_custom_id',
    message: /^Duplicate custom_id 'same': line 1 already uses it/,
  },
  {
    dialect: 'openai-compatible',
    name: 'an image_url given as a string',
    lines: [compatible({ messages: user([{ type: 'image_url', image_url: 'https://x/y.png' }]) })],
    code: 'invalid_type',
    message: /image_url/,
  },
  {
    dialect: 'openai-compatible',
    name: 'two models in one file',
    lines: [compatible({}, 'a'), compatible({ model: 'llama-3.1-8b-instant' }, 'b')],
    line: 2,
    code: 'model_mismatch',
    message: /line 1 uses 'llama-3.3-70b-versatile'/,
  },
  // Together AI
  {
    dialect: 'together',
    chosen: true,
    name: 'a custom_id over 64 characters',
    lines: [bare({ model: 'deepseek-ai/DeepSeek-V3' }, 'x'.repeat(70))],
    code: 'string_above_max_length',
    message: /is 70 characters long; Together AI takes at most 64\.$/,
  },
  {
    dialect: 'together',
    chosen: true,
    name: 'no model in the body',
    lines: [bare({})],
    code: 'invalid_request',
    message: 'Model parameter is required.',
  },
  {
    dialect: 'together',
    chosen: true,
    name: 'an OpenAI line with method and url',
    lines: [openai('/v1/chat/completions', { model: 'deepseek-ai/DeepSeek-V3' })],
    code: 'dialect_mismatch',
    message: /but the file is Together AI \(together\)/,
  },
  {
    dialect: 'together',
    chosen: true,
    name: 'a body that is a string',
    lines: [j({ custom_id: 'a', body: '{"model":"x"}' })],
    code: 'invalid_type',
    message: "Invalid type for 'body': expected an object, but got a string instead.",
  },
  {
    dialect: 'together',
    chosen: true,
    name: 'a role OpenAI-style APIs do not have',
    lines: [bare({ model: 'm', messages: [{ role: 'bot', content: 'hi' }] })],
    code: 'invalid_value',
    message: /^Invalid value: 'bot'/,
  },
  // Mistral AI
  {
    dialect: 'mistral',
    chosen: true,
    name: 'no body',
    lines: [j({ custom_id: 'a', body: undefined, messages: user('hi') })],
    code: 'missing_required_parameter',
    message: /^Missing required parameter: 'body'\./,
  },
  {
    dialect: 'mistral',
    chosen: true,
    name: 'a numeric custom_id',
    lines: [bare({}, 7)],
    code: 'invalid_type',
    message: "Invalid type for 'custom_id': expected a string, but got an integer instead.",
  },
  {
    dialect: 'mistral',
    chosen: true,
    name: 'message content of the wrong type',
    lines: [bare({ messages: user(42) })],
    code: 'invalid_type',
    message: /^Invalid type for 'messages\[0\]\.content'/,
  },
  {
    dialect: 'mistral',
    chosen: true,
    name: 'a key the line does not have',
    lines: [bare({}, 'a', { id: 'x' })],
    code: 'unknown_parameter',
    severity: 'warning',
    message: /^Unrecognized key 'id': a Mistral AI batch line has only 'custom_id' and 'body'/,
  },
  {
    dialect: 'mistral',
    chosen: true,
    name: 'a custom_id twice',
    lines: [bare({}, 'a'), bare({}, 'a')],
    line: 2,
    code: 'duplicate_custom_id',
    message: /^Duplicate custom_id 'a'/,
  },
  // Fireworks AI
  {
    dialect: 'fireworks',
    chosen: true,
    name: 'no custom_id',
    lines: [j({ body: { messages: user('hi') } })],
    code: 'missing_required_parameter',
    message: /^Missing required parameter: 'custom_id'\./,
  },
  {
    dialect: 'fireworks',
    chosen: true,
    name: 'messages not a list',
    lines: [bare({ messages: 'hi' })],
    code: 'invalid_type',
    message: /^Invalid type for 'messages'/,
  },
  {
    dialect: 'fireworks',
    chosen: true,
    name: 'a custom_id twice',
    lines: [bare({}, 'a'), bare({}, 'a')],
    line: 2,
    code: 'duplicate_custom_id',
    message: /^Duplicate custom_id 'a'/,
  },
  {
    dialect: 'fireworks',
    chosen: true,
    name: 'a params object (Anthropic shape)',
    lines: [anthropic({})],
    code: 'dialect_mismatch',
    message: /but the file is Fireworks AI \(fireworks\)/,
  },
  {
    dialect: 'fireworks',
    chosen: true,
    name: 'a body that is an array',
    lines: [j({ custom_id: 'a', body: [] })],
    code: 'invalid_type',
    message: /^Invalid type for 'body': expected an object, but got an array instead\.$/,
  },
  // Gemini API
  {
    dialect: 'gemini',
    name: "OpenAI's messages instead of contents",
    lines: [j({ key: 'k', request: { messages: user('hi') } })],
    code: 'unknown_parameter',
    message: 'Invalid JSON payload received. Unknown name "messages": Cannot find field.',
  },
  {
    dialect: 'gemini',
    name: 'contents left out',
    lines: [j({ key: 'k', request: { generationConfig: {} } })],
    code: 'missing_required_parameter',
    message: '* GenerateContentRequest.contents: contents is not specified',
  },
  {
    dialect: 'gemini',
    name: 'the assistant role',
    lines: [gemini({ contents: [{ role: 'assistant', parts: [{ text: 'hi' }] }] })],
    code: 'invalid_value',
    message: 'Please use a valid role: user, model.',
  },
  {
    dialect: 'gemini',
    name: 'parts given as a string',
    lines: [gemini({ contents: [{ role: 'user', parts: 'hi' }] })],
    code: 'invalid_type',
    message:
      'Invalid value at \'contents[0].parts\' (type.googleapis.com/google.ai.generativelanguage.v1beta.Part), "hi"',
  },
  {
    dialect: 'gemini',
    name: "OpenAI's max_tokens in generationConfig",
    lines: [gemini({ generationConfig: { max_tokens: 100 } })],
    code: 'unknown_parameter',
    message:
      'Invalid JSON payload received. Unknown name "max_tokens" at \'generationConfig\': Cannot find field.',
  },
  {
    dialect: 'gemini',
    name: 'empty parts',
    lines: [gemini({ contents: [{ role: 'user', parts: [] }] })],
    code: 'array_below_min_length',
    message: '* GenerateContentRequest.contents[0].parts: contents.parts must not be empty',
  },
  {
    dialect: 'gemini',
    name: 'a key twice',
    lines: [gemini({}, 'k'), gemini({}, 'k')],
    line: 2,
    code: 'duplicate_custom_id',
    message: /^Duplicate key 'k': line 1 already uses it\. Every key must be unique/,
  },
  {
    dialect: 'gemini',
    name: 'a key that is a number',
    lines: [gemini({}, 1)],
    code: 'invalid_type',
    message: "Invalid type for 'key': expected a string, but got an integer instead.",
  },
  // Vertex AI
  {
    dialect: 'vertex',
    name: 'a system role in contents',
    lines: [vertex({ contents: [{ role: 'system', parts: [{ text: 'x' }] }] })],
    code: 'invalid_value',
    message: 'Please use a valid role: user, model.',
  },
  {
    dialect: 'vertex',
    name: "OpenAI's image_url in a part",
    lines: [
      vertex({ contents: [{ role: 'user', parts: [{ image_url: { url: 'gs://b/x.png' } }] }] }),
    ],
    code: 'unknown_parameter',
    message:
      'Invalid JSON payload received. Unknown name "image_url" at \'contents[0].parts[0]\': Cannot find field.',
  },
  {
    dialect: 'vertex',
    name: 'a temperature above 2',
    lines: [vertex({ generationConfig: { temperature: 3 } })],
    code: 'decimal_above_max_value',
    message: /^batchlint: 'generationConfig\.temperature' is 3; the API documents a value <= 2\.$/,
  },
  {
    dialect: 'vertex',
    name: 'inline data without its data',
    lines: [
      vertex({ contents: [{ role: 'user', parts: [{ inlineData: { mimeType: 'image/png' } }] }] }),
    ],
    code: 'missing_required_parameter',
    message: '* GenerateContentRequest.contents[0].parts[0].inlineData.data: data is not specified',
  },
  {
    dialect: 'vertex',
    name: 'a request that is a string',
    lines: [j({ request: 'hello' })],
    code: 'invalid_type',
    message: "Invalid type for 'request': expected an object, but got a string instead.",
  },
  {
    dialect: 'vertex',
    name: 'a stray top-level key',
    lines: [vertex({}, { custom_id: 'a' })],
    code: 'unknown_parameter',
    severity: 'warning',
    message: /^Unrecognized key 'custom_id'/,
  },
  // Amazon Bedrock
  {
    dialect: 'bedrock',
    name: 'Claude (stop_sequences) without anthropic_version',
    lines: [claudeOnBedrock({ anthropic_version: undefined, stop_sequences: ['###'] })],
    code: 'missing_required_parameter',
    message:
      'Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.',
  },
  {
    dialect: 'bedrock',
    name: 'Claude with the model in the body',
    lines: [claudeOnBedrock({ model: 'anthropic.claude-3-haiku' })],
    code: 'unknown_parameter',
    message: /^Malformed input request: #: extraneous key \[model\] is not permitted/,
  },
  {
    dialect: 'bedrock',
    name: 'Claude without max_tokens',
    lines: [claudeOnBedrock({ max_tokens: undefined })],
    code: 'missing_required_parameter',
    message:
      'Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.',
  },
  {
    dialect: 'bedrock',
    name: "Llama's max_gen_len as a string",
    lines: [j({ recordId: 'R1', modelInput: { prompt: 'hi', max_gen_len: '100' } })],
    code: 'invalid_type',
    message:
      'Malformed input request: #/max_gen_len: expected type: Integer, found: String, please reformat your input and try again.',
  },
  {
    dialect: 'bedrock',
    name: "Titan's maxTokens under the wrong name",
    lines: [
      j({
        recordId: 'R1',
        modelInput: { inputText: 'hi', textGenerationConfig: { maxTokens: 5 } },
      }),
    ],
    code: 'unknown_parameter',
    message:
      /^Malformed input request: #\/textGenerationConfig: extraneous key \[maxTokens\] is not permitted/,
  },
  {
    dialect: 'bedrock',
    name: "Nova's temperature above 1",
    lines: [
      j({
        recordId: 'R1',
        modelInput: {
          messages: [{ role: 'user', content: [{ text: 'hi' }] }],
          inferenceConfig: { temperature: 2 },
        },
      }),
    ],
    code: 'decimal_above_max_value',
    message:
      /^Malformed input request: #\/inferenceConfig\/temperature: 2 is not less or equal to 1/,
  },
  {
    dialect: 'bedrock',
    name: 'a messages + max_tokens body without anthropic_version is not taken for Claude',
    lines: [j({ recordId: 'R1', modelInput: { messages: user('Hi'), max_tokens: 512 } })],
    code: 'body_not_checked',
    severity: 'info',
    message: /^batchlint cannot tell which model family this modelInput is for/,
  },
  {
    dialect: 'gemini',
    name: 'the request written without its request wrapper',
    lines: [
      j({ key: 'k1', contents: [{ parts: [{ text: 'Hello' }] }] }),
      j({ key: 'k2', contents: [{ parts: [{ text: 'Hello' }] }] }),
    ],
    code: 'missing_required_parameter',
    message: /^Missing required parameter: 'request'\./,
    line: 2,
  },
  {
    dialect: 'bedrock',
    name: 'no modelInput',
    lines: [j({ recordId: 'R1', input: {} })],
    code: 'missing_required_parameter',
    message: /required key \[modelInput\] not found/,
  },
  {
    dialect: 'bedrock',
    name: 'fewer than 100 records',
    lines: [claudeOnBedrock({})],
    code: 'too_few_requests',
    severity: 'info', // a default quota that can be raised
    message: /^1 record: Amazon Bedrock batch inference runs a job of at least 100 records/,
  },
  {
    dialect: 'anthropic',
    name: 'stream: true in a Message Batch',
    lines: [anthropic({ stream: true })],
    code: 'streaming_unsupported',
    severity: 'warning',
    message:
      /^batchlint: 'stream' is true, but Anthropic Message Batches results are fetched when the batch ends/,
  },
  {
    dialect: 'anthropic',
    name: 'tool_choice names a tool the request does not declare',
    lines: [
      anthropic({
        tools: [{ name: 'get_weather', input_schema: { type: 'object' } }],
        tool_choice: { type: 'tool', name: 'get_time' },
      }),
    ],
    code: 'invalid_value',
    message:
      "batchlint: tool_choice.name 'get_time' names no tool of this request: tools declares 'get_weather'.",
  },
  {
    dialect: 'anthropic',
    name: "a tool in OpenAI's shape: Anthropic's errors, then why",
    lines: [
      anthropic({
        tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      }),
    ],
    code: 'invalid_value',
    severity: 'info',
    message: /^batchlint: tools\[0\] is written in OpenAI's shape/,
  },
  {
    dialect: 'anthropic',
    name: "an OpenAI model kept by a hand-made or converted request: Anthropic runs Claude's",
    lines: [anthropic({ model: 'gpt-4o' })],
    code: 'model_not_on_endpoint',
    severity: 'warning',
    message:
      "batchlint: 'gpt-4o' is an OpenAI model; Anthropic's Message Batches run Claude models (claude-…): name one.",
  },
  {
    dialect: 'anthropic',
    name: 'a model of white space only names no model',
    lines: [anthropic({ model: '   ' })],
    code: 'blank_model',
    message:
      "batchlint: 'model' is only whitespace, which names no model. Anthropic's Message Batches need one: name a Claude model (claude-…).",
  },
  {
    dialect: 'anthropic',
    name: 'a model name that tells nothing: a note, since a proxy may map it',
    lines: [anthropic({ model: 'my-proxy-model' })],
    code: 'model_not_on_endpoint',
    severity: 'info',
    message:
      "batchlint: 'my-proxy-model' is not a Claude model name; Anthropic's Message Batches run Claude models (claude-…): name one.",
  },
  {
    dialect: 'bedrock',
    name: "Claude's tool_choice names an undeclared tool",
    lines: [claudeOnBedrock({ tool_choice: { type: 'tool', name: 'lookup' } })],
    code: 'invalid_value',
    message:
      "batchlint: tool_choice.name 'lookup' names no tool of this request: tools declares none.",
  },
  {
    dialect: 'gemini',
    name: 'inline data that is not base64',
    lines: [
      gemini({
        contents: [
          {
            role: 'user',
            parts: [{ inlineData: { mimeType: 'image/png', data: 'not base64!!' } }],
          },
        ],
      }),
    ],
    code: 'invalid_value',
    message:
      'Invalid value at \'contents[0].parts[0].inlineData.data\' (TYPE_BYTES), Base64 decoding failed for "not base64!!"',
  },
  {
    dialect: 'vertex',
    name: 'inline_data (snake_case) that is not base64',
    lines: [
      vertex({
        contents: [
          { role: 'user', parts: [{ inline_data: { mime_type: 'image/png', data: 'a' } }] },
        ],
      }),
    ],
    code: 'invalid_value',
    message: /^Invalid value at 'contents\[0\]\.parts\[0\]\.inline_data\.data' \(TYPE_BYTES\)/,
  },
  // OpenAI's server rules in other providers' files: a note naming the provider, not OpenAI's error.
  {
    dialect: 'together',
    name: 'stream: true is a note naming Together, not OpenAI\'s "Chat Completions: Streaming…"',
    lines: [bare({ model: 'deepseek-ai/DeepSeek-V3', stream: true })],
    code: 'streaming_unsupported',
    severity: 'info',
    message:
      "batchlint: 'stream' is true, but a batch's results are written to its output file: Together AI documents no streaming in batch jobs (OpenAI's Batch API refuses it).",
  },
  {
    dialect: 'openai-compatible',
    name: 'stream: true is a note naming the server',
    lines: [compatible({ stream: true })],
    code: 'streaming_unsupported',
    severity: 'info',
    message:
      /^batchlint: 'stream' is true, .*: OpenAI-compatible server \(vLLM, SGLang, Groq\) documents no streaming/,
  },
  {
    dialect: 'mistral',
    name: 'tool_choice without tools: OpenAI refuses it, Mistral does not say (a note)',
    lines: [bare({ model: 'mistral-small-latest', tool_choice: 'auto' })],
    code: 'invalid_value',
    severity: 'info',
    message:
      "batchlint: 'tool_choice' is set without 'tools'. OpenAI refuses it; Mistral AI does not document whether it does.",
  },
  {
    dialect: 'fireworks',
    name: 'parallel_tool_calls without tools is a note',
    lines: [
      bare({
        model: 'accounts/fireworks/models/llama-v3p1-8b-instruct',
        parallel_tool_calls: true,
      }),
    ],
    code: 'invalid_value',
    severity: 'info',
    message:
      /^batchlint: 'parallel_tool_calls' is set without 'tools'\. .*Fireworks AI does not document/,
  },
  {
    dialect: 'vertex',
    name: 'a BOM: Vertex documents nothing about it (Azure is not named)',
    lines: [`\uFEFF${vertex({})}`],
    code: 'utf8_bom',
    severity: 'warning',
    message:
      'The file starts with a UTF-8 byte order mark. Vertex AI batch prediction (Gemini) does not document how it treats one, and it is not part of JSON. Save the file as UTF-8 without a BOM.',
  },
  {
    dialect: 'azure',
    name: 'a BOM: Azure rejects such files, in its row of the dialect table',
    lines: [`\uFEFF${azure({})}`],
    code: 'utf8_bom',
    severity: 'warning',
    message:
      'The file starts with a UTF-8 byte order mark. Azure OpenAI rejects such files (with a misleading error about the model deployment name). Save the file as UTF-8 without a BOM.',
  },
];

for (const row of rows) {
  test(`${row.dialect} mistake: ${row.name}`, () => {
    const text = row.lines.join('\n');
    const { problems, summary } = checkText(text, row.chosen ? { dialect: row.dialect } : {});
    assert.equal(summary.dialect, row.dialect, 'read in the dialect of the row');
    const line = (row.line ?? 1) - 1;
    const found = problems.filter((p) => p.code === row.code && p.line === line);
    const said = (p: { message: string }): boolean =>
      typeof row.message === 'string' ? p.message === row.message : row.message.test(p.message);
    assert.ok(
      found.some(said),
      `expected ${row.code} on line ${line + 1}: ${row.message}\ngot: ${JSON.stringify(
        problems.map((p) => [p.line + 1, p.code, p.message]),
        null,
        1,
      )}`,
    );
    for (const p of found.filter(said)) assert.equal(p.severity, row.severity ?? 'error');
  });
}

test('each dialect has at least five typical mistakes', () => {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.dialect, (counts.get(row.dialect) ?? 0) + 1);
  // OpenAI's own mistakes have their suites; its rows here are the ones detection decides.
  counts.delete('openai');
  for (const [dialect, n] of counts) assert.ok(n >= 5, `${dialect}: ${n}`);
  assert.equal(counts.size, 9);
});

// The provider refuses every key its request does not define, known elsewhere or not: the same
// words for each, so the same severity.
for (const [dialect, line] of [
  ['anthropic', anthropic({ foo: 1, web_search_options: {}, seed: 1, n: 1, store: true })],
  ['gemini', gemini({ foo: 1, web_search_options: {}, seed: 1, n: 1, store: true })],
] as const) {
  test(`${dialect}: unknown keys of the request are errors, whatever their name`, () => {
    const { problems } = checkText(line);
    assert.deepEqual(
      problems.filter((p) => p.code === 'unknown_parameter').map((p) => [p.param, p.severity]),
      ['foo', 'web_search_options', 'seed', 'n', 'store'].map((key) => [key, 'error']),
    );
  });
}
