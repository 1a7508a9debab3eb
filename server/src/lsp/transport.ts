// The connection to the editor. Over stdio the message reader is ours, so that a framing error
// (random bytes, `Content-Length: abc`) ends the process instead of leaving it alive and deaf:
// the reader cannot find the next message boundary again, and an editor restarts a language
// server that exits. Other transports (node IPC, sockets, pipes) are set up by the library
// from argv as before. A Content-Length over MAX_CONTENT_LENGTH is such an error too (see
// message-reader.ts).

import { format } from 'node:util';
import {
  ProposedFeatures,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import type { Connection } from 'vscode-languageserver/node';
import { ContentLengthReader } from './message-reader';

/** Exit status after a framing error (LSP: 1 when the process ends without a shutdown request). */
export const FRAMING_EXIT_CODE = 1;

/**
 * Creates the server's connection from the command line (`--stdio`, `--node-ipc`,
 * `--socket=N`, `--pipe=NAME`). Over stdio, an unreadable input ends the process with
 * FRAMING_EXIT_CODE after one line on stderr; the end of the input ends it with 0 after a
 * shutdown request, else 1.
 */
export function connectFromArgv(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  // Ours: one buffer per message, freed before its JSON is parsed (message-reader.ts).
  const reader = new ContentLengthReader(process.stdin);
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
