// The language server's figures for `npm run bench`, measured through the real server over
// stdio: a 50,000-line document from open to first diagnostics, one-line edits to fresh
// diagnostics (debounce included), and the server's memory after the open. Prints only.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startServer } from './lib/lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LINES = 50_000;
const EDITS = 31;

const { open, edit, memory, close } = await startServer(root);

const template = readFileSync(path.join(root, 'examples', 'clean-chat.jsonl'), 'utf8').split(
  '\n',
)[0];
const text =
  Array.from({ length: LINES }, (_, i) => template.replace('"task-1"', `"task-${i}"`)).join('\n') +
  '\n';
const uri = 'file:///bench/fifty-thousand.jsonl';

const { ms: openMs } = await open(uri, text);
const { rssMb } = memory();

let version = 1;
const timings = [];
for (let i = 0; i < EDITS; i++) {
  const line = 1000 + i * 1500;
  for (const [insert, end] of [
    ['x', 1],
    ['', 2],
  ]) {
    version++;
    const range = { start: { line, character: 1 }, end: { line, character: end } };
    const { ms } = await edit(uri, version, range, insert);
    if (insert === 'x') timings.push(ms);
  }
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)];
console.log(
  '\nlanguage server over stdio, 50,000-line document (%s MB)',
  (text.length / 1e6).toFixed(1),
);
console.log('  open to first diagnostics   %s ms', openMs.toFixed(0));
console.log(
  '  one-line edit to diagnostics median %s ms, max %s ms over %d edits (target ≤ 50 ms)',
  median.toFixed(1),
  timings[timings.length - 1].toFixed(1),
  timings.length,
);
console.log('  server memory after open    %s MB RSS', rssMb.toFixed(0));
await close();
