// Hostile inputs for `npm run bench`: the smallest files that once took minutes or gigabytes,
// each run once as a process at two sizes (wall and CPU time, peak RSS: twice the input should
// cost about twice the time), and the whole-file commands on the ~200 MB image file and one
// 100 MB line (peak RSS against the input's size; the target is at most 3x). Prints only.
//   url of 100,000 slashes (10 lines)   a backtracking regex: 54 s
//   10,000 requests missing their "}"  the block search was quadratic: check 27 s, fix 57 s
//   one line with 10,000 unknown keys   finding placement was quadratic: 25 s
//   {} lines, 1 MB and 9 MB             every problem kept: 1.08 GB with --max-problems 10
//   fix / convert on ~200 MB            whole-file copies: 2.07 GB for fix on 300 MB
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import path from 'node:path';
import { prng, imageLine, IMAGE_CHARS, writeLines } from './lib/generate.mjs';
import { runNode, rssSource } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const data = path.join(root, 'bench-data'); // gitignored
mkdirSync(data, { recursive: true });
if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/build.mjs']);

const request = (fields, body) =>
  JSON.stringify({
    custom_id: 'r',
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello there' }], ...body },
    ...fields,
  });
const file = (name, text) => {
  const full = path.join(data, name);
  writeFileSync(full, text);
  return full;
};

// Each hostile input at two sizes, the second twice the first: linear work doubles the time.
const slashesOf = (lines) =>
  file(
    `slashes-${lines}.jsonl`,
    Array.from({ length: lines }, (_, i) =>
      request({ custom_id: `s${i}`, url: `${'/'.repeat(100_000)}x` }),
    ).join('\n') + '\n',
  );
const bracesOf = (count) =>
  file(
    `missing-braces-${count}.jsonl`,
    Array.from({ length: count }, (_, i) => request({ custom_id: `b${i}` }).slice(0, -1)).join(
      '\n',
    ) + '\n',
  );
const keysOf = (count) => {
  const unknown = {};
  for (let i = 0; i < count; i++) unknown[`unknown_${i}`] = i;
  return file(`unknown-keys-${count}.jsonl`, request({}, unknown) + '\n');
};
const [slashes, slashes2] = [slashesOf(10), slashesOf(20)];
const [braces, braces2] = [bracesOf(10_000), bracesOf(20_000)];
const [keys, keys2] = [keysOf(10_000), keysOf(20_000)];
const empty1 = file('empty-objects-1mb.jsonl', '{}\n'.repeat(349_525));
const empty9 = file('empty-objects-9mb.jsonl', '{}\n'.repeat(3_145_728));
let big = process.env.BENCH_IMAGE_FILE;
if (!big || !existsSync(big)) {
  big = path.join(data, 'images-200mb.jsonl');
  const r = prng(0x1a6e5);
  writeLines(big, 2_000, (i) => imageLine(r, i, IMAGE_CHARS));
}
// One line of about 100 MB: a chat request carrying one huge image.
const oneLine = path.join(data, 'one-line-100mb.jsonl');
if (!existsSync(oneLine)) writeLines(oneLine, 1, (i) => imageLine(prng(0x11e), i, 100_000_000));

const cli = (...args) => ['dist/cli.js', ...args];
const out = path.join(data, 'adversarial-out.jsonl');
const cases = [
  ['100,000-slash urls (10 lines)', slashes, cli('check', slashes)],
  ['100,000-slash urls (20 lines)', slashes2, cli('check', slashes2)],
  ['10,000 missing braces', braces, cli('check', braces)],
  ['20,000 missing braces', braces2, cli('check', braces2)],
  ['10,000 missing braces', braces, cli('fix', braces, '-o', out)],
  ['20,000 missing braces', braces2, cli('fix', braces2, '-o', out)],
  ['10,000 keys on one line', keys, cli('check', keys)],
  ['20,000 keys on one line', keys2, cli('check', keys2)],
  ['10,000 keys on one line', keys, cli('check', '--format', 'json', keys)],
  ['20,000 keys on one line', keys2, cli('check', '--format', 'json', keys2)],
  ['{} lines, 1 MB', empty1, cli('check', '--max-problems', '10', empty1)],
  ['{} lines, 9 MB', empty9, cli('check', '--max-problems', '1000', empty9)],
  ['{} lines, 9 MB', empty9, cli('check', '--format', 'json', '--max-problems', '1000', empty9)],
  ['2k image lines', big, cli('check', big)],
  ['2k image lines', big, cli('fix', big, '-o', out)],
  ['2k image lines', big, cli('convert', '--to', 'responses', big, '-o', out)],
  ['one 100 MB line', oneLine, cli('check', oneLine)],
  ['one 100 MB line', oneLine, cli('fix', oneLine, '-o', out)],
  ['one 100 MB line', oneLine, cli('convert', '--to', 'responses', oneLine, '-o', out)],
];

const mb = (bytes) => (bytes / 1e6).toFixed(1);
console.log(
  `adversarial inputs, one run each; peak RSS from ${rssSource}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
const rows = cases.map(([label, input, args]) => {
  const run = runNode(args, { tmp: data, okStatus: [0, 1] });
  const size = statSync(input).size;
  const rssMb = run.maxRssKb / 1024;
  return [
    label,
    `${mb(size)} MB`,
    args
      .slice(1)
      .filter((a) => a !== out && a !== '-o' && a !== input)
      .join(' '),
    run.ms.toFixed(0),
    run.cpuMs.toFixed(0),
    rssMb.toFixed(0),
    size > 50e6 ? `${((run.maxRssKb * 1024) / size).toFixed(2)}x` : '',
  ];
});
const header = ['input', 'size', 'command', 'ms', 'cpu ms', 'peak RSS MB', 'RSS / input'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells
    .map((c, i) => c.padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
console.log('targets: linear in the input; peak RSS at most 3x the input (large inputs)');
