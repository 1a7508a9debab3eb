// The status bar summary (read through the extension's exported API) and the master switch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openFixture, waitFor, waitForDiagnostics } from '../helpers';

suite('status bar and settings', () => {
  test('the status text counts the requests of the active batch file', async () => {
    const api = await extensionApi();
    await openFixture('clean-batch.jsonl');
    const text = await waitFor('a status text with 5 requests', () => {
      const t = api.statusText();
      return /\b5\b/.test(t) ? t : undefined;
    });
    assert.match(text, /request/i);
    await openFixture('convert-chat.jsonl');
    await waitFor('the status text to follow the active editor', () =>
      /\b2\b/.test(api.statusText()) ? true : undefined,
    );
  });

  test('batchlint.enable = false clears diagnostics, true brings them back', async () => {
    const doc = await openFixture('chat-image-url-string.jsonl');
    await waitForDiagnostics(doc.uri);
    const config = () => vscode.workspace.getConfiguration('batchlint');
    try {
      await config().update('enable', false, vscode.ConfigurationTarget.Global);
      await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics');
    } finally {
      await config().update('enable', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDiagnostics(doc.uri, (d) => d.length > 0, 'diagnostics to return');
  });
});
