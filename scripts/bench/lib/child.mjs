// One measured run in a fresh process, so each run starts cold and its peak memory is its own.
//   node child.mjs floor FILE          read the file as a stream and JSON.parse every line
//   node child.mjs schemas FILE STAGES the floor's reading, each line parsed and validated against
//                                      the envelope and body schemas (no rules), from STAGES
//   node child.mjs lines FILE STAGES   the floor's reading, checkLine on each line (every line
//                                      check, none of the file's: no tally, no block search)
//   node child.mjs check FILE CORE     checkFile(FILE) from the core bundle CORE
// Prints {"ms","cpuMs","lines","maxRssKb"} on stdout; ms (wall) and cpuMs (user + system) cover
// only the work, not process start-up.
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';

const [mode, file, core] = process.argv.slice(2);
// Loaded before the clock starts: the floor loads nothing, so neither may the work it is set
// against (loading the 7 MB core bundle cost the in-process check 80 ms of its time).
const bundle = core === undefined ? undefined : createRequire(import.meta.url)(core);

/** The floor: what any line-by-line JSONL reader must do (same chunk size as checkFile). */
function floor(path) {
  return eachLine(path, (text) => {
    if (text.trim() !== '') JSON.parse(text);
  });
}

/** Reads `path` as the floor does and hands `use` the text of each line; returns the line count. */
async function eachLine(path, use) {
  let lines = 0;
  let parts = [];
  const parse = (buf) => {
    use(buf.toString('utf8'));
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
  const { checkFile } = bundle;
  const result = await checkFile(path);
  if (result.summary.errors > 0) {
    const first = result.problems.find((p) => p.severity === 'error');
    throw new Error(`bench input has errors, e.g. line ${first.line + 1}: ${first.message}`);
  }
  return result.summary.requests;
}

/** The floor plus the envelope and body schemas of each line (what the rules add is left out). */
function schemas(path) {
  const { parseLine, validateEnvelope, validateBody } = bundle;
  return eachLine(path, (text) => {
    if (text.trim() === '') return;
    const request = parseLine(text);
    validateEnvelope(request);
    validateBody(request.url, request.body);
  });
}

/** The floor plus every check of a line on its own (checkLine), without the file's checks. */
function lineChecks(path) {
  const { checkLine, defaultContext } = bundle;
  const context = defaultContext();
  return eachLine(path, (text) => checkLine(text, context));
}

const MODES = { floor, schemas, lines: lineChecks, check };
const started = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const count = await MODES[mode](file);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  JSON.stringify({ ms, cpuMs, lines: count, maxRssKb: process.resourceUsage().maxRSS }),
);
