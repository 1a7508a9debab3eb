// Table-driven checks of single lines: syntax with exact positions, the envelope, images,
// placeholders, JSON mode, streaming, tool choice and reasoning models. Each row lists every
// problem its line gets: a problem the row does not expect fails it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLine } from '../../server/src/core/line-check';
import type { LineProblem } from '../../server/src/core/line-check';
import type { DialectId, ProblemCode } from '../../server/src/core';
import { defaultContext } from '../../server/src/core/models/context';
import { chat, chatImage, chatUser, line, responses, PNG_1PX, JPEG_HEAD } from './builders';

interface Expected {
  code: ProblemCode;
  message: string | RegExp;
  /** Default: error. */
  severity?: 'error' | 'warning' | 'info';
  /** The exact text the problem underlines. */
  span?: string;
}

interface Row extends Expected {
  name: string;
  text: string;
  /** The file's dialect, when the line alone would be read in another one. */
  dialect?: DialectId;
  /** The line's other problems, when it has more than one. */
  also?: Expected[];
}

const EXPECTED_DATA_URL =
  "Expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got";
const IMAGE_PARAM = "Invalid 'messages[0].content[1].image_url.url'.";

/** A valid request, for rows about what is written around one. */
const EMBEDDING =
  '{"custom_id": "a", "method": "POST", "url": "/v1/embeddings", "body": {"model": "text-embedding-3-small", "input": "x"}}';
const ARRAY_WORDS =
  'the brackets or commas of a JSON array around the request, where JSONL has one request per line with nothing around it';

