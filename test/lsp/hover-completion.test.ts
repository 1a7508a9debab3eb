// Hover and completion from the schemas, through the real server.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemTag } from 'vscode-languageserver-protocol/node';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspHarness, example, fileUri } from './harness';

describe('hover and completion', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  async function hoverAt(uri: string, line: number, needle: string): Promise<Hover | null> {
    const character = h.doc(uri).getText().split('\n')[line]!.indexOf(needle) + 1;
    return h.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
  }

  it('explains a body key from the endpoint schema', async () => {
    const uri = fileUri('hover.jsonl');
    await h.openAndDiagnose(uri, example('clean-chat.jsonl'));
    const hover = await hoverAt(uri, 0, '"messages"');
    assert.ok(hover);
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /messages/);
    assert.match(text, /\/v1\/chat\/completions/);
    assert.match(text, /conversation/i);
  });

  it('says what the endpoint accepts for a key it does not know', async () => {
    const uri = fileUri('hover-unknown.jsonl');
    const line = example('clean-chat.jsonl').split('\n')[0]!.replace('"messages"', '"mesages"');
    await h.open(uri, `${line}\n`);
    const hover = await hoverAt(uri, 0, '"mesages"');
    assert.ok(hover);
    const text = (hover.contents as MarkupContent).value;
    assert.match(text, /does not accept `mesages`/);
    assert.match(text, /`messages`/);
  });

  it("shows the schema's note on a chat key used with /v1/responses", async () => {
    const uri = fileUri('hover-moved.jsonl');
    await h.openAndDiagnose(uri, example('responses-messages.jsonl'));
    const hover = await hoverAt(uri, 0, '"messages"');
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /input/);
  });

  it("completes body keys for the line's endpoint and enum values", async () => {
    const uri = fileUri('complete.jsonl');
    const line =
      '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[],"reasoning_effort":"","';
    await h.open(uri, `${line}\n`);
    const keys: CompletionItem[] = await h.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: line.length },
    });
    const labels = keys.map((k) => k.label);
    assert.ok(labels.includes('temperature'), labels.join(','));
    assert.ok(!labels.includes('model'), 'keys already present are not offered');
    assert.ok(!labels.includes('input'), 'responses keys are not offered for chat');
    const at = line.indexOf('"reasoning_effort":"') + '"reasoning_effort":"'.length;
    const values: CompletionItem[] = await h.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: at },
    });
    assert.ok(
      values.some((v) => v.label === '"low"'),
      values.map((v) => v.label).join(','),
    );
  });

  it('marks deprecated keys in completion and hover, from the schema annotations', async () => {
    const uri = fileUri('complete-deprecated.jsonl');
    const line =
      '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","max_tokens":5,"messages":[],"';
    await h.open(uri, `${line}\n`);
    const keys: CompletionItem[] = await h.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: line.length },
    });
    const byLabel = new Map(keys.map((k) => [k.label, k]));
    const functions = byLabel.get('functions');
    assert.deepEqual(functions?.tags, [CompletionItemTag.Deprecated]);
    assert.match(
      (functions?.documentation as MarkupContent).value,
      /'functions' is deprecated in favor of 'tools'/,
    );
    assert.equal(byLabel.get('temperature')?.tags, undefined);
    assert.match(
      (byLabel.get('temperature')?.documentation as MarkupContent).value,
      /Sampling temperature/,
    );
    const hover = await hoverAt(uri, 0, '"max_tokens"');
    const text = (hover?.contents as MarkupContent).value;
    assert.match(
      text,
      /\*\*Deprecated\.\*\* 'max_tokens' is deprecated in favor of 'max_completion_tokens'/,
    );
    assert.match(text, /On `\/v1\/responses`: `max_output_tokens`/);
    assert.match(text, /\(https:\/\/platform\.openai\.com\/docs\/api-reference\/chat\/create\)/);
  });

  it('offers the manifest urls as values of url', async () => {
    const uri = fileUri('complete-url.jsonl');
    const line = '{"custom_id":"a","method":"POST","url":"';
    await h.open(uri, `${line}\n`);
    const values: CompletionItem[] = await h.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: line.length },
    });
    const labels = values.map((v) => v.label);
    assert.ok(labels.includes('"/v1/responses"'), labels.join(','));
    assert.ok(labels.includes('"/v1/videos"'), labels.join(','));
  });
});
