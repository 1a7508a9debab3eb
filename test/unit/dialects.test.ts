// Dialects: every line of each dialect's valid corpus (test/fixtures/dialects/<dialect>.jsonl,
// our own lines) checks clean as a file, and the file is detected as that dialect; files that mix
// dialects are detected by their majority and the other lines flagged; a dialect chosen by the
// caller wins over the lines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  applyEdits,
  catalogueFromText,
  checkText,
  DIALECT_IDS,
  fixesFor,
  fixLine,
  looksLikeBatch,
} from '../../server/src/core';
import type { DialectId } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.join(ROOT, 'test', 'fixtures', 'dialects');
const { asOf } = JSON.parse(readFileSync(path.join(ROOT, 'data', 'models.json'), 'utf8')) as {
  asOf: string;
};
/**
 * Notes a valid line may draw: what the model table knows of its model, a parameter OpenAI does
 * not have (a server's or provider's own, such as vLLM's top_k), and that a body whose model
 * family or endpoint its keys do not tell (Bedrock's gpt-oss, Mistral's OCR) is not checked.
 */
const ALLOWED_NOTES = new Set([
  'unknown_model',
  'deprecated_parameter',
  'unknown_parameter',
  'body_not_checked',
]);

const files = readdirSync(CORPUS).filter((f) => f.endsWith('.jsonl'));

test('there is a corpus for every dialect but OpenAI (whose corpus is test/fixtures/valid)', () => {
  assert.deepEqual(
    files.map((f) => f.replace(/\.jsonl$/, '')).sort(),
    DIALECT_IDS.filter((d) => d !== 'openai').sort(),
  );
});

/**
 * A corpus file as a batch: Bedrock runs jobs of at least 100 records, so its lines are
 * repeated under new record ids up to that.
 */
function batchOf(dialect: string, lines: string[]): string {
  if (dialect !== 'bedrock') return lines.join('\n') + '\n';
  const out: string[] = [];
  for (let i = 0; out.length < 100; i++) {
    const record = JSON.parse(lines[i % lines.length]!) as Record<string, unknown>;
    out.push(JSON.stringify({ ...record, recordId: `REC${String(i).padStart(8, '0')}` }));
  }
  return out.join('\n') + '\n';
}

for (const file of files) {
  const dialect = file.replace(/\.jsonl$/, '') as DialectId;
  const lines = readFileSync(path.join(CORPUS, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

  test(`dialect corpus: ${file} checks clean and is detected as ${dialect}`, () => {
    assert.ok(lines.length >= 10, 'at least 10 lines');
    const { problems, summary } = checkText(batchOf(dialect, lines), { today: asOf });
    const unexpected = problems.filter((p) => p.severity !== 'info' || !ALLOWED_NOTES.has(p.code));
    assert.deepEqual(unexpected, []);
    assert.equal(summary.dialect, dialect);
    assert.match(summary.dialectEvidence ?? '', /^detected from \d+ of \d+ request lines? \(/);
  });

  test(`dialect corpus: every line of ${file} alone is of the ${dialect} family`, () => {
    for (const line of lines) {
      const { problems, summary } = checkText(line, { today: asOf, dialect });
      assert.deepEqual(
        problems.filter((p) => p.severity !== 'info' && p.code !== 'too_few_requests'),
        [],
        line.slice(0, 100),
      );
      assert.equal(summary.dialect, dialect);
    }
  });
}

const chatLine = (id: string, url = '/v1/chat/completions'): string =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url,
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
  });
const anthropicLine = (id: string): string =>
  JSON.stringify({
    custom_id: id,
    params: {
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'hi' }],
    },
  });
const geminiLine = (key: string): string =>
  JSON.stringify({ key, request: { contents: [{ parts: [{ text: 'hi' }] }] } });

interface Mixed {
  name: string;
  lines: string[];
  dialect: DialectId;
  /** 1-based lines flagged dialect_mismatch. */
  flagged: number[];
  chosen?: DialectId;
  /** A line of the file's own family read in its dialect: the problem that says what is wrong. */
  instead?: { line: number; code: string; message: RegExp };
}

