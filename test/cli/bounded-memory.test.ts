// The CLI's memory is bounded by what it reports, not by how broken the input is: each run gets
// a JavaScript heap far smaller than what keeping every problem would take (1 MB of "{}" lines
// once held 1.08 GB), and must finish within it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repo, tempDir } from './run';

const HEAP_MB = 48;

/** `batchlint ...args` with the heap capped at HEAP_MB. */
function bounded(args: readonly string[]): { status: number | null; stdout: string } {
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, path.join(repo, 'dist', 'cli.js'), ...args],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (result.error) throw result.error;
  assert.ok(result.status === 0 || result.status === 1, `exit ${result.status}: ${result.stderr}`);
  return { status: result.status, stdout: result.stdout };
}

test('3 MB of {} lines with --max-problems 10: four million problems counted in a 48 MB heap', (t) => {
  const file = path.join(tempDir(t), 'empty-objects.jsonl');
  const lines = 1_000_000;
  writeFileSync(file, '{}\n'.repeat(lines));
  for (const format of ['text', 'json', 'sarif']) {
    const run = bounded(['check', '--format', format, '--max-problems', '10', file]);
    if (format === 'text') {
      const out = run.stdout.trimEnd().split('\n');
      assert.equal(out.length, 12, 'ten problems, how many more, and the summary');
      assert.match(out[10]!, /3999991 more problems not shown/);
      assert.match(out[11]!, /1000000 requests: 4000001 errors/);
    } else if (format === 'json') {
      const report = JSON.parse(run.stdout) as { files: { problems: unknown[] }[] };
      assert.equal(report.files[0]!.problems.length, 10);
    }
  }
});

test('the text report is written as it is found: 100,000 problems in a 48 MB heap', (t) => {
  const file = path.join(tempDir(t), 'not-json.jsonl');
  writeFileSync(file, 'x\n'.repeat(100_000));
  const run = bounded(['check', file]);
  const out = run.stdout.trimEnd().split('\n');
  assert.equal(out.filter((l) => l.endsWith('[invalid_json_line]')).length, 100_000);
  assert.match(out[0]!, /:1:1: error: /);
  assert.match(out[out.length - 1]!, /^1 file, 0 requests: 10000\d errors/);
});

test('fix streams: 32 MB with a fix on every tenth line, in a 48 MB heap (the whole-file fix needed 10 times the file), same bytes as read but the fixes', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'big.jsonl');
  const line = (i: number): string =>
    `{"custom_id":"r${i}","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"${'word '.repeat(200)}"}]}}`;
  const count = Math.ceil((32 << 20) / line(0).length);
  const lines = Array.from({ length: count }, (_, i) =>
    i % 10 === 0 ? `${line(i).slice(0, -1)},}` : line(i),
  );
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  const out = path.join(dir, 'fixed.jsonl');
  const result = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, path.join(repo, 'dist', 'cli.js'), 'fix', file, '-o', out],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, new RegExp(`applied ${Math.ceil(count / 10)} fixes; 0 errors left`));
  const expected = lines.map((l, i) => (i % 10 === 0 ? line(i) : l));
  assert.equal(readFileSync(out, 'utf8'), `${expected.join('\r\n')}\r\n`);
});

test('the JSON and SARIF reports are written as they are found: 50,000 problems in a 48 MB heap', (t) => {
  const file = path.join(tempDir(t), 'not-json.jsonl');
  writeFileSync(file, 'x\n'.repeat(50_000));
  const json = JSON.parse(bounded(['check', '--format', 'json', file]).stdout) as {
    files: { requests: number; problems: { line: number; code: string }[] }[];
  };
  const problems = json.files[0]!.problems;
  assert.equal(problems.filter((p) => p.code === 'invalid_json_line').length, 50_000);
  assert.equal(problems[49_999]!.line, 50_000);
  assert.equal(json.files[0]!.requests, 0);
  const sarif = JSON.parse(bounded(['check', '--format', 'sarif', file]).stdout) as {
    runs: { results: { ruleId: string }[]; tool: { driver: { rules: unknown[] } } }[];
  };
  const results = sarif.runs[0]!.results;
  assert.equal(results.filter((r) => r.ruleId === 'invalid_json_line').length, 50_000);
  assert.ok(sarif.runs[0]!.tool.driver.rules.length > 0);
});
