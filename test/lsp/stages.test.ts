// Each problem says which stage of the API refuses it: the batch validator (the whole batch
// fails before anything runs) or the endpoint (this request fails when it runs). The stage is in
// the diagnostic's data, and a validation problem says so beside the message.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspHarness, fileUri } from './harness';

const line = (id: string, body: unknown): string =>
  JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body });

describe('stages in diagnostics', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it("a missing model is the batch validator's, in its words; a bad part is the endpoint's", async () => {
    const text = [
      line('a', { messages: [{ role: 'user', content: 'Hi' }] }),
      line('b', {
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: [{ type: 'input_text', text: 'x' }] }],
      }),
    ].join('\n');
    const { diagnostics } = await h.openAndDiagnose(fileUri('stages.jsonl'), text);
    const model = diagnostics.find((d) => d.code === 'invalid_request');
    assert.ok(model, JSON.stringify(diagnostics));
    assert.equal(model.message, 'Model parameter is required.');
    assert.equal((model.data as { stage?: string }).stage, 'validation');
    assert.match(model.relatedInformation?.[0]?.message ?? '', /whole batch fails/);
    const part = diagnostics.find((d) => d.range.start.line === 1);
    assert.ok(part, JSON.stringify(diagnostics));
    assert.equal((part.data as { stage?: string }).stage, 'execution');
    assert.equal(part.relatedInformation, undefined);
  });
});
