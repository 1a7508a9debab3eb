// The convert command: version-checked, one workspace/applyEdit, only changed lines replaced.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver-protocol/node';
import { Commands } from '../../server/src/protocol';
import type { ConvertArgs, ConvertResult } from '../../server/src/protocol';
import { LspHarness, example, fileUri } from './harness';

const RESPONSES_LINE =
  '{"custom_id":"r-1","method":"POST","url":"/v1/responses","body":{"model":"gpt-4.1-mini","input":"Hi."}}';

describe('convert to responses format', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  function convert(args: ConvertArgs): Promise<ConvertResult> {
    return h.connection.sendRequest('workspace/executeCommand', {
      command: Commands.serverConvert,
      arguments: [args],
    });
  }

  async function openMixed(name: string): Promise<{ uri: string; text: string }> {
    const chat = example('clean-chat.jsonl').trim().split('\n');
    const text = [chat[0], RESPONSES_LINE, chat[1], '{not json', chat[2]].join('\n') + '\n';
    const uri = fileUri(name);
    await h.openAndDiagnose(uri, text);
    return { uri, text };
  }

  it('a stale version applies nothing', async () => {
    const { uri, text } = await openMixed('convert-stale.jsonl');
    const version = await h.change(uri, [
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: ' ' },
    ]);
    await h.waitForSummary(uri, version);
    const before = h.appliedEdits.length;
    const result = await convert({ uri, version: version - 1 });
    assert.equal(result.applied, false);
    assert.match(result.reason ?? '', /changed/);
    assert.equal(h.appliedEdits.length, before, 'no workspace/applyEdit was sent');
    assert.equal(h.doc(uri).getText(), text.replace(RESPONSES_LINE, ` ${RESPONSES_LINE}`));
  });

  it('converts the whole document with one edit that touches only chat lines', async () => {
    const { uri, text } = await openMixed('convert-all.jsonl');
    const before = h.appliedEdits.length;
    const result = await convert({ uri, version: 1 });
    assert.equal(result.applied, true, result.reason);
    assert.equal(result.converted, 3);
    assert.equal(result.unparseable, 1);
    assert.equal(result.unchanged, 1);
    assert.equal(h.appliedEdits.length, before + 1, 'exactly one workspace/applyEdit');
    const edit = h.appliedEdits[h.appliedEdits.length - 1]!.edit;
    const change = edit.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change);
    assert.equal(change.textDocument.version, 1, 'the edit is bound to the version converted');
    const lines = (change.edits as TextEdit[]).map((e) => e.range.start.line).sort();
    assert.deepEqual(lines, [0, 2, 4]);
    const after = h.doc(uri).getText().split('\n');
    const original = text.split('\n');
    assert.equal(after.length, original.length);
    for (const i of [1, 3, 5]) assert.equal(after[i], original[i], `line ${i} is untouched`);
    for (const i of [0, 2, 4]) assert.match(after[i]!, /"url":"\/v1\/responses"/);
  });

  it('lists each value the conversion dropped or added in the summary', async () => {
    const uri = fileUri('convert-changes.jsonl');
    const line =
      '{"custom_id":"c","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"hi","name":null}],"n":1,"tools":[{"type":"function","function":{"name":"f"}}]}}';
    await h.openAndDiagnose(uri, `${line}\n`);
    const result = await convert({ uri, version: 1 });
    assert.equal(result.applied, true, result.reason);
    assert.deepEqual(
      result.needsDecision.map((d) => d.replace(/: (dropped|added): .*/, ': $1')),
      [
        'line 1: messages[0].name: dropped',
        'line 1: n: dropped',
        'line 1: tools[0].function.parameters: added',
        'line 1: tools[0].function.strict: added',
      ],
    );
  });

  it('converts only the selected lines', async () => {
    const { uri, text } = await openMixed('convert-range.jsonl');
    const result = await convert({ uri, version: 1, startLine: 2, endLine: 3 });
    assert.equal(result.applied, true);
    assert.equal(result.converted, 1);
    const after = h.doc(uri).getText().split('\n');
    const original = text.split('\n');
    assert.match(after[2]!, /\/v1\/responses/);
    for (const i of [0, 1, 3, 4]) assert.equal(after[i], original[i]);
  });

  it('reports an edit the editor refused', async () => {
    const refusing = await LspHarness.start({ acceptEdits: false });
    try {
      const uri = fileUri('convert-refused.jsonl');
      await refusing.openAndDiagnose(uri, example('clean-chat.jsonl'));
      const result: ConvertResult = await refusing.connection.sendRequest(
        'workspace/executeCommand',
        {
          command: Commands.serverConvert,
          arguments: [{ uri, version: 1 }],
        },
      );
      assert.equal(result.applied, false);
      assert.equal(result.converted, 5);
      assert.ok(result.reason);
    } finally {
      await refusing.shutdown();
    }
  });

  it('rejects malformed arguments with InvalidParams', async () => {
    await assert.rejects(
      h.connection.sendRequest('workspace/executeCommand', {
        command: Commands.serverConvert,
        arguments: [{ uri: 42 }],
      }),
      (e: { code?: number }) => e.code === -32602,
    );
  });
});
