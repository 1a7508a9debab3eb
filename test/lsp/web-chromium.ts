// Runs the web-worker build of the language server in a real browser: headless Chromium loads a
// page from a loopback HTTP server, the page starts dist/web/server.js as a Web Worker, and the
// page relays the worker's messages to a protocol client here (and ours to it) unchanged.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { Message } from 'vscode-languageserver-protocol/node';
import { LspHarness, ROOT } from './harness';
import type { HarnessOptions } from './harness';
import { PostedMessageReader, PostedMessageWriter, WEB_SERVER } from './web-worker';

interface Browser {
  page: {
    exposeFunction(name: string, fn: (...args: never[]) => unknown): Promise<void>;
    goto(url: string): Promise<unknown>;
    evaluate<A>(fn: (arg: A) => void, arg: A): Promise<void>;
  };
  close(): Promise<void>;
}
type Launch = (executablePath: string) => Promise<Browser>;
type Find = () => string | undefined;

const PAGE = `<!doctype html><meta charset="utf-8"><title>batchlint worker</title><script>
  const worker = new Worker('/server.js');
  worker.onmessage = (event) => window.fromWorker(event.data);
  worker.onerror = (event) => window.workerError(String(event.message));
  window.toWorker = (message) => worker.postMessage(message);
</script>`;

/** The Chromium the real-editor tests use (CHROMIUM or the first on PATH), if there is one. */
export async function findChromium(): Promise<string | undefined> {
  const lib = (await import(path.join(ROOT, 'scripts', 'e2e', 'code-server.mjs'))) as {
    findChromium: Find;
  };
  return lib.findChromium();
}

export async function startInChromium(
  chromium: string,
  options: HarnessOptions = {},
): Promise<LspHarness> {
  const script = readFileSync(WEB_SERVER);
  const http = createServer((request, response) => {
    const js = request.url === '/server.js';
    response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' });
    response.end(js ? script : PAGE);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const lib = (await import(path.join(ROOT, 'scripts', 'e2e', 'code-server.mjs'))) as {
    launchBrowser: Launch;
  };
  const browser = await lib.launchBrowser(chromium);
  const reader = new PostedMessageReader();
  const exitListeners: (() => void)[] = [];
  await browser.page.exposeFunction('fromWorker', (message: Message) => reader.deliver(message));
  await browser.page.exposeFunction('workerError', (message: string) =>
    reader.fail(new Error(message)),
  );
  await browser.page.goto(`http://127.0.0.1:${port}/`);
  const writer = new PostedMessageWriter((message) =>
    browser.page.evaluate(
      (m) => (globalThis as unknown as { toWorker(m: unknown): void }).toWorker(m),
      message,
    ),
  );
  const stop = async (): Promise<void> => {
    await browser.close();
    http.close();
    reader.close();
    for (const listener of exitListeners) listener();
  };
  return LspHarness.connect(
    {
      onExit: (listener) => exitListeners.push(listener),
      kill: () => void stop(),
      exitsOnExit: false,
    },
    createProtocolConnection(reader, writer),
    options,
  );
}
