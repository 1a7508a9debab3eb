// Incremental sync: the server applies each content change to its per-line model instead of
// re-reading the document, so after any sequence of small edits its diagnostics must equal
// those of a fresh open of the final text, in small documents and in a 50,000-line one.
// (How fast a one-line edit is answered is measured by `npm run bench`, never asserted here.)

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Diagnostic,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspHarness, example, fileUri } from './harness';
import { Prng } from '../unit/fuzz/prng';

const PIECES = [
  '"',
  '{',
  '}',
  ',',
  ':',
  '[',
  ']',
  'a',
  ' ',
  '\n',
  '"type"',
  '"text"',
  '\r\n',
  'é',
  '😀',
];

function randomChange(text: string, rand: () => number): TextDocumentContentChangeEvent {
  const lines = text.split('\n');
  const pos = () => {
    const line = Math.floor(rand() * lines.length);
    const length = lines[line]!.replace(/\r$/, '').length;
    return { line, character: Math.floor(rand() * (length + 1)) };
  };
  let a = pos();
  let b = rand() < 0.5 ? a : pos();
  if (b.line < a.line || (b.line === a.line && b.character < a.character)) [a, b] = [b, a];
  // Keep deletions small: at most two lines.
  if (b.line - a.line > 2) b = a;
  const insert = rand() < 0.7 ? PIECES[Math.floor(rand() * PIECES.length)]! : '';
  return { range: { start: a, end: b }, text: insert };
}

function shape(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`,
    )
    .sort();
}

describe('incremental sync', () => {
  let h: LspHarness;
  // Random edits soon make a file stop looking like batch input; the files setting keeps every
  // document checked, so the comparison below is never between two empty lists.
  before(async () => (h = await LspHarness.start({ settings: { files: ['*.jsonl'] } })));
  after(async () => h.shutdown());

  for (const seed of [1, 2, 3, 4]) {
    it(`random small edits give the diagnostics of a fresh open (seed ${seed})`, async () => {
      const generator = new Prng(seed);
      const rand = (): number => generator.next();
      const uri = fileUri(`random-${seed}.jsonl`);
      const start = [example('seed-mistakes.jsonl'), example('clean-chat.jsonl')].join('');
      await h.openAndDiagnose(uri, seed === 4 ? start.replace(/\n/g, '\r\n') : start);
      let version = 1;
      let fresh = 0;
      /** The server's diagnostics now equal those of a fresh open of the same text. */
      const compare = async () => {
        const shown = await h.settled(uri, version);
        const freshUri = fileUri(`random-${seed}-fresh-${fresh++}.jsonl`);
        await h.open(freshUri, h.doc(uri).getText());
        assert.deepEqual(
          shape(shown),
          shape(h.currentDiagnostics(freshUri)),
          `after version ${version}`,
        );
        await h.close(freshUri);
        return shown.length;
      };
      let seen = 0;
      for (let i = 0; i < 400; i++) {
        const changes = [randomChange(h.doc(uri).getText(), rand)];
        // Several changes in one notification apply in order, each to the previous result.
        if (rand() < 0.2) {
          const copy = TextDocument.create(uri, 'jsonl', 0, h.doc(uri).getText());
          const next = TextDocument.update(copy, changes, 1).getText();
          changes.push(randomChange(next, rand));
        }
        version = await h.change(uri, changes);
        if (rand() < 0.05) seen += await compare();
      }
      seen += await compare();
      assert.ok(seen > 0, 'the edits produced problems to compare');
    });
  }

  it('10,000 edits in a row end in the right diagnostics', async () => {
    const uri = fileUri('ten-thousand.jsonl');
    await h.openAndDiagnose(uri, example('clean-chat.jsonl'));
    let version = 1;
    for (let i = 0; i < 10_000; i++) {
      const at = { line: 5, character: 0 };
      version = await h.change(uri, [
        { range: { start: at, end: at }, text: i % 2 === 0 ? 'x' : '' },
      ]);
    }
    const final = await h.waitForVersion(uri, version);
    const fresh = await h.openAndDiagnose(
      fileUri('ten-thousand-fresh.jsonl'),
      h.doc(uri).getText(),
    );
    assert.deepEqual(shape(final.diagnostics), shape(fresh.diagnostics));
    assert.ok(final.diagnostics.length > 0, 'the x line is flagged');
  });

  it('one-line edits in a 50,000-line document flag and clear exactly that line', async () => {
    const template = example('clean-chat.jsonl').split('\n')[0]!;
    const lines = Array.from({ length: 50_000 }, (_, i) =>
      template.replace('"task-1"', `"task-${i}"`),
    );
    const uri = fileUri('fifty-thousand.jsonl');
    const first = await h.openAndDiagnose(uri, `${lines.join('\n')}\n`);
    assert.deepEqual(first.diagnostics, []);
    for (let i = 0; i < 21; i++) {
      const line = 1000 + i * 2000;
      const range = { start: { line, character: 1 }, end: { line, character: 1 } };
      // Break the line, then repair it.
      const version = await h.change(uri, [{ range, text: 'x' }]);
      const published = await h.waitForVersion(uri, version);
      assert.deepEqual(
        published.diagnostics.map((d) => d.range.start.line),
        [line],
      );
      const undo = { start: { line, character: 1 }, end: { line, character: 2 } };
      const repaired = await h.waitForVersion(
        uri,
        await h.change(uri, [{ range: undo, text: '' }]),
      );
      assert.deepEqual(repaired.diagnostics, []);
    }
  });
});
