// The language server as a new user meets it (issue 12, points 1, 3 and 4): a file of bare
// request bodies is checked and wrapped, an image URL written beside its part is repaired before
// anything is removed, and conversion is a refactoring of the file or selection, never a quick
// fix on every line, that says when it leaves the file with two urls.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionResolveRequest } from 'vscode-languageserver-protocol/node';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { LspHarness, example, fileUri } from './harness';

const body = (content: string, extra: object = {}): string =>
  JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], ...extra });

const request = (id: string, url: string, bodyText: string): string =>
  `{"custom_id":"${id}","method":"POST","url":"${url}","body":${bodyText}}`;

describe('a new user in the editor', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('checks a file of bare request bodies and wraps each with a unique custom_id', async () => {
    const text = [
      body('Hello'),
      request('request-1', '/v1/chat/completions', body('Hi')),
      body('Hey'),
    ].join('\n');
    const uri = fileUri('bare-bodies.jsonl');
    const summary = h.summaries.next((s) => s.uri === uri && s.isBatch, 'a batch summary');
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    assert.equal((await summary).requests, 3, 'the bare bodies count as requests');
    const bare = diagnostics.filter((d) => d.code === 'missing_envelope');
    assert.deepEqual(
      bare.map((d) => d.range.start.line),
      [0, 2],
    );
    assert.match(
      String(bare[0]!.message),
      /\/v1\/chat\/completions request body without the batch envelope/,
    );
    const actions = await h.codeActions(uri, bare[0]!.range, [bare[0]!]);
    const wrap = actions.find((a) => a.isPreferred);
    assert.ok(wrap, JSON.stringify(actions.map((a) => a.title)));
    assert.match(wrap.title, /custom_id 'request-2', url '\/v1\/chat\/completions'/);
    const all = actions.find((a) => a.title.startsWith('Fix all'));
    assert.ok(all, 'fix all of the kind');
    const fixed = LspHarness.applied(text, all.edit, uri);
    const ids = fixed.split('\n').map((l) => JSON.parse(l).custom_id);
    assert.deepEqual(ids, ['request-2', 'request-1', 'request-3']);
    const again = await h.openAndDiagnose(fileUri('bare-bodies-fixed.jsonl'), fixed);
    assert.deepEqual(
      again.diagnostics.filter((d) => d.severity === 1),
      [],
    );
  });

  it('ignores JSONL that is not batch input (chat fine-tuning data without a model)', async () => {
    const uri = fileUri('fine-tuning.jsonl');
    const summary = await h.open(
      uri,
      `${JSON.stringify({ messages: [{ role: 'user', content: 'Hi' }] })}\n`,
    );
    assert.equal(summary.isBatch, false);
  });

  it('repairs an image URL written beside its part before offering to remove it', async () => {
    const part = { type: 'image_url', url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==' };
    const text = request(
      'a',
      '/v1/chat/completions',
      body('x').replace('"x"', JSON.stringify([part])),
    );
    const uri = fileUri('image-beside.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    for (const d of diagnostics) {
      const actions = (await h.codeActions(uri, d.range, [d])).filter((a) => a.diagnostics);
      assert.ok(actions.length > 0, `a fix for ${String(d.code)}`);
      assert.match(actions[0]!.title, /^Move 'url' into 'image_url'/);
      assert.equal(actions[0]!.isPreferred, true);
      const removal = actions.find((a) => a.title.startsWith('Remove'));
      if (removal) {
        assert.equal(actions.indexOf(removal), actions.length - 1, 'the removal comes last');
        assert.match(removal.title, /drops "data:image\/png/);
      }
      const fixed = LspHarness.applied(text, actions[0]!.edit, uri);
      assert.deepEqual(JSON.parse(fixed).body.messages[0].content[0], {
        type: 'image_url',
        image_url: { url: part.url },
      });
    }
  });

  it('offers conversion as a refactoring of the file, not as a quick fix on each line', async () => {
    const text = example('clean-chat.jsonl');
    const uri = fileUri('convert-refactor.jsonl');
    await h.openAndDiagnose(uri, text);
    const cursor = { start: { line: 2, character: 5 }, end: { line: 2, character: 5 } };
    const quick = await h.codeActions(uri, cursor, [], ['quickfix']);
    assert.ok(!quick.some((a) => /[Cc]onvert/.test(a.title)), 'no quick fix converts');
    const refactors = await h.codeActions(uri, cursor, [], ['refactor']);
    assert.equal(refactors.length, 1);
    const action = refactors[0]!;
    assert.equal(action.kind, 'refactor.rewrite');
    assert.equal(action.title, 'Convert the file to responses format');
    assert.equal(action.edit, undefined, 'the edit is made only when chosen');
    const resolved: CodeAction = await h.connection.sendRequest(
      CodeActionResolveRequest.type,
      action,
    );
    const converted = LspHarness.applied(text, resolved.edit, uri).trimEnd().split('\n');
    assert.equal(converted.length, text.trimEnd().split('\n').length);
    for (const line of converted) assert.equal(JSON.parse(line).url, '/v1/responses');
  });

  it('a selection is converted alone, and the action says it leaves the other lines on chat', async () => {
    const text = example('clean-chat.jsonl');
    const lines = text.trimEnd().split('\n').length;
    const uri = fileUri('convert-selection.jsonl');
    await h.openAndDiagnose(uri, text);
    const selection = { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } };
    const [action] = await h.codeActions(uri, selection, [], ['refactor.rewrite']);
    assert.ok(action);
    assert.equal(
      action.title,
      `Convert lines 2–3 to responses format (leaves ${lines - 2} other lines on /v1/chat/completions)`,
    );
    const resolved: CodeAction = await h.connection.sendRequest(
      CodeActionResolveRequest.type,
      action,
    );
    assert.match(
      resolved.title,
      /still use \/v1\/chat\/completions: a batch takes one url per file/,
    );
    const converted = LspHarness.applied(text, resolved.edit, uri).split('\n');
    const urls = converted.filter((l) => l !== '').map((l) => JSON.parse(l).url);
    assert.deepEqual(
      urls.map((u, i) =>
        i === 1 || i === 2 ? u === '/v1/responses' : u === '/v1/chat/completions',
      ),
      urls.map(() => true),
    );
  });

  it('a document changed since the action was offered gets no edit', async () => {
    const text = example('clean-chat.jsonl');
    const uri = fileUri('convert-stale.jsonl');
    await h.openAndDiagnose(uri, text);
    const cursor = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [action] = await h.codeActions(uri, cursor, [], ['refactor']);
    const version = await h.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ]);
    await h.waitForVersion(uri, version);
    const resolved: CodeAction = await h.connection.sendRequest(
      CodeActionResolveRequest.type,
      action!,
    );
    assert.equal(resolved.edit, undefined);
  });
});
