// Runs a command as a child process and reports its wall time and peak memory (RSS high-water
// mark). GNU time gives the RSS when present; otherwise a preloaded hook reports it from inside.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasTime = existsSync(GNU_TIME);
const preload = fileURLToPath(new URL('./rss-preload.cjs', import.meta.url));

export const rssSource = hasTime ? 'GNU time -v' : 'process.resourceUsage().maxRSS';

/**
 * Runs `node ...args`; returns { ms, maxRssKb, status, stdout }. `okStatus` lists the exit codes
 * that are not a failure (convert exits 1 when something needs a decision).
 */
export function runNode(args, { tmp, okStatus = [0] }) {
  const rssFile = path.join(tmp, `rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const [cmd, argv] = hasTime
    ? [GNU_TIME, ['-v', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, ['-r', preload, ...args]];
  const started = process.hrtime.bigint();
  const child = spawnSync(cmd, argv, {
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error) throw child.error;
  if (!okStatus.includes(child.status)) {
    throw new Error(
      `node ${args.join(' ')} exited ${child.status}: ${child.stderr.toString().slice(0, 2000)}`,
    );
  }
  return { ms, maxRssKb: readRss(rssFile), status: child.status, stdout: child.stdout.toString() };
}

function readRss(file) {
  if (!existsSync(file)) return NaN;
  const text = readFileSync(file, 'utf8');
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  return Number(match ? match[1] : text.trim());
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
