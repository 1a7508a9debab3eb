// The seed examples through the real server: the expected codes at the expected ranges, with
// the diagnostic shape the editor relies on (source, code, docs link, fix data).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspHarness, example, fileUri } from './harness';

function range(d: Diagnostic): [number, number, number, number] {
  return [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character];
}

/** The [line, start, line, end] of the first occurrence of `needle` on `line`. */
function spanOf(text: string, line: number, needle: string): [number, number, number, number] {
  const column = text.split('\n')[line]!.indexOf(needle);
  assert.ok(column >= 0, `${needle} not on line ${line}`);
  return [line, column, line, column + needle.length];
}

describe('seed examples', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('chat: an input_image part type is flagged on the part\'s "type" value', async () => {
    const text = example('chat-input-image.jsonl');
    const { diagnostics } = await h.openAndDiagnose(fileUri('chat-input-image.jsonl'), text);
    const onImage = diagnostics.filter((d) => range(d)[1] === spanOf(text, 0, '"input_image"')[1]);
    assert.equal(onImage.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(range(onImage[0]!), spanOf(text, 0, '"input_image"'));
    assert.equal(onImage[0]!.code, 'invalid_value');
    assert.equal(onImage[0]!.source, 'batchlint');
    assert.equal(onImage[0]!.severity, 1);
    const data = onImage[0]!.data as { fix?: { id: string }; param?: string };
    assert.equal(data.param, 'messages[0].content[1].type');
    assert.ok(data.fix?.id, 'the diagnostic carries its fix');
    // The input_text part on the same line is the same mistake.
    assert.ok(diagnostics.some((d) => range(d)[1] === spanOf(text, 0, '"input_text"')[1]));
    // The second line is a clean request.
    assert.ok(diagnostics.every((d) => d.range.start.line === 0));
  });

  it('chat: an image_url given as a string is flagged on the string value', async () => {
    const text = example('chat-image-url-string.jsonl');
    const { diagnostics } = await h.openAndDiagnose(fileUri('chat-image-url-string.jsonl'), text);
    const start = text.indexOf('"data:image');
    const end = text.indexOf('"', start + 1) + 1;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(range(diagnostics[0]!), [0, start, 0, end]);
    assert.equal(diagnostics[0]!.code, 'invalid_type');
  });

  it('responses: a "messages" key is flagged on the key', async () => {
    const text = example('responses-messages.jsonl');
    const { diagnostics } = await h.openAndDiagnose(fileUri('responses-messages.jsonl'), text);
    const onKey = diagnostics.filter((d) => d.code === 'unsupported_parameter');
    assert.equal(onKey.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(range(onKey[0]!), spanOf(text, 0, '"messages"'));
    assert.ok(onKey[0]!.codeDescription?.href.startsWith('https://'), 'links to the docs');
  });

  it('a pretty-printed request is flagged as one block', async () => {
    const text = example('pretty-printed.jsonl');
    const { diagnostics } = await h.openAndDiagnose(fileUri('pretty-printed.jsonl'), text);
    const lines = text.split('\n');
    const close = lines.findIndex((l) => l === '}');
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(range(diagnostics[0]!), [0, 0, close, 1]);
    assert.equal(diagnostics[0]!.code, 'multiline_request');
  });

  it('a clean file has no diagnostics and a summary for the status bar', async () => {
    const uri = fileUri('clean-chat.jsonl');
    const published = h.waitForVersion(uri, 1);
    const summary = await h.open(uri, example('clean-chat.jsonl'));
    assert.deepEqual((await published).diagnostics, []);
    assert.equal(summary.isBatch, true);
    assert.equal(summary.requests, 5);
    assert.equal(summary.endpoint, '/v1/chat/completions');
    assert.equal(summary.model, 'gpt-4o-mini');
    assert.equal(summary.errors, 0);
    assert.equal(summary.bytes, Buffer.byteLength(example('clean-chat.jsonl')));
  });

  it('a duplicate custom_id points back to the first use', async () => {
    const line = example('clean-chat.jsonl').split('\n')[0]!;
    const text = `${line}\n${line}\n`;
    const { diagnostics } = await h.openAndDiagnose(fileUri('duplicate.jsonl'), text);
    const dup = diagnostics.find((d) => d.code === 'duplicate_custom_id');
    assert.ok(dup, JSON.stringify(diagnostics));
    assert.equal(dup.range.start.line, 1);
    const related = dup.relatedInformation?.[0]?.location;
    assert.equal(related?.range.start.line, 0);
    assert.equal(related?.range.start.character, line.indexOf('"task-1"'));
    assert.equal(related?.range.end.character, line.indexOf('"task-1"') + '"task-1"'.length);
  });
});
