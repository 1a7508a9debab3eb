// Files over the 50 MB VS Code hands to extensions: when one opens (VS Code shows it, after
// "Open Anyway", but never gives its text to extensions, so the server never hears of it), the
// tab is the only sign. A `.jsonl` file (or one matching batchlint.files) that is open in a tab,
// over the limit and unknown to the extension host is said to be so and checked from disk at
// once, with progress and a Cancel button.

import * as vscode from 'vscode';

/** VS Code's limit on a file synced to extensions (its `_MAX_FILE_SIZE_FOR_EXTENSIONS`: 50 MB). */
export const EXTENSION_FILE_LIMIT = 50 * 1024 * 1024;

export function watchLargeFiles(
  isCandidate: (uri: vscode.Uri) => boolean,
  check: (uri: vscode.Uri) => Promise<unknown>,
): vscode.Disposable {
  const seen = new Set<string>();
  const consider = async (uri: vscode.Uri): Promise<void> => {
    const key = uri.toString();
    if (uri.scheme !== 'file' || seen.has(key) || !isCandidate(uri)) return;
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    seen.add(key);
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      seen.delete(key);
      return;
    }
    if (size <= EXTENSION_FILE_LIMIT) {
      seen.delete(key);
      return;
    }
    const mb = (size / 1_000_000).toFixed(1);
    void vscode.window.showInformationMessage(
      `batchlint: ${uri.path.slice(uri.path.lastIndexOf('/') + 1)} is ${mb} MB, over the 50 MB VS Code gives extensions, so it cannot be checked as you type. It is checked from disk now; run "batchlint: Check File on Disk…" again after saving changes.`,
    );
    await check(uri);
  };
  const scan = (tabs: readonly vscode.Tab[]): void => {
    for (const tab of tabs) {
      if (tab.input instanceof vscode.TabInputText) void consider(tab.input.uri);
    }
  };
  scan(vscode.window.tabGroups.all.flatMap((g) => g.tabs));
  return vscode.window.tabGroups.onDidChangeTabs((event) => {
    scan([...event.opened, ...event.changed]);
    for (const tab of event.closed) {
      if (tab.input instanceof vscode.TabInputText) seen.delete(tab.input.uri.toString());
    }
  });
}
