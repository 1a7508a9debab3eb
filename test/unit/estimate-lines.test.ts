// The estimate reads a file's lines as check does: a request pretty-printed over several lines is
// one request, joined; a line check repairs (quotes, Python literals, trailing commas) is one
// request, repaired; and each request's output is counted at most at its model's maximum.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BatchEstimator, checkText, ModelCatalogue } from '../../server/src/core';

const request = (id: string, body: Record<string, unknown> = {}): Record<string, unknown> => ({
  custom_id: id,
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 10, ...body },
});
const one = (id: string, body?: Record<string, unknown>): string =>
  JSON.stringify(request(id, body));

function estimate(text: string) {
  const estimator = new BatchEstimator(ModelCatalogue.builtIn());
  for (const line of text.split('\n')) estimator.line(line);
  return estimator.result();
}

const rows: {
  name: string;
  text: string;
  requests: number;
  joined: number;
  repaired: number;
  skipped: number;
}[] = [
  {
    name: 'plain lines',
    text: `${one('a')}\n${one('b')}`,
    requests: 2,
    joined: 0,
    repaired: 0,
    skipped: 0,
  },
  {
    name: 'a pretty-printed request between two lines',
    text: `${one('a')}\n${JSON.stringify(request('b'), null, 2)}\n${one('c')}`,
    requests: 3,
    joined: 1,
    repaired: 0,
    skipped: 0,
  },
  {
    name: 'a pretty-printed request with a trailing comma',
    text: JSON.stringify(request('a'), null, 2).replace('"max_tokens": 10', '"max_tokens": 10,'),
    requests: 1,
    joined: 1,
    repaired: 0,
    skipped: 0,
  },
  {
    name: 'typographic quotes, Python literals, a trailing comma',
    text: [
      one('a').replace(/"/g, '\u201C'),
      one('b', { logprobs: false }).replace('false', 'False'),
      one('c').replace(/}}$/, ',}}'),
    ].join('\n'),
    requests: 3,
    joined: 0,
    repaired: 3,
    skipped: 0,
  },
  {
    name: 'an object left open, a line that is not JSON, a JSON line that is no object',
    text: `{"custom_id": "a",\nnot json\n[1]\n${one('b')}`,
    requests: 1,
    joined: 0,
    repaired: 0,
    skipped: 3,
  },
];

for (const row of rows) {
  test(`estimate counts what check counts: ${row.name}`, () => {
    const result = estimate(row.text);
    assert.deepEqual(
      [result.requests, result.joinedRequests, result.repairedRequests, result.skippedLines],
      [row.requests, row.joined, row.repaired, row.skipped],
    );
    assert.equal(result.requests, checkText(row.text).summary.requests);
  });
}

test("each request's output is counted at most at the model's maximum, and capped ones are counted", () => {
  const result = estimate(
    [
      one('a', { max_tokens: 32000 }),
      one('b', { max_tokens: 100 }),
      one('c', { max_tokens: 20000, n: 2 }),
    ].join('\n'),
  );
  const [model] = result.models;
  // gpt-4o: at most 16,384 output tokens per generation (data/models.json).
  assert.equal(model!.outputMaximum, 16_384);
  assert.equal(model!.max_output_tokens, 16_384 + 100 + 2 * 16_384);
  assert.equal(model!.cappedRequests, 2);
});
