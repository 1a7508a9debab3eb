// Hover and completion as VS Code shows them (its own provider commands, what the editor's hover
// and suggest widgets call): a key's description, type, range, default and docs link; a model's
// facts from the model table; a key completed as a snippet with a typed default; deprecated
// keys struck through.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, waitFor, waitForDiagnostics } from '../helpers';

const LINE =
  '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","temperature":0.2,"messages":[{"role":"user","content":"Hi"}],"';

const hoverText = (hovers: vscode.Hover[]): string =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');

suite('hover and completion', () => {
  const uri = fixtureUri('assist.jsonl');
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri).then(undefined, () => {});
  });

  test('hover and completion read the schemas and the model table', async () => {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${LINE}\n`));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, () => true);
    const at = (needle: string, offset = 1): vscode.Position =>
      new vscode.Position(0, LINE.indexOf(needle) + offset);

    const temperature = await waitFor('a hover on temperature', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        uri,
        at('"temperature"'),
      );
      const text = hoverText(hovers);
      return /Range/.test(text) ? text : undefined;
    });
    assert.match(temperature, /Type: `number` \| `null` · Range: 0 to 2 · Default: `1`/);
    assert.match(temperature, /\[Documentation\]\(https:/);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      at('"gpt-4o-mini"'),
    );
    assert.match(hoverText(hovers), /Context window: 128,000 tokens/);
    assert.match(hoverText(hovers), /Batch price per 1M tokens/);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(0, LINE.length),
    );
    const byLabel = new Map(
      list.items.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i]),
    );
    const store = byLabel.get('store');
    assert.ok(store, [...byLabel.keys()].join(','));
    assert.ok(store.insertText instanceof vscode.SnippetString, 'inserted as a snippet');
    assert.equal(store.insertText.value, '"store": ${1:false}');
    assert.deepEqual(byLabel.get('functions')?.tags, [vscode.CompletionItemTag.Deprecated]);
  });
});
