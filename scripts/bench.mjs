// `npm run bench`: how far the checker is from the floor (reading a file and JSON.parse-ing
// every line), on a 50,000-line text file and a ~200 MB file of image requests. Prints figures
// only; timing is never asserted (machines differ too much). Each row gives the wall time and the
// CPU time (user + system), whose ratio a busy shared machine disturbs far less; the load average
// is printed beside them. Options: --runs N (default 5); --only NAME (repeatable) runs only the
// named parts: `check` (this table) or a file of scripts/bench/ without .mjs (`adversarial`);
// --baseline REV also times the CLI of git revision REV in the same runs (lib/baseline.mjs).
// Afterwards runs every scripts/bench/*.mjs (other benches, e.g. the language server's) with
// BENCH_CHAT_FILE / BENCH_IMAGE_FILE set to the generated files.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { build } from 'esbuild';
import { buildBaseline } from './bench/lib/baseline.mjs';
import { prng, chatLine, imageLine, IMAGE_CHARS, writeLines } from './bench/lib/generate.mjs';
import { runNode, median, rssSource } from './bench/lib/measure.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
process.chdir(root);
/** A usage mistake: one line, no stack. */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
const options = (() => {
  try {
    return parseArgs({
      options: {
        runs: { type: 'string', default: '5' },
        only: { type: 'string', multiple: true, default: [] },
        baseline: { type: 'string' },
      },
    }).values;
  } catch (error) {
    return fail(error.message);
  }
})();
const RUNS = Math.max(3, Number(options.runs) || 5);
const wanted = (name) => options.only.length === 0 || options.only.includes(name);
const TARGET = 1.35;

// Always rebuild: a stale dist/ would measure yesterday's checker.
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const data = path.join(root, 'bench-data'); // gitignored
mkdirSync(data, { recursive: true });
// The in-process runs load the core the same way dist/ does: one esbuild bundle (of the core's
// Node entry, where checkFile lives).
const core = path.join(data, 'core.cjs');
// And the stages of a line's check (bench-only entry), to say what each stage adds.
const stages = path.join(data, 'stages.cjs');
for (const [entry, outfile] of [
  ['server/src/core/node.ts', core],
  ['scripts/bench/lib/stages.mjs', stages],
]) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
}

const say = (text) => process.stdout.write(`${text}\n`);
const baseline = (() => {
  if (options.baseline === undefined || !wanted('check')) return undefined;
  try {
    return buildBaseline(root, options.baseline);
  } catch (error) {
    return fail(error.message);
  }
})();
process.on('exit', () => baseline?.remove());
say('generating inputs…');
const chatFile = path.join(data, 'chat-50k.jsonl');
const imageFile = path.join(data, 'images-200mb.jsonl');
const chatRandom = prng(0xba7c4);
writeLines(chatFile, 50_000, (i) => chatLine(chatRandom, i));
const imageRandom = prng(0x1a6e5);
writeLines(imageFile, 2_000, (i) => imageLine(imageRandom, i, IMAGE_CHARS));

const tmp = data;
const child = 'scripts/bench/lib/child.mjs';
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const rows = [];

