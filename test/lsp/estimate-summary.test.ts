// The status bar's estimate, through the real server: once the user pauses, the server sends
// what the document will cost (the same BatchEstimator as `batchlint estimate`), for the
// document version it describes, with the model table's date; and the summary keeps counting a
// line that is being typed, so the request count does not drop.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BatchEstimator, ModelCatalogue } from '../../server/src/core';
import { Methods } from '../../server/src/protocol';
import type { EstimateSummary } from '../../server/src/protocol';
import { Channel } from './channel';
import { LspHarness, fileUri } from './harness';

const line = (id: string, body: string): string =>
  `{"custom_id":"${id}","method":"POST","url":"/v1/chat/completions","body":${body}}`;

describe('the estimate for the status bar', () => {
  let h: LspHarness;
  const estimates = new Channel<EstimateSummary>();
  before(async () => {
    h = await LspHarness.start();
    h.connection.onNotification(Methods.estimate, (e: EstimateSummary) => estimates.push(e));
  });
  after(async () => h.shutdown());

  it("agrees with the command line's estimator, per model, at batch prices", async () => {
    const uri = fileUri('estimate-status.jsonl');
    const lines = [
      line(
        'a',
        '{"model":"gpt-4o-mini","max_tokens":100,"messages":[{"role":"user","content":"Say hello to the world."}]}',
      ),
      line(
        'b',
        '{"model":"gpt-4o-mini","max_tokens":50,"messages":[{"role":"user","content":"Count to ten."}]}',
      ),
    ];
    const next = estimates.next((e) => e.uri === uri, 'an estimate');
    await h.open(uri, `${lines.join('\n')}\n`);
    const estimate = await next;
    const reference = new BatchEstimator(ModelCatalogue.builtIn());
    for (const l of lines) reference.line(l);
    const [expected] = reference.result().models;
    assert.equal(estimate.version, 1);
    assert.equal(estimate.status, 'counted');
    assert.equal(estimate.asOf, ModelCatalogue.builtIn().asOf);
    assert.equal(estimate.requests, 2);
    assert.equal(estimate.models.length, 1);
    const [model] = estimate.models;
    assert.equal(model!.model, 'gpt-4o-mini');
    assert.equal(model!.inputTokens, expected!.input_tokens);
    assert.ok(model!.inputTokens! > 10);
    assert.equal(model!.maxOutputTokens, 150);
    assert.ok(model!.costUsd && model!.costUsd.outputMax > 0 && model!.costUsd.input! > 0);
  });

  it('a line being typed still counts among the lines that hold requests', async () => {
    const uri = fileUri('estimate-typing.jsonl');
    const first = line('a', '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}]}');
    const summary = await h.open(uri, `${first}\n${first.replace('"a"', '"b"')}\n`);
    assert.equal(summary.requests, 2);
    const half = '{"custom_id":"c","method":"PO';
    const version = await h.change(uri, [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: half },
    ]);
    const typed = await h.waitForSummary(uri, version);
    assert.equal(typed.requests + (typed.unreadable ?? 0), 3);
  });
});
