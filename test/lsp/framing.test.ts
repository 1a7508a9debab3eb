// A server that can no longer read its input must end, so the editor restarts it: a framing
// error never leaves the process alive and deaf. Each case is the smallest input that broke it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { SERVER } from './harness';

/** Starts the server over stdio, writes `input`, and resolves with how the process ended. */
function feed(input: Buffer | string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  // The server may exit before everything is written; that is the point.
  child.stdin.on('error', () => {});
  const ended = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  child.stdin.write(input);
  return ended;
}

function message(body: unknown): string {
  const json = JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

const INITIALIZE = message({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { processId: null, rootUri: null, capabilities: {} },
});

/** Seeded bytes (a small LCG): the same "random" input on every run. */
function seededBytes(count: number, seed: number): Buffer {
  const bytes = Buffer.alloc(count);
  let state = seed;
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[i] = state >>> 16;
  }
  return bytes;
}

describe('framing errors end the server', { timeout: 30_000 }, () => {
  it('Content-Length: abc', async () => {
    const { code, stderr } = await feed('Content-Length: abc\r\n\r\n{}');
    assert.equal(code, 1);
    assert.match(stderr, /not LSP messages .*Content-Length/);
  });

  it('a header without Content-Length', async () => {
    const { code } = await feed('Content-Type: x\r\n\r\n{}');
    assert.equal(code, 1);
  });

  it('random bytes, then a valid request', async () => {
    const { code, stderr } = await feed(
      Buffer.concat([seededBytes(4096, 7), Buffer.from(INITIALIZE)]),
    );
    assert.equal(code, 1);
    assert.match(stderr, /exiting so the editor can restart the server/);
  });

  it('a body that is not JSON', async () => {
    const { code } = await feed('Content-Length: 5\r\n\r\n{bad}');
    assert.equal(code, 1);
  });

  it('a Content-Length over the 1 GiB cap (99999999999), with or without a body after it', async () => {
    for (const input of [
      'Content-Length: 99999999999\r\n\r\n{}',
      `Content-Length: ${2 ** 30 + 1}\r\n\r\n{"jsonrpc":"2.0"`,
      `${INITIALIZE}Content-Length: 2000000000\r\n\r\n{`,
    ]) {
      const { code, stderr } = await feed(input);
      assert.equal(code, 1, input);
      assert.match(stderr, /not LSP messages \(Content-Length \d+ is over the 1073741824 bytes/);
    }
  });

  it('the end of the input without a shutdown request exits with 1', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    child.stdout.resume();
    const ended = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end(INITIALIZE);
    assert.equal(await ended, 1);
  });

  it('a Content-Length longer than the message, then the end of the input: exit 1 with its reason', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const ended = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.end('Content-Length: 500\r\n\r\n{"jsonrpc":"2.0"}');
    assert.equal(await ended, 1);
    assert.match(stderr, /the input ended before a shutdown request; exiting/);
  });
});
