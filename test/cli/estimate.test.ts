// batchlint estimate as a process: its counts agree within 2% with gpt-tokenizer's encode run
// directly on the requests' texts plus the documented framing and the guide's image figures; its
// JSON has the documented shape; costs are the tokens at the table's batch prices.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encode as o200k } from 'gpt-tokenizer/encoding/o200k_base';
import { encode as cl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { batchlint, repo, tempDir } from './run';
import { pngDataUrl } from '../unit/png';

const AS_TEXT = { disallowedSpecial: new Set<string>() };
const table = JSON.parse(readFileSync(path.join(repo, 'data/models.json'), 'utf8')) as {
  models: Record<string, { prices?: { batch?: { input: number; output: number } } }>;
};

/** Deterministic varied text: words, numbers, punctuation, non-Latin script, a special token. */
function text(seed: number, words: number): string {
  const vocabulary = [
    'the',
    'batch',
    'request',
    'überprüfen',
    '東京',
    'naïve',
    'JSON',
    '42',
    'co-operate',
    'λόγος',
    '<|endoftext|>',
    "don't",
    '😀',
    'x'.repeat(40),
    'résumé,',
    'end.\n',
  ];
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(vocabulary[x % vocabulary.length]!);
  }
  return out.join(' ');
}

interface Json {
  files: {
    path: string;
    requests: number;
    models: {
      model: string;
      requests: number;
      input_tokens: number;
      max_output_tokens: number;
      batch_price_per_1m: { input: number; output: number } | null;
      estimated_cost_usd: { input: number; output_max: number } | null;
    }[];
  }[];
}

test('estimate agrees within 2% with an independent count (chat, responses, images, embeddings)', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const lines: string[] = [];
  let chatTexts = '';
  let chatFraming = 0;
  let chatImages = 0;
  let chatCap = 0;
  let responsesTexts = '';
  let responsesFraming = 0;
  let embeddingTexts = '';
  for (let i = 0; i < 120; i++) {
    const system = text(i, 20);
    const user = text(i + 1000, 150);
    const body: Record<string, unknown> = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: [{ type: 'text', text: user }] },
      ],
      max_tokens: 100 + i,
    };
    chatTexts += `system${system}user${user}`;
    chatFraming += 2 * 3 + 3;
    chatCap += 100 + i;
    if (i % 10 === 0) {
      // The guide's worked example: 1024×1024 at high detail on gpt-4o is 765 tokens.
      (body.messages as { content: unknown[] }[])[1]!.content.push({
        type: 'image_url',
        image_url: { url: pngDataUrl(1024, 1024), detail: 'high' },
      });
      chatImages += 765;
    }
    lines.push(
      JSON.stringify({ custom_id: `c${i}`, method: 'POST', url: '/v1/chat/completions', body }),
    );
  }
  for (let i = 0; i < 60; i++) {
    const input = text(i + 5000, 120);
    lines.push(
      JSON.stringify({
        custom_id: `r${i}`,
        method: 'POST',
        url: '/v1/responses',
        body: { model: 'gpt-4.1-mini', input, max_output_tokens: 500 },
      }),
    );
    responsesTexts += input;
    responsesFraming += 3 + 3;
  }
  for (let i = 0; i < 40; i++) {
    const input = text(i + 9000, 80);
    lines.push(
      JSON.stringify({
        custom_id: `e${i}`,
        method: 'POST',
        url: '/v1/embeddings',
        body: { model: 'text-embedding-ada-002', input },
      }),
    );
    embeddingTexts += input;
  }
  writeFileSync(file, `${lines.join('\n')}\n`);

  const run = batchlint(['estimate', '--format', 'json', file]);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as Json;
  assert.equal(report.files.length, 1);
  assert.equal(report.files[0]!.path, file);
  assert.equal(report.files[0]!.requests, 220);
  const byModel = new Map(report.files[0]!.models.map((m) => [m.model, m]));
  assert.deepEqual([...byModel.keys()], ['gpt-4o', 'gpt-4.1-mini', 'text-embedding-ada-002']);

  const expected = {
    'gpt-4o': o200k(chatTexts, AS_TEXT).length + chatFraming + chatImages,
    'gpt-4.1-mini': o200k(responsesTexts, AS_TEXT).length + responsesFraming,
    // ada-002 counts in cl100k_base: the wrong encoding would miss by far more than 2%.
    'text-embedding-ada-002': cl100k(embeddingTexts, AS_TEXT).length,
  };
  for (const [model, tokens] of Object.entries(expected)) {
    const got = byModel.get(model)!;
    const off = Math.abs(got.input_tokens - tokens) / tokens;
    assert.ok(
      off <= 0.02,
      `${model}: estimate ${got.input_tokens}, independent ${tokens} (${(off * 100).toFixed(2)}% off)`,
    );
  }
  assert.ok(chatImages > 0 && expected['gpt-4o'] > 20_000);

  // Output caps add up exactly; embeddings have no output.
  assert.equal(byModel.get('gpt-4o')!.max_output_tokens, chatCap);
  assert.equal(byModel.get('gpt-4.1-mini')!.max_output_tokens, 60 * 500);
  assert.equal(byModel.get('text-embedding-ada-002')!.max_output_tokens, 0);

  // Costs are the reported tokens at the table's batch prices, per 1M tokens.
  for (const m of byModel.values()) {
    const price = table.models[m.model]!.prices!.batch!;
    assert.deepEqual(m.batch_price_per_1m, { input: price.input, output: price.output });
    assert.ok(Math.abs(m.estimated_cost_usd!.input - (m.input_tokens * price.input) / 1e6) < 1e-6);
    assert.ok(
      Math.abs(m.estimated_cost_usd!.output_max - (m.max_output_tokens * price.output) / 1e6) <
        1e-6,
    );
  }
});

