// A batch file over the 50 MB VS Code hands to extensions: VS Code opens it without telling the
// extension host, so the extension finds it among the tabs, says so and checks it from disk at
// once; its problems land in the Problems panel (languages.getDiagnostics, what the panel
// lists). "Fix File on Disk…" then writes its safe fixes to NAME.fixed.jsonl. The file is
// generated here (never committed) and removed afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fixtureUri, waitFor, waitForDiagnostics } from '../helpers';

const NAME = 'large-over-50mb.jsonl';
const LIMIT = 50 * 1024 * 1024;

/** About 53 MB: 48,000 requests of 1.1 KB, the second with an image_url given as a string. */
function largeBatch(): Uint8Array {
  const padding = 'lorem ipsum '.repeat(85);
  const lines: string[] = [];
  for (let i = 0; i < 48_000; i++) {
    const content =
      i === 1
        ? `[{"type":"text","text":"${padding}"},{"type":"image_url","image_url":"https://example.com/a.png"}]`
        : `"${padding}"`;
    lines.push(
      `{"custom_id":"r${i}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":${content}}]}}`,
    );
  }
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

suite('files over 50 MB', () => {
  const uri = fixtureUri(NAME);
  const fixed = fixtureUri(NAME.replace(/\.jsonl$/, '.fixed.jsonl'));

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const u of [uri, fixed]) await vscode.workspace.fs.delete(u).then(undefined, () => {});
  });

  test('opening one checks it from disk: its problems are in the Problems panel', async function () {
    this.timeout(240_000);
    const bytes = largeBatch();
    assert.ok(bytes.length > LIMIT, `generated ${bytes.length} bytes`);
    await vscode.workspace.fs.writeFile(uri, bytes);
    await vscode.commands.executeCommand('vscode.open', uri);
    // VS Code never gives the extension host this file's text…
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    // …yet its problem arrives, on line 2, from the check on disk.
    const diagnostics = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'invalid_type'),
      'the problems of the file over 50 MB',
      200_000,
    );
    const problem = diagnostics.find((d) => codeOf(d) === 'invalid_type')!;
    assert.equal(problem.range.start.line, 1);
    assert.match(problem.message, /^Invalid type for 'messages\[0\]\.content\[1\]\.image_url'/);
  });

  test('"Fix File on Disk…" writes the safe fixes beside it', async function () {
    this.timeout(240_000);
    const result = await vscode.commands.executeCommand<{ applied: number; errors: number }>(
      'batchlint.fixFileOnDisk',
      uri,
      'copy',
    );
    assert.ok(result, 'the command returns what it wrote');
    assert.equal(result.applied, 1);
    assert.equal(result.errors, 0);
    const text = await waitFor('the fixed file', async () =>
      vscode.workspace.fs.stat(fixed).then(
        async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixed)),
        () => undefined,
      ),
    );
    assert.match(text.split('\n')[1]!, /"image_url":\{"url":"https:\/\/example\.com\/a\.png"\}/);
  });
});