const mixed: Mixed[] = [
  {
    name: 'an OpenAI line in an Anthropic file',
    lines: [anthropicLine('a'), chatLine('b'), anthropicLine('c')],
    dialect: 'anthropic',
    flagged: [2],
  },
  {
    name: 'an Anthropic line in an OpenAI file',
    lines: [chatLine('a'), chatLine('b'), anthropicLine('c')],
    dialect: 'openai',
    flagged: [3],
  },
  {
    name: 'an Azure url in an OpenAI file',
    lines: [chatLine('a'), chatLine('b', '/chat/completions'), chatLine('c')],
    dialect: 'openai',
    flagged: [],
    instead: {
      line: 2,
      code: 'invalid_value',
      message: /Did you mean '\/v1\/chat\/completions'\?$/,
    },
  },
  {
    name: 'a /v1 url in an Azure file (its v1 API): same dialect, only the url differs',
    lines: [chatLine('a', '/chat/completions'), chatLine('b', '/chat/completions'), chatLine('c')],
    dialect: 'azure',
    flagged: [],
  },
  {
    name: 'Gemini, Anthropic and OpenAI lines: the majority wins',
    lines: [geminiLine('a'), geminiLine('b'), anthropicLine('c'), chatLine('d')],
    dialect: 'gemini',
    flagged: [3, 4],
  },
  {
    name: 'Gemini and Vertex lines are one family: no mismatch',
    lines: [
      geminiLine('a'),
      geminiLine('b'),
      JSON.stringify({ request: { contents: [{ parts: [{ text: 'x' }] }] } }),
    ],
    dialect: 'gemini',
    flagged: [],
  },
  {
    name: 'a chosen dialect wins over the majority',
    lines: [chatLine('a'), chatLine('b'), anthropicLine('c')],
    chosen: 'anthropic',
    dialect: 'anthropic',
    flagged: [1, 2],
  },
  {
    name: 'a body without method and url in an OpenAI file',
    lines: [
      chatLine('a'),
      chatLine('b'),
      JSON.stringify({ custom_id: 'c', body: { model: 'gpt-4o-mini', messages: [] } }),
    ],
    dialect: 'openai',
    flagged: [],
    instead: { line: 3, code: 'missing_required_parameter', message: /'method'/ },
  },
  {
    name: 'OpenAI lines in a Together file: method and url are not Together’s',
    lines: [
      JSON.stringify({ custom_id: 'a', body: { model: 'm', messages: [] } }),
      JSON.stringify({ custom_id: 'b', body: { model: 'm', messages: [] } }),
      chatLine('c'),
    ],
    dialect: 'together',
    flagged: [3],
  },
];

for (const m of mixed) {
  test(`mixed dialects: ${m.name}`, () => {
    const { problems, summary } = checkText(
      m.lines.join('\n'),
      m.chosen ? { dialect: m.chosen } : {},
    );
    assert.equal(summary.dialect, m.dialect);
    const flagged = problems.filter((p) => p.code === 'dialect_mismatch');
    assert.deepEqual(
      flagged.map((p) => p.line + 1),
      m.flagged,
    );
    for (const p of flagged) assert.equal(p.severity, 'error');
    if (m.chosen) assert.equal(summary.dialectEvidence, 'chosen by the dialect setting.');
    if (m.instead) {
      const { line, code, message } = m.instead;
      assert.ok(
        problems.some((p) => p.line === line - 1 && p.code === code && message.test(p.message)),
        JSON.stringify(problems),
      );
    }
  });
}

test('the Azure line from the issue checks clean, detected as azure', () => {
  const line =
    '{"custom_id":"task-0","method":"POST","url":"/chat/completions","body":{"model":"my-gpt4o-deployment","messages":[{"role":"user","content":"Hello"}]}}';
  const { problems, summary } = checkText(line);
  assert.equal(summary.dialect, 'azure');
  assert.deepEqual(
    problems.map((p) => [p.code, p.severity]),
    [['unknown_model', 'info']],
  );
  assert.match(problems[0]!.message, /deployment name/);
  // Read as OpenAI's, the same line is wrong: its url has no /v1.
  const asOpenAI = checkText(line, { dialect: 'openai' }).problems;
  assert.ok(asOpenAI.some((p) => p.code === 'invalid_value' && p.param === 'url'));
});

