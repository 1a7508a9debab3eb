// The server's lines are LSP's: "\n", "\r\n" and a lone "\r" end a line (the core, like every
// JSONL reader, ends lines at "\n" only). Every diagnostic must land on the text the core meant,
// as an editor that follows LSP (vscode-languageserver-textdocument) reads its range. Edits past
// the end, reversed ranges and out-of-range characters are clamped as LSP says.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../../server/src/core';
import { LspHarness, example, fileUri } from './harness';
import { Prng } from '../unit/fuzz/prng';

const BOM = '\uFEFF';
/** Problems the editor never shows (the empty line after a final line end, a new empty file). */
const HIDDEN = new Set(['empty_file', 'blank_line', 'utf8_bom']);

/** code@start-end (offsets into the whole text) of what the core finds, by JSONL's lines. */
function coreSpots(text: string): Set<string> {
  const bom = text.startsWith(BOM) ? 1 : 0;
  const starts = [bom];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const spots = new Set<string>();
  for (const p of checkText(text).problems) {
    const a = starts[p.line]! + p.column;
    const b = starts[p.endLine]! + p.endColumn;
    spots.add(`${p.code}@${a}-${b}`);
  }
  return spots;
}

/** The same for the server's diagnostics, read through LSP's line model. */
function editorSpots(text: string, diagnostics: Diagnostic[]): string[] {
  const doc = TextDocument.create('x', 'jsonl', 0, text);
  return diagnostics
    .filter((d) => !HIDDEN.has(String(d.code)))
    .map((d) => `${String(d.code)}@${doc.offsetAt(d.range.start)}-${doc.offsetAt(d.range.end)}`);
}

function assertLandsRight(text: string, diagnostics: Diagnostic[]): void {
  const core = coreSpots(text);
  for (const spot of editorSpots(text, diagnostics)) {
    assert.ok(
      core.has(spot),
      `${spot} is not where the core put it: ${[...core].join(' ')} in ${JSON.stringify(text.slice(-80))}`,
    );
  }
}

const CLEAN = example('clean-chat.jsonl').split('\n')[0]!;
const BAD = example('chat-image-url-string.jsonl').split('\n')[0]!;

describe("the server's line model is LSP's", () => {
  let h: LspHarness;
  before(async () => (h = await LspHarness.start({ settings: { files: ['*.jsonl'] } })));
  after(async () => h.shutdown());

  it('a lone \\r ends a line: "{}\\r{...}" is flagged on line 1, character 0', async () => {
    const uri = fileUri('lone-cr.jsonl');
    const text = '{}\r{"a":1}\n';
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    // Each request is checked on its own; the second one's problems start on editor line 1.
    const second = diagnostics.find(
      (d) => d.code === 'missing_required_parameter' && d.range.start.line === 1,
    );
    assert.ok(second, JSON.stringify(diagnostics));
    assert.deepEqual(second.range.start, { line: 1, character: 0 });
    const cr = diagnostics.find((d) => d.code === 'lone_carriage_return');
    assert.deepEqual(cr?.range.start, { line: 0, character: 2 });
    assertLandsRight(text, diagnostics);
  });

  it('lone \\r, \\r\\n and a BOM together: every diagnostic lands where the core put it', async () => {
    const uri = fileUri('mixed-endings.jsonl');
    const text = `${BOM}${BAD}\r\n${CLEAN}\r{}\r\r\n${BAD}\r`;
    const { diagnostics } = await h.openAndDiagnose(uri, text);
    assert.ok(diagnostics.length > 2);
    assertLandsRight(text, diagnostics);
  });

  it('an insert past the end of a file without a final newline lands at the end', async () => {
    const uri = fileUri('past-end-insert.jsonl');
    await h.openAndDiagnose(uri, CLEAN);
    const far = { line: 7, character: 3 };
    const version = await h.change(uri, [{ range: { start: far, end: far }, text: `\n${BAD}` }]);
    assert.equal(h.doc(uri).getText(), `${CLEAN}\n${BAD}`);
    const shown = await h.settled(uri, version);
    assert.deepEqual(
      shown.map((d) => [d.code, d.range.start.line]),
      [['invalid_type', 1]],
    );
    assertLandsRight(h.doc(uri).getText(), shown);
  });

  it('a reversed range is the same range; a character past the line end is its end', async () => {
    const uri = fileUri('reversed.jsonl');
    await h.openAndDiagnose(uri, `${BAD}\n${CLEAN}\n`);
    // Delete line 0 with the range written end-first, reaching far past line 0's end.
    const version = await h.change(uri, [
      { range: { start: { line: 1, character: 0 }, end: { line: 0, character: 0 } }, text: '' },
    ]);
    assert.equal(h.doc(uri).getText(), `${CLEAN}\n`);
    assert.deepEqual(await h.settled(uri, version), []);
    const v2 = await h.change(uri, [
      {
        range: { start: { line: 0, character: 99_999 }, end: { line: 0, character: 99_999 } },
        text: 'x',
      },
    ]);
    assert.equal(h.doc(uri).getText(), `${CLEAN}x\n`);
    assertLandsRight(h.doc(uri).getText(), await h.settled(uri, v2));
  });

  for (const seed of [11, 12]) {
    it(`random edits with lone \\r and \\r\\n keep every diagnostic in place (seed ${seed})`, async () => {
      const prng = new Prng(seed);
      const rand = (): number => prng.next();
      const pieces = ['\r', '\n', '\r\n', '{', '}', '"', 'a', ',', BAD, ''];
      const uri = fileUri(`random-cr-${seed}.jsonl`);
      await h.openAndDiagnose(uri, `${BAD}\r${CLEAN}\n${BAD}\r\n`);
      let checked = 0;
      for (let i = 0; i < 150; i++) {
        const doc = h.doc(uri);
        const at = (): { line: number; character: number } =>
          doc.positionAt(Math.floor(rand() * (doc.getText().length + 1)));
        const a = at();
        const b = rand() < 0.6 ? a : at();
        const text = pieces[Math.floor(rand() * pieces.length)]!;
        // Start and end in either order: the server must order them as LSP does.
        const version = await h.change(uri, [{ range: { start: b, end: a }, text }]);
        if (i % 10 === 9) {
          const shown = await h.settled(uri, version);
          assertLandsRight(h.doc(uri).getText(), shown);
          checked += shown.length;
        }
      }
      assert.ok(checked > 0, 'the edits produced diagnostics to check');
    });
  }
});
