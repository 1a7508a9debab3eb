// model-endpoint: a known model on an endpoint its table entry does not list, one table per
// endpoint. Each row is a line and the exact problems it draws (code, severity, message, the text
// under the span): an error where the table's endpoints are settled, info where the entry marks
// them uncertain, nothing for a model the endpoint serves or one the table does not know.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoint, Severity } from '../../server/src/core';
import { checkLine } from '../../server/src/core/line-check';
import { defaultContext } from '../../server/src/core/models/context';
import type { RuleContext } from '../../server/src/core/models/context';
import { catalogueWith } from '../../server/src/core/models/load';
import { BODY_WITHOUT_MODEL, line } from './builders';

type Expected = [severity: Severity, message: string, span: string];

const CONTEXT = defaultContext('2026-11-30');
const PAGE = 'https://platform.openai.com/docs/models/';
const CHAT_AND_RESPONSES = '/v1/chat/completions and /v1/responses';

/** The error for `name` on `url`, the table listing `listed` for it, from its model page `page`. */
const refused = (name: string, url: Endpoint, listed: string, page: string): Expected => [
  'error',
  `batchlint: '${name}' is not served on ${url}: batchlint's model table lists it on ${listed} only. Source: ${PAGE}${page}`,
  JSON.stringify(name),
];

const O3_DOUBT =
  "LiteLLM's map (tokencost e7f7c19) also lists /v1/completions; OpenAI's model page, as scraped by gpt-tokenizer 4.0.0, lists Chat Completions and Responses only";
const IMAGE_DOUBT =
  "OpenAI's model page, as scraped by gpt-tokenizer 4.0.0, also lists Responses (where the image_generation tool runs it) and LiteLLM's map (tokencost e7f7c19) lists image generations only; whether a Responses request may name it as its model is not recorded";

/** Per endpoint: model → the problems its line draws. */
const tables: Record<Endpoint, [model: string, expect: Expected[]][]> = {
  '/v1/embeddings': [
    ['gpt-4o', [refused('gpt-4o', '/v1/embeddings', CHAT_AND_RESPONSES, 'gpt-4o')]],
    [
      'gpt-4o-2024-08-06',
      [refused('gpt-4o-2024-08-06', '/v1/embeddings', CHAT_AND_RESPONSES, 'gpt-4o')],
    ],
    [
      'ft:gpt-4o-mini-2024-07-18:acme::abc123',
      [
        refused(
          'ft:gpt-4o-mini-2024-07-18:acme::abc123',
          '/v1/embeddings',
          CHAT_AND_RESPONSES,
          'gpt-4o-mini',
        ),
      ],
    ],
    ['text-embedding-3-small', []],
    ['text-embedding-ada-002', []],
    ['my-local-model', []],
  ],
  '/v1/chat/completions': [
    [
      'text-embedding-3-small',
      [
        refused(
          'text-embedding-3-small',
          '/v1/chat/completions',
          '/v1/embeddings',
          'text-embedding-3-small',
        ),
      ],
    ],
    [
      'gpt-5.1-codex',
      [refused('gpt-5.1-codex', '/v1/chat/completions', '/v1/responses', 'gpt-5.1-codex')],
    ],
    [
      'davinci-002',
      [refused('davinci-002', '/v1/chat/completions', '/v1/completions', 'davinci-002')],
    ],
    ['gpt-4o', []],
    ['o1-mini', []],
  ],
  '/v1/completions': [
    ['gpt-4o', [refused('gpt-4o', '/v1/completions', CHAT_AND_RESPONSES, 'gpt-4o')]],
    [
      'o3',
      [
        [
          'info',
          `batchlint: 'o3' is not served on /v1/completions: batchlint's model table lists it on ${CHAT_AND_RESPONSES} only (uncertain: ${O3_DOUBT}). Source: ${PAGE}o3`,
          '"o3"',
        ],
      ],
    ],
    ['davinci-002', []],
    ['babbage-002', []],
  ],
  '/v1/responses': [
    ['davinci-002', [refused('davinci-002', '/v1/responses', '/v1/completions', 'davinci-002')]],
    ['o1-mini', [refused('o1-mini', '/v1/responses', '/v1/chat/completions', 'o1-mini')]],
    [
      'gpt-image-1',
      [
        [
          'info',
          `batchlint: 'gpt-image-1' is not served on /v1/responses: batchlint's model table lists it on /v1/images/generations and /v1/images/edits only (uncertain: ${IMAGE_DOUBT}). Source: ${PAGE}gpt-image-1`,
          '"gpt-image-1"',
        ],
      ],
    ],
    ['gpt-5.1-codex', []],
    ['o3-pro', []],
  ],
  '/v1/moderations': [
    ['gpt-4o-mini', [refused('gpt-4o-mini', '/v1/moderations', CHAT_AND_RESPONSES, 'gpt-4o-mini')]],
    ['omni-moderation-latest', []],
    ['text-moderation-stable', []],
  ],
  '/v1/images/generations': [
    ['gpt-4o', [refused('gpt-4o', '/v1/images/generations', CHAT_AND_RESPONSES, 'gpt-4o')]],
    ['gpt-image-1', []],
  ],
  '/v1/images/edits': [
    [
      'text-embedding-3-large',
      [
        refused(
          'text-embedding-3-large',
          '/v1/images/edits',
          '/v1/embeddings',
          'text-embedding-3-large',
        ),
      ],
    ],
    ['gpt-image-1', []],
  ],
  '/v1/videos': [['gpt-5', [refused('gpt-5', '/v1/videos', CHAT_AND_RESPONSES, 'gpt-5')]]],
};

