// The extension's web entry point (package.json `browser`: vscode.dev, github.dev and other
// editors that run extensions in a web worker): the language server runs in a second web worker
// (dist/web/server.js) and talks over its message port. Everything else is shared with the
// desktop (./activate.ts), except "Check File on Disk…": there is no disk.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { start, stop } from './activate';
import type { BatchlintApi } from './activate';
import { documentSelector, filePatterns, syncMiddleware } from './documents';

// The web worker constructor of the extension host (this project compiles without the DOM library).
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): Promise<BatchlintApi> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  const worker = new Worker(serverMain.toString(true));
  const patterns = filePatterns();
  const client = new LanguageClient(
    'batchlint',
    'batchlint',
    {
      documentSelector: documentSelector(patterns, null),
      middleware: syncMiddleware(patterns),
      outputChannelName: 'batchlint',
    },
    worker,
  );
  return start(context, client, {});
}

export const deactivate = stop;