const rows: Row[] = [
  {
    name: 'truncated line',
    text: '{"custom_id": "a", "method": "PO',
    code: 'invalid_json_line',
    message: 'This line is not parseable as valid JSON. Unterminated string at column 30.',
    span: '"PO',
  },
  {
    name: 'missing comma',
    text: '{"custom_id": "a" "method": "POST"}',
    code: 'invalid_json_line',
    message: "This line is not parseable as valid JSON. Expected ',' between values at column 19.",
    span: '"method"',
  },
  {
    name: 'two requests on one line',
    text: '{"a":1}{"b":2}',
    code: 'invalid_json_line',
    message:
      /Expected the end of the line after the request \(one request per line\) at column 8\.$/,
    span: '{',
  },
  {
    name: 'a JSON array of requests, pretty-printed: its opening line',
    text: '[',
    code: 'invalid_json_line',
    message:
      "This line is not parseable as valid JSON. Expected ']' to close the array at column 2. This line opens a JSON array: a batch file is JSONL, one request object per line, with no [ ] around the requests and no commas between them.",
  },
  {
    name: 'a JSON array of requests, pretty-printed: its closing line',
    text: ']',
    code: 'invalid_json_line',
    message:
      'This line is not parseable as valid JSON. Expected a value at column 1. This line closes a JSON array: a batch file is JSONL, one request object per line, with no [ ] around the requests and no commas between them.',
  },
  {
    name: 'a JSON array of requests, one per line: its first line',
    text: `[${EMBEDDING},`,
    code: 'invalid_json_line',
    message: `This line is not parseable as valid JSON. It uses ${ARRAY_WORDS}.`,
    span: '[',
  },
  {
    name: 'a JSON array of requests, one per line: a middle line',
    text: `${EMBEDDING} ,`,
    code: 'invalid_json_line',
    message: `This line is not parseable as valid JSON. It uses ${ARRAY_WORDS}.`,
    span: ' ,',
  },
  {
    name: 'a JSON array of requests, one per line: its last line, what its request holds too',
    text: `${EMBEDDING.replace('"input": "x"', '"input": "x", "dimensions": 0')}]`,
    code: 'invalid_json_line',
    message: `This line is not parseable as valid JSON. It uses ${ARRAY_WORDS}.`,
    span: ']',
    also: [{ code: 'integer_below_min_value', message: /^Invalid 'dimensions'/, span: '0' }],
  },
  {
    name: 'a message on a line of its own with a comma after it: a piece of a request, not one',
    text: '{"role": "user", "content": "Hi"},',
    code: 'invalid_json_line',
    message:
      'This line is not parseable as valid JSON. Expected the end of the line after the request (one request per line) at column 34.',
    span: ',',
  },
  {
    name: 'a JSON array of requests on one line, what each request holds too',
    text: `[${EMBEDDING}, ${EMBEDDING.replace('"custom_id": "a"', '"custom_id": ""')}]`,
    code: 'invalid_type',
    message: `Each line must be one request object, but this line is an array. It holds 2 requests: a batch file is JSONL, one request object per line, with no [ ] around the requests and no commas between them.`,
    also: [{ code: 'empty_string', message: /^Invalid 'custom_id': empty string\./, span: '""' }],
  },
  {
    name: 'a JSON array of requests on one line, two of them with one custom_id',
    text: `[${EMBEDDING}, ${EMBEDDING}]`,
    code: 'invalid_type',
    message:
      /^Each line must be one request object, but this line is an array\. It holds 2 requests/,
    also: [
      {
        code: 'duplicate_custom_id',
        message:
          "Duplicate custom_id 'a': request 1 of this array already uses it. Every custom_id must be unique within the batch, or results cannot be matched to requests.",
        span: '"a"',
      },
    ],
  },
  {
    name: 'a messages list on a line: an array, but of no requests',
    text: '[{"role": "user", "content": "Hi"}]',
    code: 'invalid_type',
    message: 'Each line must be one request object, but this line is an array.',
  },
  {
    name: 'placeholder outside a string',
    text: '{"custom_id": "a", "body": {"messages": [...]}}',
    code: 'invalid_json_line',
    message:
      "This line is not parseable as valid JSON. Found '...' outside a string: a placeholder must be replaced by real JSON.",
  },
  {
    name: 'typographic quotes',
    // A whole request, so the repaired line has nothing else to show (see content-behind-syntax).
    text: '{“custom_id”: “a”, "method": "POST", "url": "/v1/embeddings", "body": {"model": "text-embedding-3-small", "input": "x"}}',
    code: 'invalid_json_line',
    message:
      'This line is not parseable as valid JSON. It uses typographic quotes (“ ” or ‘ ’) where JSON needs straight double quotes (").',
    span: '“custom_id”',
  },
  {
    name: 'trailing comma',
    text: '{"custom_id": "a", "method": "POST", "url": "/v1/embeddings", "body": {"model": "m", "input": "x"},}',
    code: 'invalid_json_line',
    message:
      'This line is not parseable as valid JSON. It uses a trailing comma before a closing bracket.',
    span: ',',
  },
  {
    name: 'not an object',
    text: '[1, 2]',
    code: 'invalid_type',
    message: 'Each line must be one request object, but this line is an array.',
  },
  {
    name: 'missing custom_id',
    text: '{"method":"POST","url":"/v1/embeddings","body":{"model":"m","input":"x"}}',
    code: 'missing_required_parameter',
    message: "Missing required parameter: 'custom_id'.",
    span: '{',
  },
  {
    name: 'custom_id not a string',
    text: line('/v1/embeddings', { model: 'm', input: 'x' }).replace('"req-1"', '7'),
    code: 'invalid_type',
    message: "Invalid type for 'custom_id': expected a string, but got an integer instead.",
    span: '7',
  },
  {
    name: 'empty custom_id',
    text: line('/v1/embeddings', { model: 'm', input: 'x' }, {}, ''),
    code: 'empty_string',
    message: /^Invalid 'custom_id': empty string\./,
    span: '""',
  },
  {
    name: 'long custom_id is a portability hint',
    text: line('/v1/embeddings', { model: 'm', input: 'x' }, {}, 'x'.repeat(65)),
    code: 'custom_id_length',
    message: /OpenAI documents no limit/,
    severity: 'info',
  },
  {
    name: 'method not POST',
    text: chatUser('hi').replace('"POST"', '"GET"'),
    code: 'invalid_value',
    message: "Invalid value: 'GET'. Supported values are: 'POST'.",
    span: '"GET"',
  },
  {
    name: 'unknown url',
    text: line('/v1/unknown', {}),
    code: 'invalid_value',
    message:
      /^Invalid value: '\/v1\/unknown'\. Supported values are: '\/v1\/responses', '\/v1\/chat\/completions', .*, and '\/v1\/videos'\.$/,
  },
  {
    // Alone, such a line is read as Azure OpenAI's (whose urls have no /v1); in an OpenAI file
    // it is a mistake.
    name: 'url without /v1, in an OpenAI file',
    dialect: 'openai',
    text: line('/embeddings', { model: 'm', input: 'x' }),
    code: 'invalid_value',
    message: /Did you mean '\/v1\/embeddings'\?$/,
  },
  {
    name: 'body not an object',
    text: line('/v1/embeddings', 'text'),
    code: 'invalid_type',
    message: "Invalid type for 'body': expected an object, but got a string instead.",
  },
  {
    name: 'unknown envelope key',
    text: line('/v1/embeddings', { model: 'm', input: 'x' }, { meta: 1 }),
    code: 'unknown_parameter',
    message: /^Unknown parameter: 'meta'\./,
    severity: 'warning',
    span: '"meta"',
  },
  {
    name: 'images body checked',
    text: line('/v1/images/generations', { model: 'gpt-image-1' }),
    code: 'missing_required_parameter',
    message: "Missing required parameter: 'prompt'.",
  },
  {
    name: 'stream true',
    text: chat({ messages: [{ role: 'user', content: 'hi' }], stream: true }),
    code: 'streaming_unsupported',
    message: 'Chat Completions: Streaming is not supported in the Batch API.',
    span: 'true',
  },
  {
    name: 'data URL with a non-image type',
    text: chatImage(`data:text/plain;base64,${PNG_1PX}`),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} unsupported MIME type 'text/plain'.`,
  },
  {
    name: 'data URL without ;base64',
    text: chatImage(`data:image/png,${PNG_1PX}`),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} a value without the ';base64' separator.`,
  },
  {
    name: 'data URL with empty bytes',
    text: chatImage('data:image/png;base64,'),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} empty base64-encoded bytes.`,
  },
  {
    name: 'data URL with bad base64',
    text: chatImage('data:image/png;base64,iVBOR$$w0K'),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} an invalid base64-encoded value.`,
  },
  {
    name: 'data URL in base64url (- and _)',
    text: chatImage(`data:image/png;base64,${PNG_1PX.slice(0, 10)}-${PNG_1PX.slice(11)}`),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} an invalid base64-encoded value.`,
  },
  {
    name: 'data URL with a space inside',
    text: chatImage(`data:image/png;base64,${PNG_1PX.slice(0, 10)} ${PNG_1PX.slice(10)}`),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} an invalid base64-encoded value.`,
  },
  {
    name: 'data URL with padding in the middle',
    text: chatImage(`data:image/png;base64,${PNG_1PX.slice(0, 8)}==${PNG_1PX.slice(10)}`),
    code: 'invalid_value',
    message: `${IMAGE_PARAM} ${EXPECTED_DATA_URL} an invalid base64-encoded value.`,
  },
  {
    name: 'data URL whose bytes are not an image',
    text: chatImage(
      `data:image/png;base64,${Buffer.from('hello world, not a png').toString('base64')}`,
    ),
    code: 'invalid_image_format',
    message:
      /^You uploaded an unsupported image\. Please make sure your image is below 20 MB in size and is of one the following formats: \['png', 'jpeg', 'gif', 'webp'\]\./,
  },
  {
    name: 'data URL type differs from the bytes',
    text: chatImage(`data:image/png;base64,${JPEG_HEAD}`),
    code: 'image_type_mismatch',
    message:
      "The data URL says 'image/png' but its bytes are JPEG. Declare the type the bytes have.",
  },
  {
    name: 'placeholder image',
    text: chatImage('data:image/png;base64,...'),
    code: 'placeholder_value',
    message: /holds a placeholder/,
  },
  {
    name: 'placeholder image in angle brackets',
    text: chatImage('<base64>'),
    code: 'placeholder_value',
    message: /holds a placeholder/,
  },
  {
    name: 'image that is a file path',
    text: chatImage('./cat.png'),
    code: 'invalid_value',
    message: /Expected an http\(s\) URL or a base64-encoded data URL/,
  },
  {
    name: 'placeholder text',
    text: chatUser('…'),
    code: 'placeholder_value',
    message:
      "'messages[0].content' is '…', which looks like a placeholder rather than real content.",
    severity: 'warning',
  },
  {
    name: 'json_object without the word json (chat)',
    text: chat({
      messages: [{ role: 'user', content: 'List three colours.' }],
      response_format: { type: 'json_object' },
    }),
    code: 'json_word_missing',
    message:
      "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
  },
  {
    name: 'json_object: instructions do not count (responses)',
    text: responses({
      instructions: 'Reply in JSON.',
      input: 'List three colours.',
      text: { format: { type: 'json_object' } },
    }),
    code: 'json_word_missing',
    message:
      "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'. The instructions do not count.",
  },
  {
    name: 'tool_choice names an undeclared function',
    text: chat({
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'function', function: { name: 'a', parameters: { type: 'object' } } }],
      tool_choice: { type: 'function', function: { name: 'b' } },
    }),
    code: 'invalid_value',
    message:
      "Invalid value for 'tool_choice': no function named 'b' was specified in the 'tools' parameter.",
    span: '"b"',
  },
  {
    name: 'max_tokens on a reasoning model',
    text: chat({ model: 'o3-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 10 }),
    code: 'unsupported_parameter',
    message:
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
    // One problem per cause: the model's refusal, not also the deprecation note on the same key.
    span: '"max_tokens"',
  },
  {
    name: 'penalty on a reasoning model (chat)',
    text: chat({
      model: 'o4-mini',
      messages: [{ role: 'user', content: 'hi' }],
      presence_penalty: 0.5,
    }),
    code: 'unsupported_parameter',
    message: "Unsupported parameter: 'presence_penalty' is not supported with this model.",
    span: '"presence_penalty"',
  },
  {
    name: 'temperature on a reasoning model (responses)',
    text: responses({ model: 'o3', input: 'hi', temperature: 0.2 }),
    code: 'unsupported_parameter',
    message: "Unsupported parameter: 'temperature' is not supported with this model.",
    span: '"temperature"',
  },
  {
    name: 'top_p on a reasoning model (responses)',
    text: responses({ model: 'o1', input: 'hi', top_p: 0.5 }),
    code: 'unsupported_parameter',
    message: "Unsupported parameter: 'top_p' is not supported with this model.",
    span: '"top_p"',
  },
  {
    name: 'assistant turn with neither content nor a tool call',
    text: chat({
      messages: [
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: null },
      ],
    }),
    code: 'invalid_value',
    message: "Invalid value for 'content': expected a string, got null.",
    span: 'null',
  },
  {
    name: "image detail 'original' is a warning",
    text: chat({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'https://x.test/a.png', detail: 'original' } },
          ],
        },
      ],
    }),
    code: 'unsupported_value',
    message: /'original' is documented for recent models only/,
    severity: 'warning',
    span: '"original"',
  },
  {
    name: 'responses request with nothing to respond to',
    text: responses({ input: [] }),
    code: 'missing_required_parameter',
    message: `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`,
    span: '[]',
  },
  {
    name: 'temperature on a reasoning model',
    text: chat({ model: 'o1', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2 }),
    code: 'unsupported_value',
    message:
      "Unsupported value: 'temperature' does not support 0.2 with this model. Only the default (1) value is supported.",
    span: '0.2',
  },
];

