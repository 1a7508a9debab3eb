// Starts the built language server (dist/server.js) over stdio with a real protocol client, for
// the language-server benches. Diagnostics are awaited by document version.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import rpc from 'vscode-languageserver-protocol/node';

/**
 * Returns { connection, server, diagnosticsOf(version), open(uri, text), edit(uri, version,
 * range, text), memory(), close() }. open (version 1) and edit send the change and resolve to
 * { ms, diagnostics } once the diagnostics of that version are published (ms: wall time from
 * sending). memory() reads the server's resident set now and at its peak (VmRSS, VmHWM from
 * /proc; MB, NaN elsewhere).
 */
export async function startServer(root) {
  const server = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const connection = rpc.createProtocolConnection(
    new rpc.StreamMessageReader(server.stdout),
    new rpc.StreamMessageWriter(server.stdin),
  );
  /** Resolvers waiting for the diagnostics of a given document version. */
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params.diagnostics);
    }
  });
  connection.onRequest(() => null); // configuration and the like: defaults
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  });
  connection.sendNotification('initialized', {});
  const status = (field) => {
    try {
      const text = readFileSync(`/proc/${server.pid}/status`, 'utf8');
      return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(text)?.[1] ?? NaN) / 1024;
    } catch {
      return NaN;
    }
  };
  const diagnosticsOf = (version) => new Promise((resolve) => waiting.set(version, resolve));
  /** Sends a notification and times it to the diagnostics of `version`. */
  const timed = async (version, method, params) => {
    const published = diagnosticsOf(version);
    const t0 = performance.now();
    connection.sendNotification(method, params);
    const diagnostics = await published;
    return { ms: performance.now() - t0, diagnostics };
  };
  return {
    connection,
    server,
    diagnosticsOf,
    open: (uri, text) =>
      timed(1, 'textDocument/didOpen', {
        textDocument: { uri, languageId: 'jsonl', version: 1, text },
      }),
    edit: (uri, version, range, text) =>
      timed(version, 'textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text }],
      }),
    memory: () => ({ rssMb: status('VmRSS'), peakMb: status('VmHWM') }),
    async close() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      connection.dispose();
    },
  };
}
