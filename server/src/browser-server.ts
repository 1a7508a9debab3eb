// The language server's web-worker entry point (VS Code for the Web): messages come and go over
// the worker's port. Same handlers as the Node server (./lsp/serve.ts); no disk, so no
// "Check File on Disk…".

import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
} from 'vscode-languageserver/browser';
import { describeError } from './lsp/guard';
import { serve } from './lsp/serve';

// In a dedicated worker `self` is the port to the page that started it.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: unknown) => void): void;
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
serve(connection);

// A bug in one handler must not end the session for every other document.
const log = (event: unknown): void => {
  const error =
    (event as { error?: unknown; reason?: unknown }).error ??
    (event as { reason?: unknown }).reason;
  connection.console.error(`batchlint: unexpected error: ${describeError(error ?? event)}`);
};
self.addEventListener('error', log);
self.addEventListener('unhandledrejection', log);

connection.listen();
