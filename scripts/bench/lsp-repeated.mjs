// The language server on a 9.3 MB document of one request and then 3.1 million "{}" lines (each
// a line with four errors): didOpen to first diagnostics, one keystroke, and the server's peak memory (VmHWM)
// against the document's size. Lines this short make what the server keeps per line show: an
// attack once took it to 3.1 GB. Prints figures only.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { startServer } from './lib/lsp-client.mjs';

const LINES = 3_100_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// A request first, so the document is recognised as a batch file without settings.
const first = JSON.stringify({
  custom_id: 'r0',
  method: 'POST',
  url: '/v1/chat/completions',
  body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] },
});
const text = `${first}\n${'{}\n'.repeat(LINES)}`;
const { open, edit, memory, close } = await startServer(root);
const idle = memory();
const uri = 'file:///bench/repeated.jsonl';

const { ms: openMs, diagnostics: opened } = await open(uri, text);

// One keystroke in a middle line: `{}` becomes `{x}`, invalid JSON.
const at = { line: LINES / 2, character: 1 };
const { ms: keyMs, diagnostics: edited } = await edit(uri, 2, { start: at, end: at }, 'x');
const after = memory();

const mb = (n) => n.toFixed(0);
const docMb = text.length / 1e6;
console.log(
  `\nlanguage server over stdio, ${docMb.toFixed(1)} MB document of one request and ${LINES.toLocaleString('en-US')} "{}" lines`,
);
console.log(
  `  didOpen to first diagnostics  ${openMs.toFixed(0)} ms (${opened.length} diagnostics)`,
);
console.log(
  `  one keystroke to diagnostics  ${keyMs.toFixed(0)} ms (${edited.length} diagnostics)`,
);
console.log(
  `  server memory: idle ${mb(idle.rssMb)} MB, ${mb(after.rssMb)} MB RSS after the keystroke, ` +
    `peak ${mb(after.peakMb)} MB (${(((after.peakMb - idle.peakMb) * 1.048576) / docMb).toFixed(1)}x the document above idle)`,
);
await close();