test('estimate JSON has exactly the documented keys; unknown models are counted but not priced', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'b.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({
        custom_id: 'a',
        method: 'POST',
        url: '/v1/chat/completions',
        body: {
          model: 'my-local-model',
          messages: [{ role: 'user', content: 'hello there' }],
          max_tokens: 7,
        },
      }),
      'not json',
      '',
    ].join('\n'),
  );
  const run = batchlint(['estimate', '--format', 'json', file]);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as Json;
  assert.deepEqual(Object.keys(report), ['files']);
  assert.deepEqual(Object.keys(report.files[0]!), [
    'path',
    'requests',
    'repaired_requests',
    'joined_requests',
    'models',
  ]);
  const model = report.files[0]!.models[0]!;
  assert.deepEqual(Object.keys(model), [
    'model',
    'requests',
    'input_tokens',
    'max_output_tokens',
    'capped_requests',
    'uncounted_requests',
    'batch_price_per_1m',
    'estimated_cost_usd',
  ]);
  assert.equal(report.files[0]!.requests, 1);
  assert.equal(model.max_output_tokens, 7);
  assert.ok(model.input_tokens > 0);
  assert.equal(model.batch_price_per_1m, null);
  assert.equal(model.estimated_cost_usd, null);
});

test('estimate text: says what it could not count (web image URLs, unknown models) and the tier fit', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'b.jsonl');
  const image = { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } };
  writeFileSync(
    file,
    `${JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'what is this?' }, image] }] } })}\n`,
  );
  const run = batchlint(['estimate', file]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /1 image\(s\) not counted: only data URLs can be measured/);
  assert.match(run.stdout, /enqueued-token limit: fits tier1/);
  assert.match(run.stdout, /as of \d{4}-\d{2}-\d{2}/);
  // No cap set: the model's own maximum output (16,384 for gpt-4o) is the bound.
  assert.match(run.stdout, /at most 16,384 output tokens/);
});

test('estimate: usage errors and unreadable files exit 2 with one line', (t) => {
  const dir = tempDir(t);
  assert.equal(batchlint(['estimate']).status, 2);
  const bad = batchlint(['estimate', '--format', 'sarif', 'x.jsonl']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--format takes text or json/);
  const missing = batchlint(['estimate', path.join(dir, 'missing.jsonl')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
  assert.doesNotMatch(missing.stderr, /at .*\.js:\d+/);
});

/** A chat request line of gpt-4o with `max_tokens`. */
const chatLine = (id: string, maxTokens = 10): string =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], max_tokens: maxTokens },
  });

for (const [name, text, joined, repaired] of [
  [
    'one request pretty-printed over 15 lines and one on its own line',
    `${JSON.stringify(JSON.parse(chatLine('p1')), null, 2)}\n${chatLine('p2')}\n`,
    1,
    0,
  ],
  [
    'lines written with typographic quotes',
    `${chatLine('q1').replace(/"/g, '\u201C')}\n${chatLine('q2').replace(/"/g, '\u201D')}\n`,
    0,
    2,
  ],
  [
    'a trailing comma, single quotes and a line that is no request',
    `${chatLine('t1').replace(/}}$/, ',}}')}\n${chatLine('t2').replace('"Hi"', "'Hi'")}\nnot json\n`,
    0,
    2,
  ],
] as const) {
  test(`estimate counts the requests check counts: ${name}`, (t) => {
    const file = path.join(tempDir(t), 'b.jsonl');
    writeFileSync(file, text);
    const check = batchlint(['check', '--format', 'json', file]);
    const checked = (JSON.parse(check.stdout) as Json).files[0]!.requests;
    const run = batchlint(['estimate', '--format', 'json', file]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      files: { requests: number; repaired_requests: number; joined_requests: number }[];
    };
    assert.deepEqual(report.files[0], {
      ...report.files[0],
      requests: checked,
      joined_requests: joined,
      repaired_requests: repaired,
    });
    assert.equal(checked, 2);
    const words = batchlint(['estimate', file]).stdout;
    if (joined > 0)
      assert.match(
        words,
        /\n {2}1 request\(s\) spread over several lines, counted joined: the Batch API refuses them until they are on one line each \(batchlint fix joins them\)\n/,
      );
    if (repaired > 0)
      assert.match(
        words,
        /\n {2}2 request\(s\) not valid JSON as written, counted repaired: the Batch API refuses them until they are repaired \(batchlint fix repairs them\)\n/,
      );
  });
}

test("estimate: a cap above the model's maximum output counts the maximum, and says so", (t) => {
  const file = path.join(tempDir(t), 'b.jsonl');
  writeFileSync(file, `${chatLine('a', 32000)}\n${chatLine('b', 100)}\n`);
  const run = batchlint(['estimate', file]);
  assert.equal(run.status, 0, run.stderr);
  // gpt-4o writes at most 16,384 tokens (data/models.json): 16,384 + 100.
  assert.match(run.stdout, /gpt-4o: 2 requests, ≈\d+ input tokens, at most 16,484 output tokens\n/);
  assert.match(
    run.stdout,
    /\n {4}1 request\(s\) ask for more than the model's 16,384 output tokens: counted at that maximum\n/,
  );
  const json = JSON.parse(batchlint(['estimate', '--format', 'json', file]).stdout) as {
    files: { models: { max_output_tokens: number; capped_requests: number }[] }[];
  };
  assert.equal(json.files[0]!.models[0]!.max_output_tokens, 16_484);
  assert.equal(json.files[0]!.models[0]!.capped_requests, 1);
});
