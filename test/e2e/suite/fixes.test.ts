// Quick fixes through the editor's own code-action machinery: ask at a diagnostic, apply the
// returned WorkspaceEdit, and watch the server withdraw the diagnostic.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, revert, waitForDiagnostics } from '../helpers';

interface Case {
  file: string;
  code: string;
  /** Part of the diagnostic's message that tells it apart. */
  param: string;
  /** The title of the fix to apply. */
  fix: RegExp;
}

const CASES: Case[] = [
  {
    file: 'chat-image-url-string.jsonl',
    code: 'invalid_type',
    param: "'messages[0].content[1].image_url'",
    fix: /^Wrap the URL as \{"url": …\}$/,
  },
  {
    file: 'responses-messages.jsonl',
    code: 'unsupported_parameter',
    param: "'messages'",
    fix: /^Rename 'messages' to 'input'$/,
  },
  {
    file: 'chat-input-image.jsonl',
    code: 'invalid_value',
    param: "'input_image'",
    fix: /^Change to a chat image part/,
  },
];

/** How many returned actions the editor resolves (the server computes edits lazily). */
const RESOLVE = 20;

/** Title, whether it carries an edit, and how many diagnostics it names: for failure messages. */
function describe(a: vscode.CodeAction): string {
  return `${a.title} [edit: ${a.edit ? a.edit.size : 'none'}, diagnostics: ${a.diagnostics?.length ?? 0}]`;
}

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
          // The server fills in edits on codeAction/resolve; ask the editor to resolve them.
          RESOLVE,
        );
        // The editor's command drops each action's `diagnostics`, so the fix is picked by title.
        const fix = (actions ?? []).find((a) => c.fix.test(a.title));
        assert.ok(
          fix?.edit,
          `no quick fix with an edit for it; offered: ${(actions ?? []).map(describe).join(' | ')}`,
        );
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
