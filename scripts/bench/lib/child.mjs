// One measured run in a fresh process, so each run starts cold and its peak memory is its own.
//   node child.mjs floor FILE        read the file as a stream and JSON.parse every line
//   node child.mjs check FILE CORE   checkFile(FILE) from the core bundle CORE
// Prints {"ms","cpuMs","lines","maxRssKb"} on stdout; ms (wall) and cpuMs (user + system) cover
// only the work, not process start-up.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

const [mode, file, core] = process.argv.slice(2);

/** The floor: what any line-by-line JSONL reader must do (same chunk size as checkFile). */
async function floor(path) {
  let lines = 0;
  let parts = [];
  const parse = (buf) => {
    const text = buf.toString('utf8');
    if (text.trim() !== '') JSON.parse(text);
    lines++;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      parts.push(chunk.subarray(start, nl));
      parse(parts.length === 1 ? parts[0] : Buffer.concat(parts));
      parts = [];
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.subarray(start));
  }
  if (parts.length > 0) parse(Buffer.concat(parts));
  return lines;
}

async function check(path) {
  const { checkFile } = createRequire(import.meta.url)(core);
  const result = await checkFile(path);
  if (result.summary.errors > 0) {
    const first = result.problems.find((p) => p.severity === 'error');
    throw new Error(`bench input has errors, e.g. line ${first.line + 1}: ${first.message}`);
  }
  return result.summary.requests;
}

const started = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const lines = mode === 'floor' ? await floor(file) : await check(file);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  JSON.stringify({ ms, cpuMs, lines, maxRssKb: process.resourceUsage().maxRSS }),
);
