// Which documents are checked, settings, checkFile, and staying up under bad input.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Methods } from '../../server/src/protocol';
import type { CheckFileResult } from '../../server/src/protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { LspHarness, example, fileUri } from './harness';

const DATA_LINES = '{"id": 1, "text": "a row of a dataset"}\n{"id": 2, "text": "another"}\n';
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const REQUEST_CANCELLED = -32800;

function hasCode(code: number) {
  return (e: { code?: number }) => e.code === code;
}

describe('which documents are checked', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('a .jsonl that is not batch input gets no diagnostics, and is re-evaluated as it changes', async () => {
    const uri = fileUri('dataset.jsonl');
    const summary = await h.open(uri, DATA_LINES);
    assert.equal(summary.isBatch, false);
    assert.deepEqual(h.currentDiagnostics(uri), []);
    // Replacing the text with batch requests (one of them broken) turns checking on...
    const bad = example('chat-image-url-string.jsonl');
    let version = await h.change(uri, [{ text: bad }]);
    assert.equal((await h.settled(uri, version)).length, 1);
    // ...and back to data turns it off again, clearing what was shown.
    version = await h.change(uri, [{ text: DATA_LINES }]);
    assert.deepEqual(await h.settled(uri, version), []);
  });

  it('a new, empty batch file shows nothing until something is typed', async () => {
    const uri = fileUri('new-batch.jsonl');
    const summary = await h.open(uri, '');
    assert.equal(summary.isBatch, true);
    assert.deepEqual(h.currentDiagnostics(uri), []);
    const version = await h.change(uri, [{ text: '{"custom_id": "a"}\n' }]);
    const codes = (await h.settled(uri, version)).map((d) => d.code);
    assert.ok(codes.includes('missing_required_parameter'), JSON.stringify(codes));
  });

  it('a document of another language is checked only when batchlint.files matches it', async () => {
    const uri = fileUri('requests.txt');
    const bad = example('chat-image-url-string.jsonl');
    const summary = await h.open(uri, bad, 'plaintext');
    assert.equal(summary.isBatch, false);
    await h.configure({ files: ['**/requests.txt'] });
    const published = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.equal(published.diagnostics[0]!.code, 'invalid_type');
    await h.configure({});
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('an invalid batchlint.files pattern is reported and the others still apply', async () => {
    const uri = fileUri('listed.txt');
    await h.open(uri, example('chat-image-url-string.jsonl'), 'plaintext');
    const told = h.messages.next((m) => m.message.includes('"a["'), 'a message about "a["');
    await h.configure({ files: ['a[', 'listed.txt'] });
    assert.match((await told).message, /is not a valid pattern \(Missing closing/);
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await h.configure({});
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('a pattern that backtracks as a regex is matched in linear time', async () => {
    // A file name of 250 "a"s: the regex the old matcher built would backtrack for hours.
    const uri = fileUri(`${'a'.repeat(250)}.txt`);
    await h.configure({ files: ['*a*a*a*a*a*a*a*a*ab'] });
    const summary = await h.open(uri, example('chat-image-url-string.jsonl'), 'plaintext');
    assert.equal(summary.isBatch, false);
    await h.configure({});
  });

  it('closing a document clears its diagnostics', async () => {
    const uri = fileUri('closing.jsonl');
    await h.openAndDiagnose(uri, example('chat-image-url-string.jsonl'));
    const cleared = h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await h.close(uri);
    await cleared;
  });
});

describe('settings', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('disabling clears diagnostics; enabling brings them back', async () => {
    const uri = fileUri('toggle.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, example('seed-mistakes.jsonl'));
    assert.equal(diagnostics.length, 3);
    await h.configure({ enable: false });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await h.configure({ enable: true });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 3);
  });

  it('severity overrides and maxProblems apply', async () => {
    const uri = fileUri('severity.jsonl');
    await h.openAndDiagnose(uri, example('seed-mistakes.jsonl'));
    await h.configure({ severity: { invalid_value: 'off', invalid_type: 'warning' } });
    const shown = await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    assert.equal(shown.diagnostics[0]!.code, 'invalid_type');
    assert.equal(shown.diagnostics[0]!.severity, 2);
    await h.configure({ maxProblems: 2 });
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
    await h.configure({});
    await h.waitForDiagnostics(uri, (p) => p.diagnostics.length === 3);
  });

  it('keeps and publishes at most maxProblems diagnostics, and counts them all', async () => {
    // 20,000 "{}" lines: four problems each. The server holds the first ten and the counts.
    // (The files setting makes it check them: "{}" alone does not look like batch input.)
    const uri = fileUri('many-problems.jsonl');
    await h.configure({ maxProblems: 10, files: ['many-problems.jsonl'] });
    const published = h.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const checked = h.summaries.next((s) => s.uri === uri && s.isBatch, 'the checked summary');
    await h.open(uri, '{}\n'.repeat(20_000));
    assert.equal((await published).diagnostics.length, 10);
    const summary = await checked;
    assert.ok(summary.errors >= 4 * 20_000, `errors counted: ${summary.errors}`);
    await h.close(uri);
    await h.configure({});
  });
});

describe('checkFile', () => {
  let h: LspHarness;
  let dir: string;
  before(async () => {
    h = await LspHarness.start();
    dir = mkdtempSync(path.join(tmpdir(), 'batchlint-lsp-'));
  });
  after(async () => {
    await h.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a file on disk with progress and publishes under its URI', async () => {
    const file = path.join(dir, 'on-disk.jsonl');
    const lines = example('clean-chat.jsonl').trim().split('\n');
    const bad = example('chat-image-url-string.jsonl').trim().replace('"req-1"', '"req-x"');
    writeFileSync(file, `${lines.join('\n')}\n${bad}\n`);
    const uri = pathToFileURL(file).toString();
    const published = h.waitForDiagnostics(uri);
    const ended = h.progress.next(
      (p) => (p.value as { kind?: string }).kind === 'end',
      'progress end',
    );
    const result: CheckFileResult = await h.connection.sendRequest(Methods.checkFile, { uri });
    assert.equal(result.requests, 6);
    assert.equal(result.errors, 1);
    const diagnostics = (await published).diagnostics;
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.range.start.line, 5);
    await ended;
    assert.ok(h.progress.seen.some((p) => (p.value as { kind?: string }).kind === 'begin'));
    // Sizes are decimal, as the API counts its 200 MB: 1 kB = 1,000 bytes.
    const kb = `${(statSync(file).size / 1000).toFixed(1)} kB`;
    assert.ok(
      h.progress.seen.some((p) => (p.value as { message?: string }).message === `${kb} of ${kb}`),
      JSON.stringify(h.progress.seen.map((p) => p.value)),
    );
  });

  it('a file on disk that starts with a BOM gets editor columns on line 0', async () => {
    const file = path.join(dir, 'bom-on-disk.jsonl');
    const text = `\uFEFF${example('chat-image-url-string.jsonl')}`;
    writeFileSync(file, text);
    const uri = pathToFileURL(file).toString();
    const published = h.waitForDiagnostics(uri);
    await h.connection.sendRequest(Methods.checkFile, { uri });
    const { diagnostics } = await published;
    const typeProblem = diagnostics.find((d) => d.code === 'invalid_type');
    assert.equal(typeProblem?.range.start.character, text.indexOf('"data:image'));
    const bom = diagnostics.find((d) => d.code === 'utf8_bom');
    assert.deepEqual(bom?.range.end, { line: 0, character: 1 });
  });

  it('a cancelled check publishes nothing, ends its progress and leaves the server working', async () => {
    const file = path.join(dir, 'cancelled.jsonl');
    writeFileSync(file, example('chat-image-url-string.jsonl'));
    const uri = pathToFileURL(file).toString();
    const source = new CancellationTokenSource();
    // Cancelled while the server waits for its progress to be created: the cancellation is on
    // the wire before the reply, so the check sees it at its first progress point, whatever
    // the machine's speed.
    h.connection.onRequest('window/workDoneProgress/create', () => {
      source.cancel();
      return null;
    });
    const ended = h.progress.next(
      (p) => (p.value as { kind?: string }).kind === 'end',
      'progress end of the cancelled check',
    );
    try {
      await assert.rejects(
        h.connection.sendRequest(Methods.checkFile, { uri }, source.token),
        hasCode(REQUEST_CANCELLED),
      );
    } finally {
      h.connection.onRequest('window/workDoneProgress/create', () => null);
    }
    await ended;
    // A publish would have come before the reply: none came for this file.
    assert.deepEqual(
      h.diagnostics.seen.filter((p) => p.uri === uri),
      [],
    );
    // The same file checked again, not cancelled, is published.
    const published = h.waitForDiagnostics(uri);
    await h.connection.sendRequest(Methods.checkFile, { uri });
    assert.equal((await published).diagnostics[0]?.code, 'invalid_type');
  });

  it('a missing file is an error, and the server keeps going', async () => {
    await assert.rejects(
      h.connection.sendRequest(Methods.checkFile, {
        uri: pathToFileURL(path.join(dir, 'gone.jsonl')).toString(),
      }),
      /No such file/,
    );
    await assert.rejects(
      h.connection.sendRequest(Methods.checkFile, { uri: 42 }),
      hasCode(INVALID_PARAMS),
    );
    await assert.rejects(
      h.connection.sendRequest(Methods.checkFile, { uri: 'relative.jsonl' }),
      hasCode(INVALID_PARAMS),
    );
    const { diagnostics } = await h.openAndDiagnose(
      fileUri('after-missing.jsonl'),
      example('seed-mistakes.jsonl'),
    );
    assert.equal(diagnostics.length, 3);
  });
});

describe('robustness', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('an unknown request is MethodNotFound and the server still works', async () => {
    await assert.rejects(
      h.connection.sendRequest('batchlint/noSuchThing', {}),
      hasCode(METHOD_NOT_FOUND),
    );
    const { diagnostics } = await h.openAndDiagnose(
      fileUri('after-unknown.jsonl'),
      example('seed-mistakes.jsonl'),
    );
    assert.equal(diagnostics.length, 3);
  });

  it('garbage params are InvalidParams', async () => {
    for (const method of [
      'textDocument/codeAction',
      'textDocument/hover',
      'textDocument/completion',
    ]) {
      await assert.rejects(
        h.connection.sendRequest(method, { nonsense: true }),
        hasCode(INVALID_PARAMS),
        method,
      );
      await assert.rejects(h.connection.sendRequest(method, null), hasCode(INVALID_PARAMS), method);
    }
    await assert.rejects(
      h.connection.sendRequest('workspace/executeCommand', { command: 'batchlint.nope' }),
      hasCode(INVALID_PARAMS),
    );
  });

  it('survives notifications about documents it does not know and malformed changes', async () => {
    const ghost = fileUri('ghost.jsonl');
    await h.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: ghost, version: 3 },
      contentChanges: [{ text: 'x' }],
    });
    await h.connection.sendNotification('textDocument/didClose', { textDocument: { uri: ghost } });
    await h.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await h.connection.sendNotification('textDocument/didChange', { textDocument: { uri: ghost } });
    const actions = await h.codeActions(
      ghost,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      [],
    );
    assert.deepEqual(actions, []);
    const { diagnostics } = await h.openAndDiagnose(
      fileUri('after-ghost.jsonl'),
      example('seed-mistakes.jsonl'),
    );
    assert.equal(diagnostics.length, 3);
    assert.ok(h.alive);
  });

  it('ranges past the end of the document do not break the model', async () => {
    const uri = fileUri('past-end.jsonl');
    const text = example('clean-chat.jsonl');
    await h.openAndDiagnose(uri, text);
    const far = { line: 999, character: 999 };
    await h.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: far, end: far }, text: '' }],
    });
    await h.waitForSummary(uri, 2);
    assert.ok(h.alive);
  });

  it('a 20 MB line is checked without wedging the server', async () => {
    const big = example('clean-chat.jsonl')
      .split('\n')[0]!
      .replace('Write a haiku', 'W'.repeat(20 * 1024 * 1024));
    const uri = fileUri('huge-line.jsonl');
    await h.openAndDiagnose(uri, `${big}\n`);
    const { diagnostics } = await h.openAndDiagnose(
      fileUri('after-huge.jsonl'),
      example('seed-mistakes.jsonl'),
    );
    assert.equal(diagnostics.length, 3);
    await h.close(uri);
  });
});
