// The seed mistakes, as the editor shows them: message (the API's own wording), code, severity
// and the exact range the language server chose.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeOf, show, waitForDiagnostics } from '../helpers';

interface Expected {
  file: string;
  line: number;
  message: string;
  code: string;
  /** The text the range must cover, and which match on the line it is. */
  covers: string;
  occurrence?: number;
}

const SEEDS: Expected[] = [
  {
    file: 'chat-input-image.jsonl',
    line: 0,
    message:
      "Invalid value: 'input_image'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', 'audio', and 'file'. Here only 'text', 'image_url', 'input_audio', and 'file' apply.\n(param: messages[0].content[1].type)",
    code: 'invalid_value',
    covers: '"input_image"',
  },
  {
    file: 'chat-image-url-string.jsonl',
    line: 0,
    message:
      "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead.",
    code: 'invalid_type',
    // The second "image_url" on the line is the key whose string value is wrong; the range is
    // the value that follows it, found below.
    covers: '"data:image/png;base64,',
  },
  {
    file: 'responses-messages.jsonl',
    line: 0,
    message:
      "Unsupported parameter: 'messages'. In the Responses API, this parameter has moved to 'input'.",
    code: 'unsupported_parameter',
    covers: '"messages"',
  },
];

/** Where a value-anchored problem points: from the needle to the end of that JSON string. */
function expectedRange(doc: vscode.TextDocument, e: Expected): vscode.Range {
  const r = rangeOf(doc, e.line, e.covers, e.occurrence);
  if (e.covers.endsWith('"')) return r;
  const text = doc.lineAt(e.line).text;
  const close = text.indexOf('"', r.end.character);
  return new vscode.Range(e.line, r.start.character, e.line, close + 1);
}

suite('diagnostics', () => {
  for (const e of SEEDS) {
    test(`${e.file}: ${e.code}`, async () => {
      const doc = await openFixture(e.file);
      const diags = await waitForDiagnostics(doc.uri, (d) =>
        d.some((x) => x.message === e.message),
      );
      const d = diags.find((x) => x.message === e.message);
      assert.ok(d);
      assert.equal(codeOf(d), e.code);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(d.source, 'batchlint');
      assert.equal(show(d.range), show(expectedRange(doc, e)));
    });
  }

  test('chat-input-image.jsonl: the valid second request has no problems', async () => {
    const doc = await openFixture('chat-input-image.jsonl');
    const diags = await waitForDiagnostics(doc.uri);
    assert.deepEqual(
      diags.filter((d) => d.range.start.line === 1 || d.range.end.line === 1).map((d) => d.message),
      [],
    );
  });

  test('pretty-printed.jsonl: one diagnostic over the whole spread-out request', async () => {
    const doc = await openFixture('pretty-printed.jsonl');
    const diags = await waitForDiagnostics(doc.uri);
    // Lines 0-8 hold one pretty-printed request with typographic quotes; line 9 is valid.
    assert.deepEqual(
      diags.map((d) => [codeOf(d), show(d.range), d.severity]),
      [['multiline_request', '0:0-8:1', vscode.DiagnosticSeverity.Error]],
    );
    assert.match(
      diags[0]?.message ?? '',
      /^This request is spread over lines 1–9, but JSONL needs/,
    );
    assert.match(diags[0]?.message ?? '', /typographic quotes/);
  });

  test('clean-batch.jsonl: no problems', async () => {
    const clean = await openFixture('clean-batch.jsonl');
    // Absence cannot be polled for; a file with a known mistake, opened after the clean one,
    // shows when the server has caught up with both.
    const later = await openFixture('order-check.jsonl');
    await waitForDiagnostics(later.uri);
    assert.deepEqual(vscode.languages.getDiagnostics(clean.uri), []);
  });

  test('data.jsonl: a JSON Lines file that is no batch gets no diagnostics', async () => {
    const data = await openFixture('data.jsonl');
    assert.equal(data.languageId, 'jsonl');
    const later = await openFixture('order-check.jsonl');
    await waitForDiagnostics(later.uri);
    assert.deepEqual(vscode.languages.getDiagnostics(data.uri), []);
  });
});
