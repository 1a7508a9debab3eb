// The "Convert to Responses format" command, run by id on a chat completions file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, revert, waitFor } from '../helpers';

const CONVERT = 'batchlint.convertToResponses';

interface Line {
  custom_id: string;
  url: string;
  body: Record<string, unknown>;
}

suite('convert to responses', () => {
  test('the command is registered', async () => {
    const all = await vscode.commands.getCommands(true);
    assert.ok(all.includes(CONVERT), `${CONVERT} is not registered`);
  });

  test('converts every request of a chat file', async () => {
    const doc = await openFixture('convert-chat.jsonl');
    const original = doc.getText();
    const ids = doc
      .getText()
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as Line).custom_id);
    try {
      await vscode.commands.executeCommand(CONVERT);
      // The server sends the edit back through workspace/applyEdit, after the command returns.
      await waitFor('the converted text', () =>
        doc.getText().includes('/v1/chat/completions') ? undefined : true,
      );
      const lines = doc
        .getText()
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Line);
      assert.deepEqual(
        lines.map((l) => l.custom_id),
        ids,
        'same requests, same order',
      );
      for (const l of lines) {
        assert.equal(l.url, '/v1/responses');
        assert.equal(l.body.messages, undefined, 'messages is gone');
        assert.ok(Array.isArray(l.body.input) || typeof l.body.input === 'string', 'input is set');
        assert.equal(l.body.max_completion_tokens, undefined);
        assert.equal(l.body.max_output_tokens, 50);
        assert.equal(l.body.model, 'gpt-4.1-mini');
      }
      // The whole conversion is one edit: a single undo gives the original text back.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      await waitFor('the text before the conversion', () =>
        doc.getText() === original ? true : undefined,
      );
    } finally {
      await revert(doc);
    }
  });
});
