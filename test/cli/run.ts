// Runs the built CLI (dist/cli.js) as a real process, the way scripts and CI call it.
// scripts/test.mjs builds dist/ before any test runs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// Compiled tests run from out/test/cli; the CLI bundle and examples stay in the source tree.
export const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `batchlint ...args` from the repo root (so example paths print as `examples/…`) or `cwd`, with
 * `env` added to this process's environment.
 */
export function batchlint(
  args: readonly string[],
  input?: string | Buffer,
  cwd = repo,
  env: Record<string, string> = {},
): Run {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd,
    env: { ...process.env, ...env },
    input: input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temp dir per test, removed afterwards; nothing is ever written into the repo. */
export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'batchlint-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface JsonReport {
  files: {
    path: string;
    requests: number;
    dialect: string;
    dialectEvidence: string | null;
    problems: {
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      severity: string;
      code: string;
      message: string;
      param: string | null;
      stage: string;
      fixes: { title: string; safe: boolean }[];
    }[];
  }[];
}

export function checkJson(file: string, input?: string | Buffer): JsonReport {
  const run = batchlint(['check', '--format', 'json', file], input);
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`check exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonReport;
}

export const errorsIn = (report: JsonReport): number =>
  report.files.flatMap((f) => f.problems).filter((p) => p.severity === 'error').length;
