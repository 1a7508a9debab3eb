// Code actions through the real server: every quick fix, applied, removes its problem; the
// preferred fix is a safe one; "fix all" and source.fixAll.batchlint merge into one edit.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspHarness, example, fileUri } from './harness';

const EXAMPLES = [
  'chat-input-image.jsonl',
  'chat-image-url-string.jsonl',
  'responses-messages.jsonl',
  'pretty-printed.jsonl',
  'json-array.jsonl',
  'seed-mistakes.jsonl',
];

function sameProblem(a: Diagnostic, b: Diagnostic): boolean {
  const pa = (a.data as { param?: string } | undefined)?.param;
  const pb = (b.data as { param?: string } | undefined)?.param;
  return a.code === b.code && pa === pb && a.range.start.line === b.range.start.line;
}

describe('code actions', () => {
  let h: LspHarness;
  let n = 0;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  /** Diagnostics of a text, from a fresh document. */
  async function diagnose(text: string): Promise<Diagnostic[]> {
    return (await h.openAndDiagnose(fileUri(`fresh-${n++}.jsonl`), text)).diagnostics;
  }

  for (const name of EXAMPLES) {
    it(`each quick fix in ${name} removes its problem`, async () => {
      const uri = fileUri(`fix-${name}`);
      const text = example(name);
      const { diagnostics } = await h.openAndDiagnose(uri, text);
      assert.ok(diagnostics.length > 0);
      let tried = 0;
      for (const d of diagnostics) {
        const actions = await h.codeActions(uri, d.range, [d]);
        const fixes = actions.filter((a) => a.diagnostics?.some((x) => x.code === d.code));
        const preferred = fixes.filter((a) => a.isPreferred);
        assert.ok(preferred.length <= 1, 'at most one preferred fix');
        for (const fix of fixes) {
          const fixed = LspHarness.applied(text, fix.edit, uri);
          assert.notEqual(fixed, text, `${fix.title} changes the text`);
          const after = await diagnose(fixed);
          assert.ok(
            !after.some((x) => sameProblem(x, d)),
            `${fix.title} leaves ${String(d.code)}: ${JSON.stringify(after.map((x) => x.message))}`,
          );
          tried++;
        }
      }
      assert.ok(tried > 0, `no quick fix offered in ${name}`);
    });
  }

  it("'Fix all' repairs every problem of the kind in one edit", async () => {
    const line = example('chat-image-url-string.jsonl').trim();
    const lines = [1, 2, 3].map((i) => line.replace('"req-1"', `"req-${i}"`));
    const text = `${lines.join('\n')}\n`;
    const uri = fileUri('fix-all.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    assert.equal(diagnostics.filter((d) => d.code === 'invalid_type').length, 3);
    const actions = await h.codeActions(uri, diagnostics[0]!.range, [diagnostics[0]!]);
    const all = actions.find((a) =>
      /^Fix all \d+ 'Invalid type' problems in the file$/.test(a.title),
    );
    assert.ok(all, JSON.stringify(actions.map((a) => a.title)));
    const fixed = LspHarness.applied(text, all.edit, uri);
    assert.equal((await diagnose(fixed)).filter((d) => d.code === 'invalid_type').length, 0);
    assert.equal(fixed.split('\n').length, text.split('\n').length, 'no line added or lost');
  });

  it('source.fixAll.batchlint applies every safe fix (for codeActionsOnSave)', async () => {
    const text = [
      example('seed-mistakes.jsonl').trim(),
      example('pretty-printed.jsonl').trim(),
    ].join('\n');
    const uri = fileUri('fix-on-save.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    assert.ok(diagnostics.length >= 4);
    const full = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await h.codeActions(uri, full, [], ['source.fixAll']);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(actions[0]!.kind, 'source.fixAll.batchlint');
    const fixed = LspHarness.applied(text, actions[0]!.edit, uri);
    const after = await diagnose(fixed);
    assert.ok(after.length < diagnostics.length, JSON.stringify(after.map((d) => d.message)));
    for (const code of ['multiline_request', 'invalid_type']) {
      assert.ok(!after.some((d) => d.code === code), `${code} is left`);
    }
    const array = fileUri('fix-on-save-array.jsonl');
    await h.openAndDiagnose(array, example('json-array.jsonl'));
    const [fixAll] = await h.codeActions(array, full, [], ['source.fixAll']);
    const jsonl = LspHarness.applied(example('json-array.jsonl'), fixAll!.edit, array);
    assert.deepEqual(await diagnose(jsonl), [], `a JSON array of requests becomes JSONL: ${jsonl}`);
    // Asking for quick fixes only does not run fix-all.
    const quick = await h.codeActions(uri, full, [], ['quickfix']);
    assert.ok(quick.every((a: CodeAction) => a.kind === 'quickfix'));
  });

  it('gives no fix for a diagnostic that is out of date', async () => {
    const uri = fileUri('stale-fix.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, example('chat-image-url-string.jsonl'));
    const version = await h.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ]);
    await h.waitForVersion(uri, version);
    const actions = await h.codeActions(uri, diagnostics[0]!.range, diagnostics);
    assert.deepEqual(
      actions.filter((a) => a.diagnostics),
      [],
    );
  });
});

describe('a document that starts with a byte order mark', () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start()));
  after(async () => h.shutdown());

  it('places line-0 problems after the BOM and offers to remove it', async () => {
    const plain = example('chat-image-url-string.jsonl');
    const text = `\uFEFF${plain}`;
    const uri = fileUri('bom.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    const typeProblem = diagnostics.find((d) => d.code === 'invalid_type');
    assert.ok(typeProblem, JSON.stringify(diagnostics));
    assert.equal(typeProblem.range.start.character, text.indexOf('"data:image'));
    // Its fix, applied to the text with the BOM, still repairs the value.
    const actions = await h.codeActions(uri, typeProblem.range, [typeProblem]);
    const fixed = LspHarness.applied(text, actions[0]!.edit, uri);
    assert.ok(fixed.startsWith('\uFEFF'));
    assert.match(fixed, /"image_url":\{"url":"data:image/);
    const bom = diagnostics.find((d) => d.code === 'utf8_bom');
    assert.ok(bom);
    const removal = (await h.codeActions(uri, bom.range, [bom]))[0];
    assert.equal(LspHarness.applied(text, removal?.edit, uri), plain);
    // Editing line 0 keeps positions right.
    const at = text.indexOf('"req-1"');
    const version = await h.change(uri, [
      {
        range: { start: { line: 0, character: at }, end: { line: 0, character: at + 7 } },
        text: '"r"',
      },
    ]);
    const after = await h.waitForVersion(uri, version);
    const moved = after.diagnostics.find((d) => d.code === 'invalid_type');
    assert.equal(moved?.range.start.character, h.doc(uri).getText().indexOf('"data:image'));
  });
});
