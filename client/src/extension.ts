// The extension's desktop entry point (package.json `main`): the language server runs as a Node
// process beside the editor (./language-client.ts), and the features that read files from disk
// (Check File on Disk…, batch results, retry and split) are on. The rest is shared with the web
// (./activate.ts).

import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { start, stop } from './activate';
import type { BatchlintApi } from './activate';
import { checkFileOnDisk, fixFileOnDisk } from './check-file-command';
import { filePatterns } from './documents';
import { watchLargeFiles } from './large-files';
import { compileFilePatterns } from '../../server/src/lsp/file-patterns';
import { createClient } from './language-client';
import { registerResults } from './results';

export type { BatchlintApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<BatchlintApi> {
  const patterns = compileFilePatterns(filePatterns());
  return start(context, createClient(context), {
    diskFeatures: (client) => [
      vscode.commands.registerCommand(Commands.checkFileOnDisk, (uri?: vscode.Uri) =>
        checkFileOnDisk(client, uri),
      ),
      vscode.commands.registerCommand(
        Commands.fixFileOnDisk,
        (uri?: vscode.Uri, choice?: 'copy' | 'inPlace') => fixFileOnDisk(client, uri, choice),
      ),
      watchLargeFiles(
        (uri) => /\.jsonl$/i.test(uri.path) || patterns.matches(uri.toString()),
        async (uri) => {
          await client.start(); // resolves at once when it is running; waits while it starts
          return checkFileOnDisk(client, uri);
        },
      ),
      ...registerResults(),
    ],
  });
}

export const deactivate = stop;
