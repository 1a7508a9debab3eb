// The packaged .vsix, installed the way a user installs it: it must activate on a batch file and
// report the seed problem without anything from the repository on its path.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  codeOf,
  openFixture,
  requestCount,
  waitFor,
  waitForDiagnostics,
} from '../helpers';

suite('installed extension', () => {
  test('is installed from the package, not the repository', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const extensionsDir = process.env.BATCHLINT_E2E_EXTENSIONS_DIR;
    assert.ok(extensionsDir, 'the runner passes the extensions folder it installed into');
    const at = ext.extensionUri.fsPath;
    assert.ok(at.startsWith(extensionsDir + path.sep), `loaded from ${at}, not ${extensionsDir}`);
    assert.notEqual(at, process.env.BATCHLINT_E2E_REPO);
  });

  test('activates on a batch file and reports its problem', async () => {
    const doc = await openFixture('chat-image-url-string.jsonl');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await waitFor('activation', () => (ext.isActive ? true : undefined));
    const diags = await waitForDiagnostics(doc.uri, (d) =>
      d.some((x) => codeOf(x) === 'invalid_type'),
    );
    assert.ok(diags.every((d) => d.source === 'batchlint'));
    const api = ext.exports as { statusText(): string };
    await waitFor('the status text to count 1 request', () =>
      requestCount(api.statusText()) === 1 ? true : undefined,
    );
  });
});
