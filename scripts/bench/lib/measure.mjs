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
 * Runs `node ...args`; returns { ms, cpuMs, maxRssKb, status, stdout }: wall time, and the CPU
 * time (user + system, from GNU time; NaN without it), which a busy shared machine disturbs far
 * less than the wall time. `okStatus` lists the exit codes that are not a failure (convert exits 1
 * when something needs a decision).
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
  const { maxRssKb, cpuMs } = readUsage(rssFile);
  return { ms, cpuMs, maxRssKb, status: child.status, stdout: child.stdout.toString() };
}

function readUsage(file) {
  if (!existsSync(file)) return { maxRssKb: NaN, cpuMs: NaN };
  const text = readFileSync(file, 'utf8');
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  const seconds = (name) =>
    Number(new RegExp(`${name} time \\(seconds\\): ([\\d.]+)`).exec(text)?.[1]);
  return {
    maxRssKb: Number(rss ? rss[1] : text.trim()),
    cpuMs: (seconds('User') + seconds('System')) * 1000,
  };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
