// The connection to the editor. Over stdio the message reader is ours, so that a framing error
// (random bytes, `Content-Length: abc`) ends the process instead of leaving it alive and deaf:
// the reader cannot find the next message boundary again, and an editor restarts a language
// server that exits. Other transports (node IPC, sockets, pipes) are set up by the library
// from argv as before. A Content-Length over MAX_CONTENT_LENGTH is such an error too.

import { format } from 'node:util';
import {
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';

/** Exit status after a framing error (LSP: 1 when the process ends without a shutdown request). */
export const FRAMING_EXIT_CODE = 1;

/**
 * The largest Content-Length taken: 1 GiB, far above any message an editor sends (VS Code hands
 * over documents up to 50 MB; a 200 MB file escaped as JSON stays well under it). A larger one
 * is a framing error: waiting for its body would leave the server alive and deaf for good.
 */
export const MAX_CONTENT_LENGTH = 1 << 30;

/** The reader's header parser (vscode-jsonrpc's message buffer), as far as the cap needs it. */
interface HeaderBuffer {
  tryReadHeaders(lowerCaseKeys?: boolean): Map<string, string> | undefined;
}

/**
 * Caps the Content-Length the reader takes where it reads the header: a larger one is thrown as
 * a framing error (which the reader reports through onError) before any of its body is awaited.
 */
function capContentLength(reader: StreamMessageReader): void {
  const buffer = (reader as unknown as { buffer: HeaderBuffer }).buffer;
  const read = buffer.tryReadHeaders.bind(buffer);
  buffer.tryReadHeaders = (lowerCaseKeys) => {
    const headers = read(lowerCaseKeys);
    const declared = headers?.get(lowerCaseKeys ? 'content-length' : 'Content-Length');
    if (declared !== undefined && Number(declared) > MAX_CONTENT_LENGTH)
      throw new Error(
        `Content-Length ${declared.trim()} is over the ${MAX_CONTENT_LENGTH} bytes (1 GiB) a message may hold`,
      );
    return headers;
  };
}

/**
 * Creates the server's connection from the command line (`--stdio`, `--node-ipc`,
 * `--socket=N`, `--pipe=NAME`). Over stdio, an unreadable input ends the process with
 * FRAMING_EXIT_CODE after one line on stderr; the end of the input ends it with 0 after a
 * shutdown request, else 1.
 */
export function connectFromArgv(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  capContentLength(reader);
  const writer = new StreamMessageWriter(process.stdout);
  let shutdown = false;
  reader.onError((error) => {
    process.stderr.write(
      `batchlint: the input is not LSP messages (${error.message.split('\n')[0]}); exiting so the editor can restart the server\n`,
    );
    process.exit(FRAMING_EXIT_CODE);
  });
  reader.onClose(() => {
    // Said like a framing error, so an input cut mid-message is not a silent exit.
    if (!shutdown)
      process.stderr.write('batchlint: the input ended before a shutdown request; exiting\n');
    process.exit(shutdown ? 0 : 1);
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  connection.onShutdown(() => {
    shutdown = true;
  });
  // stdout carries the protocol: anything a dependency prints goes to the client's log instead.
  const toLog = (...args: unknown[]): void => connection.console.log(format(...args));
  console.log = toLog;
  console.info = toLog;
  console.debug = toLog;
  return connection;
}