test('Azure: a deployment name mapped in a models file gets its model rules', () => {
  const models = catalogueFromText('{"models":{"my-o3":{"base":"o3"}}}');
  const line = JSON.stringify({
    custom_id: 'a',
    method: 'POST',
    url: '/chat/completions',
    body: { model: 'my-o3', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2 },
  });
  const codes = checkText(line, { models, today: asOf }).problems.map((p) => p.code);
  assert.ok(codes.includes('unsupported_value'), codes.join());
  assert.ok(!codes.includes('unknown_model'));
});

test('an Anthropic request under body is repaired by renaming body to params, not removed', () => {
  const line = JSON.stringify({
    custom_id: 'r1',
    body: {
      model: 'claude-sonnet-4-5',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'hi' }],
    },
  });
  const fixed = fixLine(line, { models: catalogueFromText('{"models":{}}'), today: asOf });
  assert.equal(fixed.text, line.replace('"body"', '"params"'));
  assert.deepEqual(checkText(fixed.text, { today: asOf }).problems, []);
});

test('a body naming a model of Together, Mistral or Fireworks is still read in their dialects', () => {
  const rows: [string, DialectId][] = [
    ['openai/gpt-oss-20b', 'together'],
    ['gpt-oss-120b', 'together'],
    ['mistral-large-latest', 'mistral'],
    ['accounts/fireworks/models/llama-v3p1-8b-instruct', 'fireworks'],
    ['gpt-4o-mini', 'openai'],
    ['ft:gpt-4o-mini-2024-07-18:acme::abc', 'openai'],
  ];
  for (const [model, dialect] of rows) {
    const line = JSON.stringify({
      custom_id: 'r1',
      body: { model, messages: [{ role: 'user', content: 'hi' }] },
    });
    assert.equal(checkText(line, { today: asOf }).summary.dialect, dialect, model);
  }
});

test('a line without a model tells Mistral from Fireworks only by a key of its own; else the other lines decide', () => {
  const line = (id: string, body: Record<string, unknown>): string =>
    JSON.stringify({
      custom_id: id,
      body: { messages: [{ role: 'user', content: 'hi' }], ...body },
    });
  const fireworksModel = { model: 'accounts/fireworks/models/llama-v3p1-8b-instruct' };
  const rows: [string, string[], DialectId, RegExp][] = [
    [
      'no model, nothing else: Mistral, saying the lines look alike',
      [line('a', {})],
      'mistral',
      /no model: Mistral AI and Fireworks AI lines look alike; --dialect chooses/,
    ],
    [
      "lines without a model in a file whose other lines name Fireworks' models",
      [line('a', {}), line('b', {}), line('c', fireworksModel)],
      'fireworks',
      /^detected from 1 of 3 request lines \(model 'accounts\/.*'\); other lines: 2 without a model\.$/,
    ],
    [
      "Fireworks' own sampling key",
      [line('a', { min_p: 0.1 })],
      'fireworks',
      /with min_p, no model/,
    ],
    [
      "Mistral's own key",
      [line('a', { safe_prompt: true })],
      'mistral',
      /with safe_prompt, no model/,
    ],
  ];
  for (const [name, lines, dialect, evidence] of rows) {
    const { summary, problems } = checkText(lines.join('\n'), { today: asOf });
    assert.equal(summary.dialect, dialect, name);
    assert.match(summary.dialectEvidence ?? '', evidence, name);
    assert.deepEqual(
      problems.filter((p) => p.severity !== 'info'),
      [],
      name,
    );
  }
});

