// `npm run fuzz`: the long fuzz run. A generated batch file of --lines lines (default 1,000,000;
// valid lines, damaged ones, blank lines, invalid UTF-8, pretty-printed requests; --seed S) goes
// through the real commands and the real server:
//   check    in process, every problem's position inside its line (no problem is kept), and
//            `batchlint check` as a process (exit 1, JSON out, no stack trace);
//   fix      `batchlint fix` twice: the second run changes no byte (idempotent), and every input
//            line no problem offers a fix for is in the output byte for byte, in order;
//   convert  every line in process (every top-level key kept, unconverted lines unchanged) and
//            `batchlint convert` as a process;
//   server   --lsp-docs documents of 2,000 lines taken across the file (default 40): opened,
//            edited at random, every diagnostic inside the document, the last ones equal to a
//            fresh open's.
// A short seeded version of each runs in `npm test` (test/unit/fuzz-file.test.ts,
// test/lsp/fuzz-file.test.ts). Exits 1 at the first failure, with the seed to replay it.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: String(0xba7c_f022) },
    'lsp-docs': { type: 'string', default: '40' },
  },
});
const LINES = Number(values.lines);
const SEED = Number(values.seed);
const LSP_DOCS = Number(values['lsp-docs']);
const say = (text) => process.stdout.write(`${text}\n`);
let started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], {
  stdio: 'inherit',
});
started = Date.now();
const require = createRequire(import.meta.url);
const fuzz = require(path.join(root, 'out/test/unit/fuzz/batch-file.js'));
const { LspHarness } = require(path.join(root, 'out/test/lsp/harness.js'));
const { fuzzDocument } = require(path.join(root, 'out/test/lsp/fuzz-documents.js'));

const data = path.join(root, 'bench-data'); // gitignored
mkdirSync(data, { recursive: true });
const input = path.join(data, `fuzz-${SEED}.jsonl`);
const fixed = path.join(data, `fuzz-${SEED}.fixed.jsonl`);
const again = path.join(data, `fuzz-${SEED}.fixed-again.jsonl`);
const converted = path.join(data, `fuzz-${SEED}.responses.jsonl`);

/** A file's bytes in chunks of 1 MB, read when asked for. */
function* chunksOf(file) {
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return;
      yield chunk.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** Runs the CLI; a crash (exit other than 0 or 1, or a stack trace) fails the run. */
function cli(...args) {
  const run = spawnSync(process.execPath, ['dist/cli.js', ...args], {
    maxBuffer: 256 << 20,
    encoding: 'utf8',
  });
  const where = `batchlint ${args.join(' ')}`;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${where} exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
  if (/\n\s+at .+:\d+:\d+/.test(run.stderr))
    throw new Error(`${where} printed a stack trace: ${run.stderr.slice(0, 2000)}`);
  return run;
}

function sameBytes(a, b) {
  if (statSync(a).size !== statSync(b).size) return false;
  const left = chunksOf(a);
  const right = chunksOf(b);
  for (const chunk of left) if (!chunk.equals(right.next().value)) return false;
  return true;
}

try {
  say(`fuzz: seed ${SEED}, ${LINES.toLocaleString('en-US')} lines`);
  const fd = openSync(input, 'w');
  for (const line of fuzz.batchFileLines(SEED, LINES)) writeSync(fd, line);
  closeSync(fd);
  say(`  generated ${(statSync(input).size / 1e6).toFixed(1)} MB (${elapsed()})`);

  const facts = await fuzz.checkFuzzedFile(() => chunksOf(input));
  say(
    `  check: ${facts.lines.toLocaleString('en-US')} lines, ${facts.problems.toLocaleString('en-US')} problems inside their lines (${elapsed()})`,
  );
  const report = JSON.parse(
    cli('check', '--format', 'json', '--max-problems', '1000', input).stdout,
  );
  if (report.files.length !== 1) throw new Error('check --format json: not one file');
  say(
    `  batchlint check --format json: ${report.files[0].problems.length} problems listed (${elapsed()})`,
  );

  cli('fix', input, '-o', fixed);
  cli('fix', fixed, '-o', again);
  if (!sameBytes(fixed, again)) throw new Error(`fix is not idempotent: ${fixed} != ${again}`);
  const kept = fuzz.assertUntouchedKept(
    fuzz.splitRaw(chunksOf(input)),
    fuzz.splitRaw(chunksOf(fixed)),
    facts.touchable,
  );
  say(
    `  fix: idempotent; ${kept.toLocaleString('en-US')} lines without a fix copied byte for byte (${elapsed()})`,
  );

  const counts = fuzz.convertEveryLine(chunksOf(input));
  cli('convert', '--to', 'responses', input, '-o', converted);
  say(`  convert: ${JSON.stringify(counts)}; batchlint convert ran (${elapsed()})`);

  const h = await LspHarness.start({ settings: { files: ['*.jsonl'] } });
  let diagnostics = 0;
  const docLines = 2_000;
  const step = Math.max(docLines, Math.floor(facts.lines / Math.max(1, LSP_DOCS)));
  let docs = 0;
  let window = [];
  let line = 0;
  for (const raw of fuzz.splitRaw(chunksOf(input))) {
    if (docs >= LSP_DOCS) break;
    if (line++ % step < docLines) window.push(raw);
    if (window.length === docLines) {
      const text = Buffer.concat(window).toString('utf8');
      window = [];
      diagnostics += await fuzzDocument(h, `fuzz-${SEED}-${docs}`, text, 10, SEED + docs);
      docs++;
    }
  }
  await h.shutdown();
  say(
    `  server: ${docs} documents of ${docLines} lines, 10 rounds of edits each, ${diagnostics.toLocaleString('en-US')} diagnostics inside their documents (${elapsed()})`,
  );
  say(`fuzz: no failure (${elapsed()})`);
} catch (error) {
  say(
    `fuzz: FAILED with seed ${SEED} (--lines ${LINES}): ${error instanceof Error ? error.stack : error}`,
  );
  process.exitCode = 1;
}