for (const [label, file] of wanted('check')
  ? [
      ['50k text lines', chatFile],
      ['2k image lines', imageFile],
    ]
  : []) {
  say(`measuring ${label} (${mb(statSync(file).size)} MB), ${RUNS} runs each…`);
  const runs = {
    floor: [],
    cli: [],
    floorIn: [],
    schemasIn: [],
    linesIn: [],
    checkIn: [],
    convert: [],
    baseline: [],
  };
  // A child's own figures (its work alone, see lib/child.mjs), with the peak RSS measured outside.
  const figures = (r) => ({ ...JSON.parse(r.stdout), rss: r.maxRssKb });
  const inProcess = (mode, bundle) => figures(runNode([child, mode, file, bundle], { tmp }));
  // Interleaved, so a slow patch on a shared machine hits every series alike.
  for (let i = 0; i < RUNS; i++) {
    const f = runNode([child, 'floor', file], { tmp });
    runs.floor.push(f);
    runs.floorIn.push(figures(f));
    runs.cli.push(runNode(['dist/cli.js', 'check', '--format', 'json', file], { tmp }));
    if (baseline) {
      // Exit 1 too: an older checker may find problems in today's inputs (it then says so).
      const args = [baseline.cli, 'check', '--format', 'json', file];
      runs.baseline.push(runNode(args, { tmp, okStatus: [0, 1] }));
    }
    runs.schemasIn.push(inProcess('schemas', stages));
    runs.linesIn.push(inProcess('lines', stages));
    runs.checkIn.push(inProcess('check', core));
    if (file === chatFile) {
      const args = [
        'dist/cli.js',
        'convert',
        '--to',
        'responses',
        file,
        '-o',
        path.join(tmp, 'converted.jsonl'),
      ];
      runs.convert.push(runNode(args, { tmp, okStatus: [0, 1] }));
    }
  }
  const stat = (list) => ({
    best: Math.min(...list.map((r) => r.ms)),
    median: median(list.map((r) => r.ms)),
    cpu: median(list.map((r) => r.cpuMs)),
    rss: Math.max(...list.map((r) => r.maxRssKb ?? r.rss)),
  });
  const floor = stat(runs.floor);
  const floorIn = stat(runs.floorIn);
  const cli = stat(runs.cli);
  rows.push({ file: label, what: 'floor (process)', ...floor });
  rows.push({ file: label, what: 'check --format json', ...cli, vs: floor, target: true });
  if (baseline) {
    const base = stat(runs.baseline);
    const what = `check, ${baseline.label}`;
    rows.push({ file: label, what, ...base, vs: floor });
    rows.push({ file: label, what: 'check vs that', ...cli, vs: base, of: 'base' });
    const found = runs.baseline.filter((r) => r.status !== 0).length;
    if (found > 0) say(`note: ${baseline.label} found problems in ${label} (exit 1)`);
  }
  rows.push({ file: label, what: 'floor (in-process)', ...floorIn });
  // What each stage adds over the floor: schemas alone, then every check of a line on its own,
  // then the whole file's check (tally, block search, report).
  rows.push({ file: label, what: '+ schemas (in-process)', ...stat(runs.schemasIn), vs: floorIn });
  rows.push({ file: label, what: '+ line rules (in-process)', ...stat(runs.linesIn), vs: floorIn });
  rows.push({
    file: label,
    what: 'checkFile (in-process)',
    ...stat(runs.checkIn),
    vs: floorIn,
    target: true,
  });
  if (runs.convert.length > 0) {
    rows.push({
      file: label,
      what: 'convert --to responses',
      ...stat(runs.convert),
      vs: cli,
      of: 'check',
    });
  }
}

if (rows.length > 0) printTable();
function printTable() {
  say('');
  say(`node ${process.version}; best and median of ${RUNS} runs; peak RSS from ${rssSource}`);
  say(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  say(
    'ratio = median / median of the row it is compared with (floor; convert: vs check; ' +
      'check vs that: vs the baseline);',
  );
  say('cpu ratio: the same with CPU time (user + system), steadier on a busy machine');
  const header = [
    'file',
    'what',
    'best ms',
    'median ms',
    'ratio',
    'cpu ms',
    'cpu ratio',
    'peak RSS MB',
    '',
  ];
  const table = rows.map((r) => {
    const ratio = r.vs ? r.median / r.vs.median : 1;
    const cpuRatio = r.vs ? r.cpu / r.vs.cpu : 1;
    const verdict = !r.target
      ? ''
      : ratio <= TARGET
        ? 'ok'
        : cpuRatio <= TARGET
          ? 'ok (cpu)'
          : 'above target';
    const of = r.of ? ` ${r.of}` : '';
    return [
      r.file,
      r.what,
      r.best.toFixed(0),
      r.median.toFixed(0),
      `${ratio.toFixed(2)}x${of}`,
      r.cpu.toFixed(0),
      `${cpuRatio.toFixed(2)}x${of}`,
      (r.rss / 1024).toFixed(0),
      verdict,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  say(line(header));
  say(line(widths.map((w) => '-'.repeat(w))));
  for (const row of table) say(line(row));
  say(`target: check ≤ ${TARGET}x floor`);
}

// Hook: other benches living beside this one (not the helpers in lib/).
const others = readdirSync('scripts/bench')
  .filter((f) => f.endsWith('.mjs') && wanted(f.slice(0, -'.mjs'.length)))
  .sort();
for (const name of others) {
  say(`\n== scripts/bench/${name}`);
  const result = spawnSync(process.execPath, [path.join('scripts/bench', name)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_CHAT_FILE: chatFile, BENCH_IMAGE_FILE: imageFile },
  });
  if (result.status !== 0) say(`(scripts/bench/${name} exited ${result.status})`);
}