test("every dialect's input is batch input to the editor; their result lines are not", () => {
  for (const file of files) {
    const first = readFileSync(path.join(CORPUS, file), 'utf8').split('\n')[0]!;
    assert.equal(looksLikeBatch(first), true, file);
  }
  const results = [
    '{"key":"request-1","response":{"candidates":[{"content":{"parts":[{"text":"hi"}]}}]}}',
    '{"request":{"contents":[{"parts":[{"text":"hi"}]}]},"response":{"candidates":[]},"status":""}',
    '{"recordId":"R1","modelInput":{"inputText":"hi"},"modelOutput":{"results":[]}}',
    '{"recordId":"R1","modelInput":{"inputText":"hi"},"error":{"errorCode":400,"errorMessage":"bad request"},"modelOutput":null}',
    '{"custom_id":"a","result":{"type":"errored","error":{"type":"invalid_request"}}}',
  ];
  for (const line of results) assert.equal(looksLikeBatch(line), false, line);
  // A dataset that merely has a "request" column is not batch input.
  assert.equal(looksLikeBatch('{"request":{"text":"a row"},"label":1}'), false);
});

interface Moved {
  name: string;
  lines: string[];
  /** 0-based line of the dialect_mismatch offered a fix. */
  line: number;
  /** A value the rewritten line must hold. */
  expect: RegExp;
  /** The codes of the errors and warnings left on the rewritten line (none when absent). */
  left?: string[];
}

