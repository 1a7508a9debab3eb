// Quick fixes through the editor's own code-action machinery: ask at a diagnostic, apply the
// returned WorkspaceEdit, and watch the server withdraw the diagnostic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, revert, waitForDiagnostics } from '../helpers';

const CASES = [
  {
    file: 'chat-image-url-string.jsonl',
    code: 'invalid_type',
    param: "'messages[0].content[1].image_url'",
  },
  { file: 'responses-messages.jsonl', code: 'unsupported_parameter', param: "'messages'" },
  { file: 'chat-input-image.jsonl', code: 'invalid_value', param: "'input_image'" },
];

suite('quick fixes', () => {
  for (const c of CASES) {
    test(`${c.file}: a quick fix for ${c.code} removes it`, async () => {
      const doc = await openFixture(c.file);
      const matches = (d: vscode.Diagnostic) => codeOf(d) === c.code && d.message.includes(c.param);
      try {
        const diags = await waitForDiagnostics(doc.uri, (d) => d.some(matches));
        const target = diags.find(matches);
        assert.ok(target);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          target.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        const fixes = (actions ?? []).filter(
          (a) => a.edit && a.diagnostics?.some((d) => d.message === target.message),
        );
        assert.ok(
          fixes.length > 0,
          `no quick fix for it; offered: ${(actions ?? []).map((a) => a.title).join(' | ')}`,
        );
        const fix = fixes.find((a) => a.isPreferred) ?? fixes[0];
        assert.ok(fix?.edit);
        const before = doc.version;
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true, `applying "${fix.title}"`);
        assert.ok(doc.version > before, 'the edit changed the document');
        await waitForDiagnostics(
          doc.uri,
          (d) => !d.some((x) => x.message === target.message),
          `"${fix.title}" to clear ${c.code}`,
        );
        // The repaired line must still be one JSON object.
        JSON.parse(doc.lineAt(target.range.start.line).text);
      } finally {
        await revert(doc);
      }
    });
  }
});