const matches = (p: LineProblem, e: Expected): boolean =>
  p.code === e.code &&
  (typeof e.message === 'string' ? p.message === e.message : e.message.test(p.message));

for (const row of rows) {
  test(`line: ${row.name}`, () => {
    const context = row.dialect ? { ...defaultContext(), dialect: row.dialect } : undefined;
    const { problems } = checkLine(row.text, context);
    const expected = [row, ...(row.also ?? [])];
    const got = JSON.stringify(problems.map((p) => [p.code, p.message]));
    assert.equal(problems.length, expected.length, `expected ${expected.length}, got ${got}`);
    const unmatched = [...problems];
    for (const e of expected) {
      const at = unmatched.findIndex((p) => matches(p, e));
      assert.ok(at >= 0, `expected ${e.code} "${String(e.message)}", got ${got}`);
      const [match] = unmatched.splice(at, 1) as [LineProblem];
      assert.equal(match.severity, e.severity ?? 'error', `severity of ${e.code}`);
      assert.ok(
        match.column >= 0 && match.endColumn > match.column && match.endColumn <= row.text.length,
      );
      if (e.span !== undefined) assert.equal(row.text.slice(match.column, match.endColumn), e.span);
    }
  });
}

/** Lines close to a rule's trigger that must stay clean (no false alarms). */
const clean: { name: string; text: string }[] = [
  {
    name: 'reasoning model at the default temperature (responses)',
    text: responses({ model: 'o3', input: 'hi', temperature: 1 }),
  },
  {
    name: 'sampling parameters on a model that is not a reasoning model (responses)',
    text: responses({ model: 'gpt-4.1', input: 'hi', temperature: 0.2, top_p: 0.5 }),
  },
  {
    name: 'assistant turn carried by a tool call',
    text: chat({
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c', content: 'ok' },
      ],
    }),
  },
  {
    name: 'responses request that continues a previous response',
    text: responses({ previous_response_id: 'resp_1' }),
  },
];

for (const row of clean) {
  test(`line is clean: ${row.name}`, () => {
    assert.deepEqual(checkLine(row.text).problems, []);
  });
}

test('http(s) image URLs and valid data URLs of every type are accepted', () => {
  for (const url of [
    'https://example.com/a.png',
    `data:image/png;base64,${PNG_1PX}`,
    `data:image/jpeg;base64,${JPEG_HEAD}`,
  ]) {
    assert.deepEqual(checkLine(chatImage(url)).problems, [], url);
  }
});

test('the word json anywhere in the conversation satisfies JSON mode', () => {
  const text = chat({
    messages: [
      { role: 'system', content: 'Answer as JSON.' },
      { role: 'user', content: 'Colours?' },
    ],
    response_format: { type: 'json_object' },
  });
  assert.deepEqual(checkLine(text).problems, []);
});
