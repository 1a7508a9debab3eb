// The language server's web-worker build (VS Code for the Web) against the Node build: the same
// diagnostics for every example, and quick fixes that work, through the worker's message port.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspHarness, ROOT, example, fileUri } from './harness';
import { startWebWorker } from './web-worker';
import { findChromium, startInChromium } from './web-chromium';

// A browser has no environment to pin the check date in (BATCHLINT_TODAY): every server here
// checks on the real date, so that they compare alike.
delete process.env.BATCHLINT_TODAY;

const EXAMPLES = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.jsonl'));

/** What the user sees of a diagnostic: everything but the server's private fix data. */
function shown(d: Diagnostic): unknown {
  const { data: _data, ...rest } = d;
  return rest;
}

// Where the web-worker server runs: a Node worker thread, and a Web Worker in headless Chromium
// (skipped without Chromium, unless BATCHLINT_REQUIRE_E2E=1 says a real browser is required).
async function hosts(): Promise<[string, (() => Promise<LspHarness>) | string][]> {
  const chromium = await findChromium();
  const required = process.env.BATCHLINT_REQUIRE_E2E === '1';
  let inChromium: (() => Promise<LspHarness>) | string = 'no Chromium found';
  if (chromium) inChromium = () => startInChromium(chromium);
  else if (required)
    inChromium = () => {
      throw new Error(
        'BATCHLINT_REQUIRE_E2E=1 but no Chromium was found (apt-get install chromium)',
      );
    };
  return [
    ['a Node worker thread', () => startWebWorker()],
    ['Chromium', inChromium],
  ];
}

describe('VS Code for the Web', async () => {
  for (const [where, start] of await hosts())
    describe(
      `the web-worker server in ${where}`,
      { skip: typeof start === 'string' ? start : false },
      () => {
        let web: LspHarness;
        let node: LspHarness;
        before(async () => {
          if (typeof start === 'string') return;
          [web, node] = await Promise.all([start(), LspHarness.start()]);
        });
        after(async () => Promise.all([web?.shutdown(), node?.shutdown()]));

        for (const name of EXAMPLES) {
          it(`reports what the Node server reports for ${name}`, async () => {
            const text = example(name);
            const uri = fileUri(name);
            const [fromWeb, fromNode] = await Promise.all([
              web.openAndDiagnose(uri, text),
              node.openAndDiagnose(uri, text),
            ]);
            assert.deepEqual(fromWeb.diagnostics.map(shown), fromNode.diagnostics.map(shown));
          });
        }

        it('flags the seed mistakes and its quick fixes remove them', async () => {
          const uri = fileUri('web-seed.jsonl');
          const text = example('seed-mistakes.jsonl');
          const { diagnostics } = await web.openAndDiagnose(uri, text);
          const errors = diagnostics.filter((d) => d.severity === 1);
          assert.ok(errors.length > 0, 'the seed file has errors');
          const fixAll = (
            await web.codeActions(uri, errors[0]!.range, diagnostics, ['source.fixAll'])
          )[0];
          assert.ok(fixAll?.edit, 'a fix-all action with an edit');
          const fixed = LspHarness.applied(text, fixAll.edit, uri);
          const after = await web.openAndDiagnose(fileUri('web-seed-fixed.jsonl'), fixed);
          assert.deepEqual(
            after.diagnostics.filter((d) => d.severity === 1),
            [],
            'no error is left after fix-all',
          );
        });

        it('answers hover and completion', async () => {
          const uri = fileUri('web-hover.jsonl');
          const text =
            '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","temperature":0.2,"messages":[]}}\n';
          await web.openAndDiagnose(uri, text);
          const hover = await web.connection.sendRequest('textDocument/hover', {
            textDocument: { uri },
            position: { line: 0, character: text.indexOf('temperature') + 2 },
          });
          assert.ok(hover, 'a hover on a parameter');
        });

        it('says, as a note, that it cannot count the tokens of a prompt past the window', async () => {
          const uri = fileUri('web-long.jsonl');
          const prompt = 'word '.repeat(30000);
          const text = `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4.1-mini","messages":[{"role":"user","content":"${prompt}"}]}}\n`;
          const [fromWeb, fromNode] = await Promise.all([
            web.openAndDiagnose(uri, text),
            node.openAndDiagnose(uri, text),
          ]);
          const long = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'context_length_exceeded');
          // 150,000 bytes against a 1,047,576-token window: no note; against gpt-4o-mini's 128,000, one.
          assert.deepEqual(long(fromWeb.diagnostics), []);
          const small = text.replace('gpt-4.1-mini', 'gpt-4o-mini');
          const [webSmall, nodeSmall] = await Promise.all([
            web.openAndDiagnose(fileUri('web-long-2.jsonl'), small),
            node.openAndDiagnose(fileUri('web-long-2.jsonl'), small),
          ]);
          const note = long(webSmall.diagnostics);
          assert.equal(note.length, 1);
          assert.equal(note[0]!.severity, 3, 'information, not an error');
          assert.match(
            String(note[0]!.message),
            /^The prompt is 150\d{3} bytes .* not counted in VS Code for the Web/,
          );
          // The Node server counts: 30,000 words are about 30,000 tokens, inside the window.
          assert.deepEqual(long(nodeSmall.diagnostics), []);
          assert.deepEqual(long(fromNode.diagnostics), []);
        });

        it('has no "Check File on Disk" request: there is no disk', async () => {
          await assert.rejects(
            web.connection.sendRequest('batchlint/checkFile', { path: '/etc/hostname' }),
            /Unhandled method/,
          );
        });
      },
    );
});
