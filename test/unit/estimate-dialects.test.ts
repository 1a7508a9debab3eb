// estimate on other providers' batch lines: each dialect's request is read as the chat request it
// holds, so a conversation written in Anthropic's, Gemini's or Bedrock's shape counts the same
// tokens and the same output cap as the OpenAI chat line that says the same; a body shape
// batchlint does not read is counted as a request but said to be uncounted, never as 0 tokens.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BatchEstimator, ModelCatalogue } from '../../server/src/core';
import type { ModelEstimate } from '../../server/src/core';

function estimate(...lines: unknown[]): ModelEstimate[] {
  const estimator = new BatchEstimator(ModelCatalogue.builtIn());
  for (const line of lines) estimator.line(JSON.stringify(line));
  const result = estimator.result();
  assert.equal(result.skippedLines, 0);
  return result.models;
}

const SYSTEM = 'Answer in one sentence.';
const ASK = 'Why is the sky blue? Explain Rayleigh scattering.';
/** The OpenAI chat request the rows below restate, as `model` (the job's when the line has none). */
function chat(model: string | undefined, cap: number): ModelEstimate {
  const body = {
    ...(model !== undefined && { model }),
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: ASK },
    ],
    max_tokens: cap,
  };
  const [only] = estimate({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body });
  return only!;
}

const ROWS: { dialect: string; line: unknown; model?: string; cap: number }[] = [
  {
    dialect: 'anthropic',
    model: 'claude-sonnet-4-5',
    cap: 256,
    line: {
      custom_id: 'a',
      params: {
        model: 'claude-sonnet-4-5',
        max_tokens: 256,
        system: SYSTEM,
        messages: [{ role: 'user', content: [{ type: 'text', text: ASK }] }],
      },
    },
  },
  {
    dialect: 'gemini',
    cap: 128,
    line: {
      key: 'a',
      request: {
        systemInstruction: { parts: [{ text: SYSTEM }] },
        contents: [{ role: 'user', parts: [{ text: ASK }] }],
        generationConfig: { maxOutputTokens: 128 },
      },
    },
  },
  {
    dialect: 'vertex (snake_case, a number as a string)',
    cap: 64,
    line: {
      request: {
        system_instruction: { parts: [{ text: SYSTEM }] },
        contents: [{ role: 'user', parts: [{ text: ASK }] }],
        generation_config: { max_output_tokens: '64' },
      },
    },
  },
  {
    dialect: 'bedrock (Claude)',
    cap: 300,
    line: {
      recordId: 'r1',
      modelInput: {
        anthropic_version: 'bedrock-2023-05-31',
        max_tokens: 300,
        system: SYSTEM,
        messages: [{ role: 'user', content: ASK }],
      },
    },
  },
  {
    dialect: 'bedrock (Nova)',
    cap: 50,
    line: {
      recordId: 'r1',
      modelInput: {
        schemaVersion: 'messages-v1',
        system: [{ text: SYSTEM }],
        messages: [{ role: 'user', content: [{ text: ASK }] }],
        inferenceConfig: { maxTokens: 50 },
      },
    },
  },
  {
    dialect: 'together',
    model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
    cap: 40,
    line: {
      custom_id: 'a',
      body: {
        model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo',
        messages: [
          { role: 'system', content: SYSTEM },
          { role: 'user', content: ASK },
        ],
        max_tokens: 40,
      },
    },
  },
];

for (const row of ROWS) {
  test(`estimate: a ${row.dialect} line counts what the same OpenAI chat line counts`, () => {
    const [got] = estimate(row.line);
    const want = chat(row.model ?? "(the job's model)", row.cap);
    assert.equal(got!.model, row.model ?? "(the job's model)");
    assert.equal(got!.requests, 1);
    assert.ok(got!.input_tokens > 10, `${got!.input_tokens} tokens`);
    assert.equal(got!.input_tokens, want.input_tokens);
    assert.equal(got!.max_output_tokens, row.cap);
    assert.equal(got!.uncountedRequests, 0);
  });
}

test('estimate: an image in Anthropic or Gemini shape is said not counted (no published formula for them)', () => {
  const png =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const [claude] = estimate({
    custom_id: 'a',
    params: {
      model: 'claude-sonnet-4-5',
      max_tokens: 10,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
          ],
        },
      ],
    },
  });
  assert.equal(claude!.unknownImages, 1);
  const [gemini] = estimate({
    key: 'a',
    request: { contents: [{ parts: [{ inlineData: { mimeType: 'image/png', data: png } }] }] },
  });
  assert.equal(gemini!.unknownImages, 1);
});

test('estimate: a body shape batchlint does not read is a request not counted, with the reason', () => {
  const [ocr] = estimate({
    custom_id: 'a',
    body: { document: { type: 'document_url', document_url: 'https://example.com/a.pdf' } },
  });
  assert.equal(ocr!.requests, 1);
  assert.equal(ocr!.uncountedRequests, 1);
  assert.equal(ocr!.input_tokens, 0);
  assert.deepEqual(ocr!.uncountedWhy, ['a body with no messages, prompt or input']);
  const [unknown] = estimate({ recordId: 'r', modelInput: { texts: ['x'], input_type: 'search' } });
  assert.equal(unknown!.uncountedRequests, 1);
});
