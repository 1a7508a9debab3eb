// "Fix File on Disk…" behind the editor's command: the server streams a file's safe fixes into
// NAME.fixed.jsonl beside it, or over the file when asked. (A cancelled check of a file on disk:
// server-behaviour.test.ts.)

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Methods } from '../../server/src/protocol';
import type { FixFileResult } from '../../server/src/protocol';
import { LspHarness, example } from './harness';

describe('fixing a file on disk', () => {
  let h: LspHarness;
  let dir: string;
  before(async () => {
    h = await LspHarness.start();
    dir = mkdtempSync(path.join(tmpdir(), 'batchlint-fix-file-'));
  });
  after(async () => {
    await h.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the safe fixes to NAME.fixed.jsonl and leaves the file as it was', async () => {
    const file = path.join(dir, 'seed.jsonl');
    const text = example('seed-mistakes.jsonl');
    writeFileSync(file, text);
    const result: FixFileResult = await h.connection.sendRequest(Methods.fixFile, {
      uri: pathToFileURL(file).toString(),
    });
    const fixed = path.join(dir, 'seed.fixed.jsonl');
    assert.equal(result.uri, pathToFileURL(fixed).toString());
    assert.ok(result.applied >= 3, `applied ${result.applied}`);
    assert.equal(result.errors, 0);
    assert.equal(readFileSync(file, 'utf8'), text, 'the input is untouched');
    const out = readFileSync(fixed, 'utf8');
    assert.match(out, /"type":"text","text":"What is in this image\?"/);
    assert.match(out, /"image_url":\{"url":"data:image\/png;base64,/);
  });

  it('rewrites the file itself when asked', async () => {
    const file = path.join(dir, 'in-place.jsonl');
    writeFileSync(file, example('seed-mistakes.jsonl'));
    const result: FixFileResult = await h.connection.sendRequest(Methods.fixFile, {
      uri: pathToFileURL(file).toString(),
      inPlace: true,
    });
    assert.equal(result.uri, pathToFileURL(file).toString());
    assert.equal(result.errors, 0);
    assert.match(readFileSync(file, 'utf8'), /"image_url":\{"url":"data:image/);
  });
});
