// The status bar summary (read through the extension's exported API) and the master switch.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi, openFixture, requestCount, waitFor, waitForDiagnostics } from '../helpers';

suite('status bar and settings', () => {
  test('the status text counts the requests of the active batch file', async () => {
    const api = await extensionApi();
    await openFixture('clean-batch.jsonl');
    await waitFor(
      'a status text with 5 requests',
      () => (requestCount(api.statusText()) === 5 ? true : undefined),
      undefined,
      api.statusText,
    );
    await openFixture('convert-chat.jsonl');
    await waitFor(
      'the status text to follow the active editor (2 requests)',
      () => (requestCount(api.statusText()) === 2 ? true : undefined),
      undefined,
      api.statusText,
    );
  });

  test('the item is compact; its tooltip has the details and the estimate with the table date', async () => {
    const api = await extensionApi();
    await openFixture('clean-batch.jsonl');
    const tooltip = await waitFor(
      'a tooltip with the estimate',
      () => {
        const t = api.statusTooltip();
        return t && /\*\*Estimate\*\*/.test(t) ? t : undefined;
      },
      undefined,
      () => api.statusTooltip() ?? '(hidden)',
    );
    assert.match(api.statusText() ?? '', /^\$\((check|warning|error)\) (\d+ · )?5 requests$/);
    assert.match(tooltip, /5 requests of at most 50,000 · [\d.]+ kB of at most 200 MB/);
    assert.match(tooltip, /model table of \d{4}-\d{2}-\d{2}/);
    assert.match(tooltip, /input tokens, at most [\d,]+ output tokens/);
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
