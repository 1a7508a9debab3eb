// The server's text model against LSP's own (vscode-languageserver-textdocument): after any
// sequence of edits, with "\r", "\r\n", "\n" and a BOM in the text and ranges in any order or
// past the end, both hold the same editor lines.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextModel } from '../../server/src/lsp/text-model';
import { Prng } from '../unit/fuzz/prng';

const editorLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

describe('TextModel follows LSP line ends', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random edits (seed ${seed})`, () => {
      const prng = new Prng(seed);
      const rand = (): number => prng.next();
      const pieces = ['\r', '\n', '\r\n', '{', '}', 'a', '\uFEFF', '', 'xy\rz\n'];
      let doc = TextDocument.create('x', 'jsonl', 0, seed % 2 ? '\uFEFFa\rb\r\nc' : 'ab\ncd');
      const model = new TextModel(doc.getText(), {});
      for (let i = 0; i < 300; i++) {
        const length = doc.getText().length;
        const at = (): { line: number; character: number } => {
          if (rand() < 0.05) return { line: 40, character: 7 };
          const p = doc.positionAt(Math.floor(rand() * (length + 1)));
          return rand() < 0.1 ? { line: p.line, character: p.character + 50 } : p;
        };
        const a = at();
        const b = rand() < 0.5 ? a : at();
        const change = {
          range: { start: b, end: a },
          text: pieces[Math.floor(rand() * pieces.length)]!,
        };
        const before = doc.getText();
        doc = TextDocument.update(doc, [change], i + 1);
        model.apply(change);
        assert.deepEqual(
          editorLines(model.getText()),
          editorLines(doc.getText()),
          `after ${JSON.stringify(change)} on ${JSON.stringify(before)}`,
        );
        assert.equal(model.mapper.editorLineCount, doc.lineCount);
      }
    });
  }
});
