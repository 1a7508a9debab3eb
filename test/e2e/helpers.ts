// Shared steps for the real-editor suites: find the fixture workspace, open files, and wait for
// the language server by polling the editor's own state (never a fixed sleep).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The id in package.json (`publisher.name`). */
export const EXTENSION_ID = 'batchlint.batchlint';

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
  /** What there was instead, for the failure message. */
  found?: () => string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const instead = found ? `; found: ${found()}` : '';
      assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}${instead}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The fixture folder the runner opened (a copy of test/e2e/workspace, so edits stay there). */
export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open the fixture workspace folder');
  return folder.uri;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), name);
}

/** Opens a fixture in an editor, so the language client syncs it to the server. */
export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Discards in-memory edits so later tests see the fixture as it is on disk. */
export async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor('the document to be reverted', () => (doc.isDirty ? undefined : true));
}

/** Waits until the document has diagnostics that satisfy `ok`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (d: readonly vscode.Diagnostic[]) => boolean = (d) => d.length > 0,
  what = 'diagnostics',
  timeoutMs?: number,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} on ${uri.path.split('/').pop()}`,
    () => {
      const diags = vscode.languages.getDiagnostics(uri);
      return ok(diags) ? diags : undefined;
    },
    timeoutMs,
    () =>
      JSON.stringify(
        vscode.languages
          .getDiagnostics(uri)
          .map((d) => `${show(d.range)} ${codeOf(d) ?? ''}: ${d.message}`),
      ),
  );
}

/** The code of a diagnostic as a string, whether the server sent a bare code or a {value, target}. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/**
 * The range of the `occurrence`-th match of `needle` on `line`, so a test can say "the value
 * 'input_image'" instead of a bare column number that hides what it points at.
 */
export function rangeOf(
  doc: vscode.TextDocument,
  line: number,
  needle: string,
  occurrence = 0,
): vscode.Range {
  const text = doc.lineAt(line).text;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `fixture line ${line} has no ${needle} (occurrence ${occurrence})`);
  }
  return new vscode.Range(line, at, line, at + needle.length);
}

/** "3:10-3:25" for readable assertion failures. */
export function show(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Returns the extension's activated API, activating it if the editor has not yet. */
export interface TestApi {
  statusText(): string;
  statusTooltip(): string | undefined;
}

export async function extensionApi(): Promise<TestApi> {
  const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this editor`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** The number before "requests" ("5 requests", or "5/50,000 requests" with the API's limit). */
export function requestCount(text: string): number | undefined {
  const m = /(\d[\d,]*)(?:\/[\d,]+)? requests?\b/.exec(text);
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : undefined;
}
