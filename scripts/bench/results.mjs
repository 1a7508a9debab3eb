// `batchlint results` for `npm run bench`: a 50,000-line input with a 50,000-line output file
// (results in shuffled order: most succeeded, some refused with a param, some expired), as
// processes, against the floor of reading both files and JSON.parse-ing every line. Reports
// MB/s over both files and the peak RSS. Prints figures only; nothing is asserted.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { prng, chatLine, writeLines } from './lib/generate.mjs';
import { median, runNode, rssSource } from './lib/measure.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const RUNS = 3;
const LINES = 50_000;
const data = path.join(root, 'bench-data'); // gitignored
mkdirSync(data, { recursive: true });
if (!existsSync('dist/cli.js')) execFileSync(process.execPath, ['scripts/build.mjs']);

const input = process.env.BENCH_CHAT_FILE ?? path.join(data, 'chat-50k.jsonl');
if (!process.env.BENCH_CHAT_FILE) {
  const r = prng(0xba7c4);
  writeLines(input, LINES, (i) => chatLine(r, i));
}
const output = path.join(data, 'results-50k-output.jsonl');
const errors = path.join(data, 'results-50k-errors.jsonl');

// The custom_ids of the input, in a shuffled order (the API does not keep the input's order).
const ids = Array.from({ length: LINES }, (_, i) => i);
const r = prng(0x5e5);
for (let i = ids.length - 1; i > 0; i--) {
  const j = r.int(i + 1);
  [ids[i], ids[j]] = [ids[j], ids[i]];
}
// The bench input's custom_ids (see lib/generate.mjs).
const idOf = (i) => `chat-${String(i).padStart(6, '0')}`;
const answer =
  'The sentiment of this review is positive: the customer praises the delivery. '.repeat(6);
const ok = (i) =>
  JSON.stringify({
    id: `batch_req_${i}`,
    custom_id: idOf(i),
    response: {
      status_code: 200,
      request_id: `req_${i}`,
      body: {
        id: `chatcmpl-${i}`,
        object: 'chat.completion',
        created: 1_767_225_600,
        model: 'gpt-4o-mini-2024-07-18',
        choices: [
          { index: 0, message: { role: 'assistant', content: answer }, finish_reason: 'stop' },
        ],
        usage: {
          prompt_tokens: 120 + (i % 300),
          completion_tokens: 90,
          total_tokens: 210 + (i % 300),
        },
      },
    },
    error: null,
  });
const refused = (i) =>
  JSON.stringify({
    id: `batch_req_${i}`,
    custom_id: idOf(i),
    response: {
      status_code: 400,
      request_id: `req_${i}`,
      body: {
        error: {
          message:
            "Invalid value: 'input_text'. Supported values are: 'text', 'image_url', 'input_audio', 'refusal', 'audio', and 'file'.",
          type: 'invalid_request_error',
          param: 'messages[1].content[0].type',
          code: 'invalid_value',
        },
      },
    },
    error: null,
  });
const expired = (i) =>
  JSON.stringify({
    id: `batch_req_${i}`,
    custom_id: idOf(i),
    response: null,
    error: {
      code: 'batch_expired',
      message: 'This request could not be executed before the completion window expired.',
    },
  });
// 97% in the output file; 2% refused and 1% expired in the error file.
const inErrors = (i) => i % 100 < 3;
const succeededIds = ids.filter((i) => !inErrors(i));
const failedIds = ids.filter(inErrors);
writeLines(output, succeededIds.length, (k) => ok(succeededIds[k]));
writeLines(errors, failedIds.length, (k) =>
  (failedIds[k] % 100 < 2 ? refused : expired)(failedIds[k]),
);

const mb = (bytes) => bytes / 1e6;
const total = statSync(input).size + statSync(output).size + statSync(errors).size;
const floorScript = `
const { createReadStream } = require('node:fs');
(async () => {
  for (const file of process.argv.slice(1)) {
    let parts = [];
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      let start = 0;
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
        parts.push(chunk.subarray(start, nl));
        JSON.parse((parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString('utf8'));
        parts = [];
        start = nl + 1;
      }
      if (start < chunk.length) parts.push(chunk.subarray(start));
    }
  }
})();`;
const retry = path.join(data, 'results-50k-retry.jsonl');
const series = { floor: [], results: [] };
for (let i = 0; i < RUNS; i++) {
  series.floor.push(runNode(['-e', floorScript, input, output, errors], { tmp: data }));
  series.results.push(
    runNode(
      [
        'dist/cli.js',
        'results',
        input,
        '--output',
        output,
        '--errors',
        errors,
        '--retry',
        retry,
        '--format',
        'json',
      ],
      { tmp: data, okStatus: [1] },
    ),
  );
}
const report = JSON.parse(series.results[0].stdout);
const s = report.summary;
const say = (text) => process.stdout.write(`${text}\n`);
say(
  `results: ${LINES.toLocaleString('en-US')}-line input, ${succeededIds.length.toLocaleString('en-US')} + ${failedIds.length.toLocaleString('en-US')} result lines, ${mb(total).toFixed(1)} MB in all`,
);
say(
  `  summary: ${s.succeeded} succeeded, ${s.failed} failed, ${s.expired} expired, ${s.missing} missing`,
);
const floorMs = median(series.floor.map((x) => x.ms));
for (const [what, runs] of [
  ['floor (read + JSON.parse both)', series.floor],
  ['results --retry --format json', series.results],
]) {
  const ms = median(runs.map((x) => x.ms));
  const rss = Math.max(...runs.map((x) => x.maxRssKb)) / 1024;
  say(
    `  ${what.padEnd(32)} median ${ms.toFixed(0).padStart(6)} ms  ${(mb(total) / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ${(ms / floorMs).toFixed(2)}x floor  peak RSS ${rss.toFixed(0)} MB`,
  );
}
say(`  (median of ${RUNS} runs, process start included; peak RSS from ${rssSource})`);
