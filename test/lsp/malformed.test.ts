// Malformed parts of a request get an answer for that part, not a failed request, and nothing
// a client asks makes the server block or act on a place that does not exist.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { Commands, Methods } from '../../server/src/protocol';
import type { CheckFileResult, ConvertResult, FixFileResult } from '../../server/src/protocol';
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

  it('convert with a reversed range (startLine 1, endLine 0) converts both lines, as in order', async () => {
    const uri = fileUri('convert-reversed.jsonl');
    const line = example('clean-chat.jsonl').split('\n')[0]!;
    const text = `${line}\n${line.replace('"custom_id":"', '"custom_id":"b-')}\n`;
    await h.openAndDiagnose(uri, text);
    const result: ConvertResult = await h.connection.sendRequest('workspace/executeCommand', {
      command: Commands.serverConvert,
      arguments: [{ uri, version: 1, startLine: 1, endLine: 0 }],
    });
    assert.equal(result.applied, true, result.reason);
    assert.equal(result.converted, 2);
    const converted = h.doc(uri).getText().split('\n').filter(Boolean);
    assert.equal(converted.length, 2);
    for (const l of converted) assert.match(l, /"url":"\/v1\/responses"/);
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

  it('fixFile refuses FIFOs, devices and folders as checkFile does, leaves no temporary file, and file requests still answer after five FIFOs', async () => {
    const fifos = [1, 2, 3, 4, 5].map((i) => path.join(dir, 'fix-fifo', `p${i}.jsonl`));
    mkdirSync(path.dirname(fifos[0]!));
    for (const fifo of fifos) assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    // Five at once: a read blocked on each would hold every thread file requests share.
    const refusals = await Promise.allSettled(
      fifos.map((fifo) =>
        h.connection.sendRequest(Methods.fixFile, { uri: pathToFileURL(fifo).toString() }),
      ),
    );
    for (const refusal of refusals) {
      assert.equal(refusal.status, 'rejected');
      assert.match(
        String((refusal as PromiseRejectedResult).reason),
        /Not fixed: \S+p\d\.jsonl is a named pipe \(FIFO\); batchlint fixes regular files only/,
      );
    }
    await assert.rejects(
      h.connection.sendRequest(Methods.fixFile, { uri: '/dev/zero', inPlace: true }),
      /is a device/,
    );
    await assert.rejects(
      h.connection.sendRequest(Methods.fixFile, { uri: path.join(dir, 'fix-fifo') }),
      /Not fixed: \S+ is a folder/,
    );
    assert.deepEqual(readdirSync(path.dirname(fifos[0]!)).sort(), [
      'p1.jsonl',
      'p2.jsonl',
      'p3.jsonl',
      'p4.jsonl',
      'p5.jsonl',
    ]);
    // A regular file is still checked and fixed.
    const real = path.join(dir, 'fix-fifo', 'real.jsonl');
    writeFileSync(real, example('seed-mistakes.jsonl'));
    const checked: CheckFileResult = await h.connection.sendRequest(Methods.checkFile, {
      uri: pathToFileURL(real).toString(),
    });
    assert.equal(checked.errors, 3);
    const fixed: FixFileResult = await h.connection.sendRequest(Methods.fixFile, {
      uri: pathToFileURL(real).toString(),
    });
    assert.equal(fixed.errors, 0);
  });

  it('fixFile refuses an output that is a link to the file it fixes, and a read-only file in place', async () => {
    const sub = path.join(dir, 'fix-links');
    mkdirSync(sub);
    const file = path.join(sub, 'a.jsonl');
    const text = example('seed-mistakes.jsonl');
    writeFileSync(file, text);
    symlinkSync(file, path.join(sub, 'a.fixed.jsonl'));
    await assert.rejects(
      h.connection.sendRequest(Methods.fixFile, { uri: pathToFileURL(file).toString() }),
      /the output \S+a\.fixed\.jsonl is the input file itself; nothing was written \(remove it, or fix the file in place\)/,
    );
    const readOnly = path.join(sub, 'ro.jsonl');
    writeFileSync(readOnly, text);
    chmodSync(readOnly, 0o444);
    await assert.rejects(
      h.connection.sendRequest(Methods.fixFile, {
        uri: pathToFileURL(readOnly).toString(),
        inPlace: true,
      }),
      /ro\.jsonl is read-only \(mode 0444\); nothing was written/,
    );
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(readFileSync(readOnly, 'utf8'), text);
    assert.deepEqual(readdirSync(sub).sort(), ['a.fixed.jsonl', 'a.jsonl', 'ro.jsonl']);
  });
});
