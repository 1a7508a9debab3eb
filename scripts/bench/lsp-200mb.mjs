// The language server on a ~200 MB document (the Batch API's largest file), through the real
// server over stdio: didOpen to first diagnostics, one keystroke after it to fresh diagnostics,
// and the server's peak memory (VmHWM) against the document's size. VS Code itself hands
// extensions at most 50 MB, but other editors do not stop there. Prints figures only.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { prng, imageLine, IMAGE_CHARS, writeLines } from './lib/generate.mjs';
import { startServer } from './lib/lsp-client.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let file = process.env.BENCH_IMAGE_FILE;
if (!file || !existsSync(file)) {
  file = path.join(root, 'bench-data', 'images-200mb.jsonl');
  const r = prng(0x1a6e5);
  writeLines(file, 2_000, (i) => imageLine(r, i, IMAGE_CHARS));
}
const bytes = statSync(file).size;
const { open, edit, memory, close } = await startServer(root);
const uri = 'file:///bench/images-200mb.jsonl';

const text = readFileSync(file, 'utf8');
const { ms: openMs, diagnostics: opened } = await open(uri, text);
const afterOpen = memory();

// One keystroke: a character typed into line 1,000's custom_id (the line stays valid JSON).
const at = { line: 1000, character: 15 };
const { ms: keyMs, diagnostics: edited } = await edit(uri, 2, { start: at, end: at }, 'x');
const afterKey = memory();

const mb = (n) => n.toFixed(0);
console.log(`\nlanguage server over stdio, ${(bytes / 1e6).toFixed(1)} MB document (2,000 lines)`);
console.log(
  `  didOpen to first diagnostics  ${openMs.toFixed(0)} ms (${opened.length} diagnostics)`,
);
console.log(
  `  one keystroke to diagnostics  ${keyMs.toFixed(0)} ms (${edited.length} diagnostics)`,
);
console.log(
  `  server memory: ${mb(afterOpen.rssMb)} MB RSS after open, ${mb(afterKey.rssMb)} MB after the keystroke; ` +
    `peak ${mb(afterKey.peakMb)} MB = ${((afterKey.peakMb * 1048576) / bytes).toFixed(2)}x the document (target ≤ 3x)`,
);
await close();
