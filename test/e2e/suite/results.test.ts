// A finished batch's results in VS Code: "Show Batch Results" puts a failed request's problem on
// its input line (on the value the API names, with its own source), the hover tells a request's
// result, "Extract Requests to Retry" writes the lines to send again, and the results clear.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  codeOf,
  fixtureUri,
  openFixture,
  rangeOf,
  show,
  waitFor,
  waitForDiagnostics,
} from '../helpers';

const SHOW = 'batchlint.showBatchResults';
const RETRY = 'batchlint.extractRetry';
const CLEAR = 'batchlint.clearBatchResults';
const SOURCE = 'batchlint-results';

const fromResults = (d: vscode.Diagnostic): boolean => d.source === SOURCE;

interface Summary {
  requests: number;
  succeeded: number;
  failed: number;
  expired: number;
  missing: number;
}

suite('batch results', () => {
  test('the commands are registered', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of [SHOW, RETRY, CLEAR, 'batchlint.splitFile'])
      assert.ok(all.includes(id), `${id} is not registered`);
  });

  test('results land on their input lines, the hover tells them, the retry file holds the failed lines', async () => {
    const doc = await openFixture('results/batch.jsonl');
    const files = [
      fixtureUri('results/batch_abc123_output.jsonl'),
      fixtureUri('results/batch_abc123_error.jsonl'),
    ];
    const summary = await vscode.commands.executeCommand<Summary>(SHOW, doc.uri, files);
    assert.deepEqual(
      [summary.requests, summary.succeeded, summary.failed, summary.expired, summary.missing],
      [4, 1, 1, 1, 1],
    );

    const diagnostics = await waitForDiagnostics(
      doc.uri,
      (d) => d.filter(fromResults).length === 3,
      'three result problems',
    );
    const results = diagnostics
      .filter(fromResults)
      .sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepEqual(
      results.map((d) => [d.range.start.line, codeOf(d)]),
      [
        [1, 'request_failed'],
        [2, 'batch_expired'],
        [3, 'no_result'],
      ],
    );
    const failed = results[0]!;
    assert.equal(
      show(failed.range),
      show(rangeOf(doc, 1, '"https://example.com/cat.png"')),
      'on the value the API names',
    );
    assert.equal(
      failed.message,
      "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead. (HTTP 400, invalid_type)",
    );
    assert.equal(failed.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(results[1]!.severity, vscode.DiagnosticSeverity.Warning);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(0, 2),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /Batch result:\*\* succeeded \(HTTP 200\)/);
    assert.match(text, /Finish reason: `stop`/);
    assert.match(text, /Usage: 14 input tokens, 17 output tokens, 31 in all/);

    const target = fixtureUri('results/batch.retry.jsonl');
    const outcome = await vscode.commands.executeCommand<{ lines: number }>(RETRY, doc.uri, target);
    assert.equal(outcome.lines, 3);
    const input = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
    const written = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.equal(
      written,
      input
        .split('\n')
        .slice(1, 4)
        .map((l) => `${l}\n`)
        .join(''),
    );

    await vscode.commands.executeCommand(CLEAR, doc.uri);
    await waitFor('the result problems to clear', () =>
      vscode.languages.getDiagnostics(doc.uri).some(fromResults) ? undefined : true,
    );
  });

  test('a file over 50,000 requests is offered "Split file…", which writes parts that join back to it', async function () {
    this.timeout(180_000);
    const lines = Array.from(
      { length: 50_001 },
      (_, i) =>
        `{"custom_id":"r${i}","method":"POST","url":"/v1/embeddings","body":{"model":"text-embedding-3-small","input":"x"}}`,
    );
    const uri = fixtureUri('results/over-limit.jsonl');
    const bytes = Buffer.from(lines.join('\n') + '\n');
    await vscode.workspace.fs.writeFile(uri, bytes);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    const [over] = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => codeOf(x) === 'too_many_tasks'),
      'too_many_tasks',
      120_000,
    ).then((d) => d.filter((x) => codeOf(x) === 'too_many_tasks'));
    assert.equal(over!.range.start.line, 50_000);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      over!.range,
    );
    const split = actions.find((a) => a.title === 'Split file…');
    assert.ok(split?.command, `no "Split file…" among ${actions.map((a) => a.title).join(', ')}`);
    const outcome = await vscode.commands.executeCommand<{
      parts: { path: string; requests: number }[];
    }>(split.command.command, ...(split.command.arguments ?? []));
    assert.deepEqual(
      outcome.parts.map((p) => p.requests),
      [50_000, 1],
    );
    const parts = await Promise.all(
      outcome.parts.map(async (p) =>
        Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.file(p.path))),
      ),
    );
    assert.ok(Buffer.concat(parts).equals(bytes), 'the parts join back to the file byte for byte');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
