// `batchlint estimate` for `npm run bench`: the 50,000-line text file and the ~200 MB image file,
// as processes, against the floor of reading the file and JSON.parse-ing every line. Reports
// MB/s and the peak RSS (the file is streamed, so RSS stays far below its size). Prints figures
// only; nothing is asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { prng, chatLine, imageLine, IMAGE_CHARS, writeLines } from './lib/generate.mjs';
import { median, runNode, rssSource } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const RUNS = 3;
const data = path.join(root, 'bench-data'); // gitignored
mkdirSync(data, { recursive: true });
if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/build.mjs']);

const chatFile = process.env.BENCH_CHAT_FILE ?? path.join(data, 'chat-50k.jsonl');
if (!process.env.BENCH_CHAT_FILE) writeLines(chatFile, 50_000, (i) => chatLine(prng(0xba7c4), i));
const imageFile = process.env.BENCH_IMAGE_FILE ?? path.join(data, 'images-200mb.jsonl');
if (!process.env.BENCH_IMAGE_FILE) {
  const r = prng(0x1a6e5);
  writeLines(imageFile, 2_000, (i) => imageLine(r, i, IMAGE_CHARS));
}

const say = (text) => process.stdout.write(`${text}\n`);
say(`estimate: median of ${RUNS} runs; peak RSS from ${rssSource}`);
for (const [label, file] of [
  ['50k text lines', chatFile],
  ['2k image lines', imageFile],
]) {
  const bytes = statSync(file).size;
  const floor = [];
  const estimate = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(runNode(['scripts/bench/lib/child.mjs', 'floor', file], { tmp: data }));
    estimate.push(runNode(['dist/cli.js', 'estimate', '--format', 'json', file], { tmp: data }));
  }
  const f = median(floor.map((r) => r.ms));
  const e = median(estimate.map((r) => r.ms));
  const rss = Math.max(...estimate.map((r) => r.maxRssKb)) / 1024;
  say(
    `${label} (${(bytes / 1e6).toFixed(1)} MB): estimate ${(bytes / 1e3 / e).toFixed(1)} MB/s ` +
      `(${e.toFixed(0)} ms, ${(e / f).toFixed(2)}x the floor's ${f.toFixed(0)} ms), peak RSS ${rss.toFixed(0)} MB`,
  );
}
