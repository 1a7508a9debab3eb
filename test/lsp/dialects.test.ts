// Other providers' batch files in the language server: each document is read in its detected
// dialect (the summary says which and why, for the status bar's tooltip), or in the one the
// `batchlint.dialect` setting chooses for its path.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Commands } from '../../server/src/protocol';
import type { ConvertResult } from '../../server/src/protocol';
import { LspHarness, example, fileUri } from './harness';

const ANTHROPIC = [
  '{"custom_id":"a","params":{"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"hi"}]}}',
  '{"custom_id":"b","params":{"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"hi"}]}}',
].join('\n');
const OPENAI =
  '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}';
const GEMINI = '{"key":"k1","request":{"contents":[{"role":"assistant","parts":[{"text":"hi"}]}]}}';

describe('dialects in the language server', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('an Anthropic file: detected, with the evidence, and checked in Anthropic’s words', async () => {
    const uri = fileUri('claude-batch.jsonl');
    const published = h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const summary = await h.open(uri, ANTHROPIC);
    assert.equal(summary.isBatch, true);
    const checked = await h.waitForSummary(uri, 1);
    assert.equal(checked.dialect, 'anthropic');
    assert.equal(checked.dialectName, 'Anthropic Message Batches');
    assert.equal(checked.dialectEvidence, 'detected from 2 of 2 request lines (a params object).');
    assert.equal(checked.maxRequests, 100_000);
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, String(d.message).split('\n')[0]]),
      [[1, 'max_tokens: Field required']],
    );
  });

  it('a Gemini file is batch input (key + request), answered in Google’s words', async () => {
    const uri = fileUri('gemini-batch.jsonl');
    const published = h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal((await h.open(uri, GEMINI)).isBatch, true);
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => String(d.message).split('\n')[0]),
      ['Please use a valid role: user, model.'],
    );
  });

  it('batchlint.dialect maps a glob to a dialect: an OpenAI line there is another provider’s', async () => {
    const uri = fileUri('claude/from-openai.jsonl');
    const elsewhere = fileUri('openai/batch.jsonl');
    await h.open(uri, OPENAI);
    await h.open(elsewhere, OPENAI);
    assert.equal((await h.waitForSummary(uri, 1)).dialect, 'openai');
    const chosen = h.summaries.next((s) => s.uri === uri && s.dialect === 'anthropic', 'anthropic');
    const published = h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await h.configure({ dialect: { '**/claude/*.jsonl': 'anthropic' } });
    const checked = await chosen;
    assert.equal(checked.dialectEvidence, 'chosen by the dialect setting.');
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['dialect_mismatch'],
    );
    // Elsewhere, the same line is OpenAI's and clean.
    const other = await h.summaries.next((s) => s.uri === elsewhere, 'the other file, re-checked');
    assert.equal(other.dialect, 'openai');
    assert.equal(other.errors, 0);
    await h.configure({});
  });

  it('a quick fix rewrites an OpenAI line in an Anthropic file as an Anthropic request', async () => {
    const uri = fileUri('claude-mixed.jsonl');
    const chat = OPENAI.replace('"messages"', '"max_tokens":20,"messages"');
    const first = ANTHROPIC.split('\n')[0]!;
    const text = `${first}\n${first.replace('"a"', '"b"')}\n${chat}\n`;
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    const mismatch = diagnostics.find((d) => d.code === 'dialect_mismatch');
    assert.ok(mismatch, JSON.stringify(diagnostics));
    const actions = await h.codeActions(uri, mismatch.range, [mismatch]);
    const rewrite = actions.find((a) =>
      /^Rewrite the line as Anthropic Message Batches/.test(a.title),
    );
    assert.ok(rewrite, JSON.stringify(actions.map((a) => a.title)));
    const fixed = LspHarness.applied(text, rewrite.edit, uri);
    assert.match(
      fixed.split('\n')[2]!,
      /^\{"custom_id":"a","params":\{"model":"gpt-4o-mini","max_tokens":20,/,
    );
    const after = await h.openAndDiagnose(fileUri('claude-mixed-fixed.jsonl'), fixed);
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      ['duplicate_custom_id', 'model_not_on_endpoint'],
      'left: the id the first line already has, and the OpenAI model, to name a Claude one for',
    );
  });

  it('the convert command converts chat lines to Gemini lines in one edit', async () => {
    const uri = fileUri('convert-to-gemini.jsonl');
    await h.openAndDiagnose(uri, example('clean-chat.jsonl'));
    const result: ConvertResult = await h.connection.sendRequest('workspace/executeCommand', {
      command: Commands.serverConvert,
      arguments: [{ uri, version: 1, to: 'gemini' }],
    });
    assert.equal(result.applied, true, result.reason);
    assert.equal(result.converted, 5);
    assert.deepEqual(result.needsDecision, []);
    assert.match(result.note ?? '', /Gemini's results are \{key, response\} lines/);
    const lines = h.doc(uri).getText().trimEnd().split('\n');
    assert.ok(lines.every((l) => 'key' in JSON.parse(l) && 'request' in JSON.parse(l)));
    assert.equal(h.appliedEdits.at(-1)!.label, 'Convert to Gemini batch lines');
  });

  it('the convert command refuses an unknown target', async () => {
    const uri = fileUri('convert-to-nowhere.jsonl');
    await h.openAndDiagnose(uri, example('clean-chat.jsonl'));
    await assert.rejects(
      h.connection.sendRequest('workspace/executeCommand', {
        command: Commands.serverConvert,
        arguments: [{ uri, version: 1, to: 'bedrock' }],
      }),
      /to must be one of responses, anthropic, gemini/,
    );
  });
});