function problemsOf(url: Endpoint, model: string, context: RuleContext = CONTEXT) {
  const text = line(url, { model, ...BODY_WITHOUT_MODEL[url] });
  return checkLine(text, context).problems.map((p) => [
    p.code,
    p.severity,
    p.message,
    text.slice(p.column, p.endColumn),
  ]);
}

for (const [url, rows] of Object.entries(tables) as [Endpoint, [string, Expected[]][]][]) {
  for (const [model, expect] of rows) {
    test(`model-endpoint (${url}): ${model}${expect.length === 0 ? ' (clean)' : ''}`, () => {
      assert.deepEqual(
        problemsOf(url, model),
        expect.map((e) => ['model_not_on_endpoint', ...e]),
      );
    });
  }
}

test("model-endpoint: a user's entry inherits its base's endpoints, and settles them by giving its own", () => {
  const models = catalogueWith({
    models: {
      'my-deploy': { base: 'gpt-4o' },
      'my-embedder': { base: 'gpt-4o', endpoints: ['/v1/embeddings'] },
      o3: { endpoints: ['/v1/chat/completions', '/v1/responses'] },
    },
  });
  const context = { models, today: '2026-11-30' };
  assert.deepEqual(problemsOf('/v1/embeddings', 'my-deploy', context), [
    [
      'model_not_on_endpoint',
      ...refused('my-deploy', '/v1/embeddings', CHAT_AND_RESPONSES, 'gpt-4o'),
    ],
  ]);
  assert.deepEqual(problemsOf('/v1/chat/completions', 'my-deploy', context), []);
  assert.deepEqual(problemsOf('/v1/embeddings', 'my-embedder', context), []);
  assert.deepEqual(
    problemsOf('/v1/chat/completions', 'my-embedder', context).map((p) => p.slice(0, 2)),
    [['model_not_on_endpoint', 'error']],
  );
  // The user's own o3 entry states its endpoints: no longer uncertain, so an error.
  assert.deepEqual(problemsOf('/v1/completions', 'o3', context), [
    ['model_not_on_endpoint', ...refused('o3', '/v1/completions', CHAT_AND_RESPONSES, 'o3')],
  ]);
});

test('model-endpoint: an entry without endpoints, or without a source, says what it knows', () => {
  const models = catalogueWith({
    models: {
      'no-endpoints': { contextWindow: 8000 },
      'no-source': { endpoints: ['/v1/embeddings'] },
    },
  });
  const context = { models, today: '2026-11-30' };
  assert.deepEqual(problemsOf('/v1/embeddings', 'no-endpoints', context), []);
  assert.deepEqual(problemsOf('/v1/chat/completions', 'no-source', context), [
    [
      'model_not_on_endpoint',
      'error',
      "batchlint: 'no-source' is not served on /v1/chat/completions: batchlint's model table lists it on /v1/embeddings only.",
      '"no-source"',
    ],
  ]);
});
