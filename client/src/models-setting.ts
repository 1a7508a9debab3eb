// The `batchlint.models` setting: a path to the user's model table (the file `--models` reads on
// the command line). The client reads it through the editor's file system, so it works on the
// desktop and in the web alike, and sends its text to the server; the server checks it and says
// what is wrong with a bad one. Re-sent when the setting or the file changes.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Methods, Settings } from '../../server/src/protocol';
import type { ModelsParams } from '../../server/src/protocol';

/** The setting's file as a URI: absolute, `~/`, or relative to the first workspace folder. */
export function modelsUri(path: string): vscode.Uri | undefined {
  if (path === '') return undefined;
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return vscode.Uri.parse(path);
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return vscode.Uri.file(path);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, path) : undefined;
}

async function read(path: string): Promise<ModelsParams> {
  const uri = modelsUri(path);
  if (path === '') return { path };
  if (!uri) return { path, error: 'a relative path needs an open workspace folder.' };
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { path, text: new TextDecoder().decode(bytes) };
  } catch (error) {
    return {
      path,
      error: `cannot read it (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
}

/** Sends the model table now and whenever the setting or its file changes. */
export function syncModels(client: BaseLanguageClient): vscode.Disposable {
  let watcher: vscode.FileSystemWatcher | undefined;
  const current = (): string =>
    vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.models, '').trim();
  const send = async (): Promise<void> => {
    const path = current();
    await client.sendNotification(Methods.models, await read(path));
  };
  const watch = (): void => {
    watcher?.dispose();
    watcher = undefined;
    const uri = modelsUri(current());
    if (!uri) return;
    watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!),
    );
    watcher.onDidChange(() => void send());
    watcher.onDidCreate(() => void send());
    watcher.onDidDelete(() => void send());
  };
  watch();
  void send();
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (!event.affectsConfiguration(`${Settings.section}.${Settings.models}`)) return;
    watch();
    void send();
  });
  return { dispose: () => (listener.dispose(), watcher?.dispose()) };
}
