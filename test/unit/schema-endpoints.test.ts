// The envelope and the smaller endpoints (embeddings, completions, moderations, images, videos).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoint, Finding } from '../../server/src/core/types';
import { validateBody, validateEnvelope } from '../../server/src/core/schema';

interface Row {
  name: string;
  endpoint: Endpoint;
  body: Record<string, unknown>;
  expect: Partial<Finding>;
}

const EMB: Endpoint = '/v1/embeddings';
const rows: Row[] = [
  {
    name: 'embeddings: input missing',
    endpoint: EMB,
    body: { model: 'text-embedding-3-small' },
    expect: { code: 'missing_required_parameter', message: "Missing required parameter: 'input'." },
  },
  {
    name: 'embeddings: empty string',
    endpoint: EMB,
    body: { model: 'e', input: '' },
    expect: {
      code: 'empty_string',
      message:
        "Invalid 'input': empty string. Expected a string with minimum length 1, but got an empty string instead.",
    },
  },
  {
    name: 'embeddings: empty array',
    endpoint: EMB,
    body: { model: 'e', input: [] },
    expect: { code: 'empty_array', param: 'input' },
  },
  {
    name: 'embeddings: more than 2048 inputs',
    endpoint: EMB,
    body: { model: 'e', input: Array.from({ length: 2049 }, () => 'x') },
    expect: {
      code: 'array_above_max_length',
      message:
        "Invalid 'input': array too long. Expected an array with maximum length 2048, but got an array with length 2049 instead.",
    },
  },
  {
    name: 'embeddings: dimensions zero',
    endpoint: EMB,
    body: { model: 'e', input: 'x', dimensions: 0 },
    expect: { code: 'integer_below_min_value', param: 'dimensions' },
  },
  {
    name: 'embeddings: encoding_format outside the enum (two values: no comma)',
    endpoint: EMB,
    body: { model: 'e', input: 'x', encoding_format: 'int8' },
    expect: { message: "Invalid value: 'int8'. Supported values are: 'float' and 'base64'." },
  },
  {
    name: 'embeddings: an object as input',
    endpoint: EMB,
    body: { model: 'e', input: { text: 'x' } },
    expect: { code: 'invalid_type', param: 'input' },
  },
  {
    name: 'completions: prompt missing',
    endpoint: '/v1/completions',
    body: { model: 'gpt-3.5-turbo-instruct' },
    expect: {
      message: "Missing required parameter: 'prompt'.",
      path: ['body'],
      anchor: 'parent-key',
    },
  },
  {
    name: 'completions: logprobs above 5',
    endpoint: '/v1/completions',
    body: { model: 'm', prompt: 'x', logprobs: 6 },
    expect: {
      message:
        "Invalid 'logprobs': integer above maximum value. Expected a value <= 5, but got 6 instead.",
    },
  },
  {
    name: 'completions: chat messages sent to completions',
    endpoint: '/v1/completions',
    body: { model: 'm', prompt: 'x', messages: [] },
    expect: {
      message: "Unknown parameter: 'messages'.",
      fix: { id: 'remove-key', path: ['body', 'messages'] },
    },
  },
  {
    name: 'moderations: input missing',
    endpoint: '/v1/moderations',
    body: { model: 'omni-moderation-latest' },
    expect: { message: "Missing required parameter: 'input'." },
  },
  {
    name: 'moderations: unknown part type (two values)',
    endpoint: '/v1/moderations',
    body: { input: [{ type: 'input_image', image_url: 'u' }] },
    expect: {
      message: "Invalid value: 'input_image'. Supported values are: 'text' and 'image_url'.",
      param: 'input[0].type',
    },
  },
  {
    name: 'moderations: image_url as a string',
    endpoint: '/v1/moderations',
    body: { input: [{ type: 'image_url', image_url: 'https://example.com/a.png' }] },
    expect: {
      message:
        "Invalid type for 'input[0].image_url': expected an object, but got a string instead.",
    },
  },
  {
    name: 'images/generations: prompt missing',
    endpoint: '/v1/images/generations',
    body: { model: 'gpt-image-1', size: '1024x1024' },
    expect: {
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'prompt'.",
    },
  },
  {
    name: 'images/generations: n above 10',
    endpoint: '/v1/images/generations',
    body: { prompt: 'x', n: 11 },
    expect: {
      code: 'integer_above_max_value',
      message:
        "Invalid 'n': integer above maximum value. Expected a value <= 10, but got 11 instead.",
    },
  },
  {
    name: 'images/generations: unknown quality',
    endpoint: '/v1/images/generations',
    body: { prompt: 'x', quality: 'ultra' },
    expect: {
      code: 'invalid_value',
      param: 'quality',
      message:
        "Invalid value: 'ultra'. Supported values are: 'standard', 'hd', 'low', 'medium', 'high', and 'auto'.",
    },
  },
  {
    name: 'images/edits: the multipart field name',
    endpoint: '/v1/images/edits',
    body: { prompt: 'x', images: [{ file_id: 'f' }], image: 'a.png' },
    expect: {
      code: 'unknown_parameter',
      message: "Unknown parameter: 'image'. Did you mean 'images'?",
    },
  },
  {
    name: 'images/edits: images missing',
    endpoint: '/v1/images/edits',
    body: { prompt: 'x' },
    expect: {
      code: 'missing_required_parameter',
      message: "Missing required parameter: 'images'.",
    },
  },
  {
    name: 'images/edits: more than 16 images',
    endpoint: '/v1/images/edits',
    body: { prompt: 'x', images: Array.from({ length: 17 }, () => ({ file_id: 'f' })) },
    expect: { code: 'array_above_max_length', param: 'images' },
  },
  {
    name: 'videos: seconds as a number',
    endpoint: '/v1/videos',
    body: { prompt: 'x', seconds: 8 },
    expect: {
      code: 'invalid_type',
      message: "Invalid type for 'seconds': expected a string, but got an integer instead.",
    },
  },
  {
    name: 'videos: unsupported size',
    endpoint: '/v1/videos',
    body: { prompt: 'x', size: '1920x1080' },
    expect: { code: 'invalid_value', param: 'size' },
  },
];

