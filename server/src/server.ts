// The language server's Node entry point: a connection over stdio, node IPC or a socket (from
// argv), the shared handlers (./lsp/serve.ts) and the one thing only Node can do here: read a
// file from disk for "Check File on Disk…".

import { checkFileOnDisk } from './lsp/check-file';
import { fixFileOnDisk } from './lsp/fix-file';
import { describeError } from './lsp/guard';
import { serve } from './lsp/serve';
import { connectFromArgv } from './lsp/transport';

const connection = connectFromArgv();
serve(connection, { checkFile: checkFileOnDisk, fixFile: fixFileOnDisk });

// A bug in one handler must not end the session for every other document.
const log = (error: unknown): void => {
  try {
    connection.console.error(`batchlint: unexpected error: ${describeError(error)}`);
  } catch {
    // The connection is gone; nothing left to tell.
  }
};
process.on('uncaughtException', log);
process.on('unhandledRejection', log);

connection.listen();
