// Malformed parts of a request get an answer for that part, not a failed request, and nothing
// a client asks makes the server block or act on a place that does not exist.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { Commands, Methods } from '../../server/src/protocol';
import type { ConvertResult } from '../../server/src/protocol';
import { LspHarness, example, fileUri } from './harness';

describe('malformed requests', () => {
  let h: LspHarness;
  let dir: string;
  before(async () => {
    h = await LspHarness.start();
    dir = mkdtempSync(path.join(tmpdir(), 'batchlint-malformed-'));
  });
  after(async () => {
    await h.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a null diagnostic in a code-action request is skipped; the others get their fixes', async () => {
    const uri = fileUri('null-diagnostic.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, example('chat-image-url-string.jsonl'));
    const real = diagnostics[0]!;
    const context = [null, real, { source: 'batchlint', code: 'x' }, 7] as unknown as Diagnostic[];
    const actions = await h.codeActions(uri, real.range, context);
    const fixes = actions.filter((a) => a.diagnostics?.[0]?.code === real.code);
    assert.ok(fixes.length > 0, JSON.stringify(actions.map((a) => a.title)));
  });

  it('a quick fix comes from the diagnostic it is asked for, of the current version only', async () => {
    const uri = fileUri('data-version.jsonl');
    const { diagnostics } = await h.openAndDiagnose(uri, example('chat-image-url-string.jsonl'));
    const real = diagnostics[0]!;
    const ofVersion = (version: unknown): Diagnostic => ({
      ...real,
      data: { ...(real.data as object), version },
    });
    const titles = async (d: Diagnostic): Promise<string[]> =>
      (await h.codeActions(uri, real.range, [d])).filter((a) => a.diagnostics).map((a) => a.title);
    assert.ok((await titles(ofVersion(1))).length > 0);
    assert.deepEqual(await titles(ofVersion(2)), []);
    assert.deepEqual(await titles(ofVersion(undefined)), []);
  });

  it('convert with startLine 1e9 converts nothing (was: the last line)', async () => {
    const uri = fileUri('convert-far.jsonl');
    const text = example('clean-chat.jsonl');
    await h.openAndDiagnose(uri, text);
    const before = h.appliedEdits.length;
    const result: ConvertResult = await h.connection.sendRequest('workspace/executeCommand', {
      command: Commands.serverConvert,
      arguments: [{ uri, version: 1, startLine: 1e9 }],
    });
    assert.equal(result.applied, false);
    assert.match(result.reason ?? '', /past the end of the document/);
    assert.equal(h.appliedEdits.length, before, 'no workspace/applyEdit was sent');
    assert.equal(h.doc(uri).getText(), text);
  });

  it('checkFile refuses a FIFO and a device instead of blocking on them', async () => {
    const fifo = path.join(dir, 'pipe.jsonl');
    const made = spawnSync('mkfifo', [fifo]);
    assert.equal(made.status, 0, 'mkfifo is available');
    await assert.rejects(
      h.connection.sendRequest(Methods.checkFile, { uri: pathToFileURL(fifo).toString() }),
      /named pipe \(FIFO\); batchlint checks regular files only/,
    );
    await assert.rejects(
      h.connection.sendRequest(Methods.checkFile, { uri: '/dev/zero' }),
      /is a device/,
    );
    await assert.rejects(h.connection.sendRequest(Methods.checkFile, { uri: dir }), /is a folder/);
    // Still answering.
    const { diagnostics } = await h.openAndDiagnose(
      fileUri('after-fifo.jsonl'),
      example('seed-mistakes.jsonl'),
    );
    assert.equal(diagnostics.length, 3);
  });
});