const moved: Moved[] = [
  {
    name: 'an OpenAI chat line into an Anthropic file',
    lines: [anthropicLine('a'), anthropicLine('b'), chatLine('c')],
    line: 2,
    expect: /^\{"custom_id":"c","params":\{"model":"gpt-4o-mini","max_tokens":/,
    // The model stays OpenAI's: Anthropic runs Claude models, so one is still to be named.
    left: ['model_not_on_endpoint'],
  },
  {
    name: 'an OpenAI chat line into a Gemini file',
    lines: [geminiLine('a'), geminiLine('b'), chatLine('c')],
    line: 2,
    expect: /^\{"key":"c","request":\{"contents":\[\{"role":"user","parts":\[\{"text":"hi"\}\]\}\]/,
  },
  {
    name: 'an OpenAI line into a Together file (method and url go)',
    lines: [
      JSON.stringify({
        custom_id: 'a',
        body: { model: 'm', messages: [{ role: 'user', content: 'x' }] },
      }),
      JSON.stringify({
        custom_id: 'b',
        body: { model: 'm', messages: [{ role: 'user', content: 'y' }] },
      }),
      chatLine('c'),
    ],
    line: 2,
    expect: /^\{"custom_id":"c","body":\{"model":"gpt-4o-mini"/,
  },
];

for (const m of moved) {
  test(`dialect_mismatch fix: ${m.name}`, () => {
    // Anthropic needs max_tokens: the chat line gives one, so nothing is left to decide.
    const lines = m.lines.map((l, i) =>
      i === m.line ? l.replace('"messages"', '"max_tokens":50,"messages"') : l,
    );
    const problem = checkText(lines.join('\n')).problems.find(
      (p) => p.code === 'dialect_mismatch' && p.line === m.line,
    );
    assert.ok(problem?.fix, 'a fix is offered');
    const [fix] = fixesFor(problem, (n) => lines[n] ?? '');
    assert.ok(fix && !fix.safe, 'offered for review, never applied unasked');
    const fixed = applyEdits(lines, fix.edits);
    assert.match(fixed[m.line]!, m.expect);
    const after = checkText(fixed.join('\n')).problems.filter((p) => p.severity !== 'info');
    assert.deepEqual(
      after.map((p) => p.code),
      m.left ?? [],
      fixed[m.line],
    );
  });
}

/** Valid lines of providers' own parameters, values and urls: no error and no warning. */
const ownWays: [DialectId, Record<string, unknown>][] = [
  [
    'openai-compatible',
    {
      custom_id: 'request-1',
      method: 'POST',
      url: '/v1/score',
      body: { model: 'BAAI/bge-reranker-v2-m3', text_1: 'Capital of France?', text_2: ['a', 'b'] },
    },
  ],
  [
    'openai-compatible',
    {
      custom_id: 'request-2',
      method: 'POST',
      url: '/v1/rerank',
      body: { model: 'BAAI/bge-reranker-v2-m3', query: 'France', documents: ['Paris'] },
    },
  ],
  [
    'openai-compatible',
    {
      custom_id: '0',
      method: 'POST',
      url: '/v1/chat/completions',
      body: {
        model: 'qwen/qwen3-32b',
        messages: [{ role: 'user', content: 'hi' }],
        reasoning_format: 'hidden',
      },
    },
  ],
  [
    'mistral',
    {
      custom_id: '0',
      body: {
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: 'Weather?' }],
        tools: [
          {
            type: 'function',
            function: {
              name: 'w',
              description: 'd',
              parameters: { type: 'object', properties: {} },
            },
          },
        ],
        tool_choice: 'any',
      },
    },
  ],
  [
    'mistral',
    {
      custom_id: '1',
      body: {
        model: 'mistral-large-latest',
        messages: [{ role: 'user', content: 'Give me a cheese list' }],
        response_format: { type: 'json_object' },
      },
    },
  ],
  [
    'mistral',
    {
      custom_id: '0',
      body: {
        document: { type: 'document_url', document_url: 'https://arxiv.org/pdf/2201.04234' },
      },
    },
  ],
  [
    'together',
    {
      custom_id: 'request-1',
      body: {
        model: 'deepseek-ai/DeepSeek-V3',
        messages: [{ role: 'user', content: 'Three fruits' }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'f', schema: { type: 'object' } },
        },
      },
    },
  ],
  [
    'bedrock',
    { recordId: 'e1', modelInput: { inputText: 'Hello', dimensions: 512, normalize: true } },
  ],
  [
    'bedrock',
    {
      recordId: 'e2',
      modelInput: {
        inputText: 'A red bike',
        inputImage: 'iVBORw0KGgo=',
        embeddingConfig: { outputEmbeddingLength: 384 },
      },
    },
  ],
  [
    'bedrock',
    {
      recordId: 'c1',
      modelInput: {
        anthropic_version: 'bedrock-2023-05-31',
        anthropic_beta: ['computer-use-2024-10-22'],
        max_tokens: 100,
        messages: [{ role: 'user', content: 'hi' }],
      },
    },
  ],
  [
    'bedrock',
    {
      recordId: 'd1',
      modelInput: { messages: [{ role: 'user', content: 'Hi' }], max_tokens: 512 },
    },
  ],
  // Proto3 JSON takes numbers written as strings; base64 may be URL-safe and unpadded.
  [
    'gemini',
    {
      key: 'n1',
      request: {
        contents: [
          { parts: [{ text: 'Hi' }, { inlineData: { mimeType: 'image/png', data: 'iVBO-w_' } }] },
        ],
        generationConfig: { maxOutputTokens: '256', temperature: '0.5', topK: '40' },
      },
    },
  ],
];

for (const [dialect, line] of ownWays) {
  test(`${dialect}: ${JSON.stringify(line).slice(0, 90)} has no error and no warning`, () => {
    const { problems, summary } = checkText(JSON.stringify(line), { today: asOf });
    assert.equal(summary.dialect, dialect);
    assert.deepEqual(
      problems.filter((p) => p.severity !== 'info'),
      [],
    );
  });
}

test('a Gemini request written without its request wrapper is read as Gemini, and no fix removes it', () => {
  const line = JSON.stringify({ key: 'k1', contents: [{ parts: [{ text: 'Hello' }] }] });
  const { problems, summary } = checkText(line, { today: asOf });
  assert.equal(summary.dialect, 'gemini');
  assert.deepEqual(
    problems.map((p) => [p.code, p.severity, p.fix !== undefined]),
    [
      ['missing_required_parameter', 'error', false],
      ['unknown_parameter', 'warning', false],
    ],
  );
  assert.equal(
    fixLine(line, { models: catalogueFromText('{"models":{}}'), today: asOf }).text,
    line,
  );
});
