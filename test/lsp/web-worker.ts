// Runs the web-worker build of the language server (dist/web/server.js) in a Node worker thread
// and connects a real protocol client to its message port, as VS Code for the Web does with a
// browser worker: each JSON-RPC message is one structured-clone message on the port, with no
// framing. The worker sees Node's `parentPort` as `self`: it has postMessage, onmessage and
// addEventListener, all the server's browser transport uses.

import { Worker } from 'node:worker_threads';
import path from 'node:path';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { DataCallback, Disposable, Message } from 'vscode-languageserver-protocol/node';
import { LspHarness, ROOT } from './harness';
import type { HarnessOptions, ServerHandle } from './harness';

export const WEB_SERVER = path.join(ROOT, 'dist', 'web', 'server.js');

/**
 * Reads messages posted by a worker: one JSON-RPC message per posted message, no framing (what
 * the library's browser reader does with a worker's port). The source calls `deliver`.
 */
export class PostedMessageReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }
  fail(error: Error): void {
    this.fireError(error);
  }
  close(): void {
    this.fireClose();
  }
  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => (this.callback = undefined) };
  }
}

/** Posts each message to a worker through `post`, one after another. */
export class PostedMessageWriter extends AbstractMessageWriter {
  private last: Promise<void> = Promise.resolve();

  constructor(private readonly post: (message: Message) => Promise<void> | void) {
    super();
  }
  write(message: Message): Promise<void> {
    this.last = this.last.then(() => this.post(message));
    return this.last;
  }
  end(): void {}
}

export function startWebWorker(options: HarnessOptions = {}): Promise<LspHarness> {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     globalThis.self = parentPort;
     require(${JSON.stringify(WEB_SERVER)});`,
    { eval: true },
  );
  const handle: ServerHandle = {
    onExit: (listener) => worker.once('exit', listener),
    kill: () => void worker.terminate(),
    exitsOnExit: false,
  };
  const reader = new PostedMessageReader();
  worker.on('message', (message: Message) => reader.deliver(message));
  worker.on('error', (error: Error) => reader.fail(error));
  worker.on('exit', () => reader.close());
  const writer = new PostedMessageWriter((message) => worker.postMessage(message));
  const connection = createProtocolConnection(reader, writer);
  return LspHarness.connect(handle, connection, options);
}