for (const row of rows) {
  test(row.name, () => {
    const findings = validateBody(row.endpoint, row.body);
    assert.equal(findings.length, 1, JSON.stringify(findings, null, 1));
    const [found] = findings;
    const picked = Object.fromEntries(
      Object.keys(row.expect).map((k) => [k, found[k as keyof Finding]]),
    );
    assert.deepEqual(picked, row.expect);
  });
}

test('image and video bodies: a valid body has no findings', () => {
  const valid: [Endpoint, Record<string, unknown>][] = [
    ['/v1/images/generations', { model: 'gpt-image-1', prompt: 'A red fox', size: '1024x1024' }],
    [
      '/v1/images/edits',
      { model: 'gpt-image-1', prompt: 'Add a hat', images: [{ file_id: 'file-abc' }] },
    ],
    ['/v1/videos', { model: 'sora-2', prompt: 'Waves at dusk', seconds: '8', size: '1280x720' }],
  ];
  for (const [endpoint, body] of valid) assert.deepEqual(validateBody(endpoint, body), []);
});

test('a body that is not an object is left to the envelope', () => {
  assert.deepEqual(validateBody('/v1/chat/completions', 'text'), []);
});

test('envelope: a valid line, with an extra top-level key, has no findings', () => {
  const line = { custom_id: 'a', method: 'POST', url: '/v1/responses', body: {}, extra: 1 };
  assert.deepEqual(validateEnvelope(line), []);
});

test('envelope: every missing key is reported on the line', () => {
  const findings = validateEnvelope({});
  assert.deepEqual(
    findings.map((f) => [f.message, f.param, f.anchor, f.path]),
    ['custom_id', 'method', 'url', 'body'].map((k) => [
      `Missing required parameter: '${k}'.`,
      k,
      'parent-key',
      [],
    ]),
  );
});

test('envelope: wrong types and method', () => {
  const findings = validateEnvelope({
    custom_id: 7,
    method: 'GET',
    url: '/v1/responses',
    body: 'x',
  });
  assert.deepEqual(
    findings.map((f) => [f.code, f.message]),
    [
      [
        'invalid_type',
        "Invalid type for 'custom_id': expected a string, but got an integer instead.",
      ],
      ['invalid_value', "Invalid value: 'GET'. Supported values are: 'POST'."],
      ['invalid_type', "Invalid type for 'body': expected an object, but got a string instead."],
    ],
  );
});

test('envelope: a line that is not an object', () => {
  const [found] = validateEnvelope([1, 2]);
  assert.equal(found.code, 'invalid_type');
  assert.equal(
    found.message,
    'Invalid type for the request: expected an object, but got an array instead.',
  );
  assert.deepEqual(found.path, []);
});

test('a missing model is refused by the batch validator, in its words, before anything else', () => {
  const cases: [Endpoint, Record<string, unknown>][] = [
    ['/v1/chat/completions', { messages: [{ role: 'user', content: 1 }] }],
    ['/v1/responses', { input: 'Hi', temperature: 9 }],
    ['/v1/embeddings', { input: [] }],
    ['/v1/completions', { prompt: 'x', n: 'two' }],
  ];
  for (const [endpoint, body] of cases) {
    const findings = validateBody(endpoint, body);
    assert.ok(findings.length >= 2, `${endpoint}: ${JSON.stringify(findings)}`);
    assert.deepEqual(
      { code: findings[0]!.code, message: findings[0]!.message, param: findings[0]!.param },
      { code: 'invalid_request', message: 'Model parameter is required.', param: 'model' },
      endpoint,
    );
    assert.ok(findings.slice(1).every((f) => f.code !== 'invalid_request'));
  }
  // Chat without model or messages: both validator findings, model first.
  assert.deepEqual(
    validateBody('/v1/chat/completions', {}).map((f) => f.message),
    ['Model parameter is required.', 'Messages parameter is required.'],
  );
});
