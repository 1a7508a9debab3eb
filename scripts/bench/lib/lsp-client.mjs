// Starts the built language server (dist/server.js) over stdio with a real protocol client, for
// the language-server benches. Diagnostics are awaited by document version.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import rpc from 'vscode-languageserver-protocol/node';

/**
 * Returns { connection, server, diagnosticsOf(version), memory(), close() }. memory() reads the
 * server's resident set now and at its peak (VmRSS, VmHWM from /proc; MB, NaN elsewhere).
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
  return {
    connection,
    server,
    diagnosticsOf: (version) => new Promise((resolve) => waiting.set(version, resolve)),
    memory: () => ({ rssMb: status('VmRSS'), peakMb: status('VmHWM') }),
    async close() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      connection.dispose();
    },
  };
}
