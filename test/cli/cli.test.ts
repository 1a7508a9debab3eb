// The batchlint command as a process: output formats, exit codes, stdin, fix, convert, and
// inputs that are not batch files at all. Temp dirs only; the repo is never written to.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, repo, tempDir } from './run';
import { PROBLEM_CODES } from '../../server/src/core';

/** The seed mistakes: file, then the code and 1-based line:column of their first problem. */
const SEEDS: [string, string, string][] = [
  ['examples/chat-input-image.jsonl', 'invalid_value', '1:143'],
  ['examples/chat-image-url-string.jsonl', 'invalid_type', '1:213'],
  ['examples/responses-messages.jsonl', 'unsupported_parameter', '1:91'],
  ['examples/pretty-printed.jsonl', 'multiline_request', '1:1'],
  ['examples/json-array.jsonl', 'invalid_json_line', '1:1'],
];
const CLEAN = 'examples/clean-chat.jsonl';
const SEED = 'examples/seed-mistakes.jsonl';
const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|info): (.+) \[([a-z0-9_]+)\]$/;

for (const [file, code, at] of SEEDS) {
  test(`check ${file}: text lines file:line:col: severity: message [code], exit 1`, () => {
    const run = batchlint(['check', file]);
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop()!;
    assert.match(summary, /^1 file, \d+ requests?: [1-9]\d* errors?, \d+ warnings?$/);
    assert.ok(lines.length > 0);
    for (const line of lines) {
      const m = TEXT_LINE.exec(line);
      assert.ok(m, `not a problem line: ${line}`);
      assert.equal(m[1], file);
    }
    const first = TEXT_LINE.exec(lines[0]!)!;
    assert.equal(`${first[2]}:${first[3]}`, at);
    assert.equal(first[4], 'error');
    assert.equal(first[6], code);
  });
}

test('check of the clean example: only the summary, exit 0', () => {
  const run = batchlint(['check', CLEAN]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '1 file, 5 requests: 0 errors, 0 warnings\n');
});

test('check --format json: the exact documented shape', () => {
  const run = batchlint(['check', '--format', 'json', SEEDS[0]![0], CLEAN]);
  assert.equal(run.status, 1);
  const report = JSON.parse(run.stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(report), ['files']);
  const files = report.files as Record<string, unknown>[];
  assert.deepEqual(
    files.map((f) => f.path),
    [SEEDS[0]![0], CLEAN],
  );
  for (const file of files) {
    // The problems stream before what is known only at the end of the file.
    assert.deepEqual(Object.keys(file), [
      'path',
      'problems',
      'requests',
      'dialect',
      'dialectEvidence',
    ]);
    assert.equal(typeof file.requests, 'number');
    assert.equal(file.dialect, 'openai');
    assert.match(file.dialectEvidence as string, /^detected from \d+ of \d+ request lines? /);
  }
  const problems = files[0]!.problems as Record<string, unknown>[];
  assert.equal(problems.length, 2);
  for (const p of problems) {
    assert.deepEqual(Object.keys(p), [
      'line',
      'column',
      'endLine',
      'endColumn',
      'severity',
      'code',
      'stage',
      'message',
      'param',
      'fixes',
    ]);
    for (const key of ['line', 'column', 'endLine', 'endColumn'])
      assert.ok(Number.isInteger(p[key]) && (p[key] as number) >= 1, `${key} is 1-based`);
    assert.equal(p.severity, 'error');
    assert.equal(p.code, 'invalid_value');
    assert.ok(['validation', 'execution', 'hint'].includes(p.stage as string), 'a stage');
    assert.ok(typeof p.param === 'string' || p.param === null);
    assert.ok(Array.isArray(p.fixes) && p.fixes.length > 0, 'the seed mistakes have fixes');
    for (const f of p.fixes as Record<string, unknown>[]) {
      assert.deepEqual(Object.keys(f), ['title', 'safe']);
      assert.ok(typeof f.title === 'string' && f.title !== '');
      assert.equal(typeof f.safe, 'boolean', 'says whether batchlint fix applies it');
    }
  }
  assert.deepEqual(files[1]!.problems, []);
});

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  properties: { stage: string };
}

test('check --format sarif: SARIF 2.1.0 with rules, levels and locations', () => {
  const run = batchlint(['check', '--format', 'sarif', ...SEEDS.map((s) => s[0])]);
  assert.equal(run.status, 1);
  const sarif = JSON.parse(run.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 1);
  const [sarifRun] = sarif.runs;
  assert.equal(sarifRun.tool.driver.name, 'batchlint');
  const rules = sarifRun.tool.driver.rules as SarifRule[];
  const ruleIds = rules.map((r) => r.id);
  assert.deepEqual(ruleIds, PROBLEM_CODES, 'one rule per catalogued code');
  for (const rule of rules) {
    assert.ok(rule.shortDescription.text !== '' && rule.fullDescription.text !== '', rule.id);
    assert.match(rule.helpUri, /^https:\/\//, `${rule.id} has a help link`);
    assert.ok(
      ['validation', 'execution', 'hint', 'result'].includes(rule.properties.stage),
      rule.id,
    );
  }
  assert.ok(sarifRun.results.length >= SEEDS.length);
  for (const result of sarifRun.results) {
    assert.equal(ruleIds[result.ruleIndex], result.ruleId, `rule ${result.ruleId} is declared`);
    assert.ok(['validation', 'execution', 'hint'].includes(result.properties.stage));
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.ok(typeof result.message.text === 'string' && result.message.text !== '');
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    assert.ok(SEEDS.some(([file]) => file === artifactLocation.uri));
    assert.ok(region.startLine >= 1 && region.startColumn >= 1);
  }
  const codes = new Set(sarifRun.results.map((r: { ruleId: string }) => r.ruleId));
  for (const [, code] of SEEDS) assert.ok(codes.has(code), `a ${code} result`);
});

test('check - reads stdin and reports the same problems as the file', () => {
  const [file] = SEEDS[1]!;
  const fromFile = checkJson(file);
  const fromStdin = checkJson('-', readFileSync(path.join(repo, file)));
  assert.equal(fromStdin.files[0]!.path, '-');
  assert.deepEqual(fromStdin.files[0]!.problems, fromFile.files[0]!.problems);
  assert.equal(batchlint(['check', '-'], readFileSync(path.join(repo, CLEAN))).status, 0);
});

const USAGE_ERRORS: [string, string[]][] = [
  ['an unknown flag', ['check', '--bogus', CLEAN]],
  ['an unknown command', ['lint', CLEAN]],
  ['check without a file', ['check']],
  ['a bad --format', ['check', '--format', 'xml', CLEAN]],
  ['convert without --to', ['convert', CLEAN]],
  ['-o together with --write', ['fix', CLEAN, '-o', 'x', '--write']],
  ['an option of another command', ['check', '--write', CLEAN]],
  ['an option without its value', ['check', CLEAN, '--format']],
  ['a value that looks like an option', ['check', '--max-problems', '-1', CLEAN]],
  ['a value given to a flag', ['fix', '--write=yes', CLEAN]],
  ['a negative --max-problems', ['check', '--max-problems=-1', CLEAN]],
  ['two files to fix', ['fix', CLEAN, CLEAN]],
];
for (const [what, args] of USAGE_ERRORS) {
  test(`exit 2 with a one-line reason for ${what}`, () => {
    const run = batchlint(args);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^batchlint: \S[^\n]*\n$/, 'exactly one line');
    assert.doesNotMatch(run.stderr, /internal error|undefined/);
  });
}

test('--help prints the usage on stdout, --version the version, exit 0', () => {
  for (const args of [['--help'], ['-h'], ['check', '--help']]) {
    const run = batchlint(args);
    assert.equal(run.status, 0, args.join(' '));
    assert.match(run.stdout, /^Usage:\n {2}batchlint check/);
  }
  const version = batchlint(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\S*\n$/);
});

test("--help and the README say the same about each exit status, convert's cases included", () => {
  // Both written for people: compared without markup, line breaks and the README's "for".
  const plain = (text: string): string =>
    text
      .replace(/`/g, '')
      .replace(/\s+/g, ' ')
      .replace(/\(for convert:/g, '(convert:');
  const statuses = (text: string): string[] => {
    const from = plain(text).indexOf('Exit status: ');
    assert.ok(from >= 0, 'an exit status paragraph');
    const clause = /Exit status: (0 [^)]*\)), (1 [^)]*\)), (2 usage or I\/O error)/.exec(
      plain(text).slice(from),
    );
    assert.ok(clause, plain(text).slice(from, from + 400));
    return clause.slice(1);
  };
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const help = batchlint(['convert', '--help']);
  assert.equal(help.status, 0);
  assert.deepEqual(statuses(help.stdout), statuses(readme));
  assert.match(statuses(help.stdout)[1]!, /a value was dropped, added or changed/);
});

test('options go before or after the file, and as --name=value', (t) => {
  const dir = tempDir(t);
  const a = batchlint(['check', CLEAN, '--format', 'json']);
  const b = batchlint(['check', '--format=json', CLEAN]);
  assert.equal(a.status, 0, a.stderr);
  assert.equal(a.stdout, b.stdout);
  const out = path.join(dir, 'out.jsonl');
  const run = batchlint(['convert', CLEAN, '--output', out, '--to=responses']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
});

test('exit 2 with a one-line reason for a missing file and for a directory', (t) => {
  const dir = tempDir(t);
  for (const [target, reason] of [
    [path.join(dir, 'nope.jsonl'), /no such file/],
    [dir, /directory/],
  ] as const) {
    for (const verb of [['check'], ['fix'], ['convert', '--to', 'responses']]) {
      const run = batchlint([...verb, target]);
      assert.equal(run.status, 2, `${verb[0]} ${target}`);
      assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, reason);
      assert.doesNotMatch(run.stderr, /internal error/);
    }
  }
});

test('bare batchlint prints the usage on stderr and exits 2 (a script missing its arguments fails)', () => {
  const run = batchlint([]);
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^Usage:\n {2}batchlint check/);
});

test('an unreadable file does not hide the others: each is reported, then exit 2', (t) => {
  const dir = tempDir(t);
  const one = path.join(dir, 'one.jsonl');
  writeFileSync(one, readFileSync(path.join(repo, CLEAN), 'utf8').split('\n')[0] + '\n');
  const missing = path.join(dir, 'missing.jsonl');
  for (const files of [
    [missing, one],
    [one, missing],
  ]) {
    const run = batchlint(['check', ...files]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '1 file, 1 request: 0 errors, 0 warnings\n');
    assert.equal(run.stderr, `batchlint: cannot read ${missing}: no such file\n`);
  }
});

test('--max-problems says how many problems it hid', () => {
  const all = batchlint(['check', SEED]);
  const shown = all.stdout.split('\n').filter((l) => l.startsWith(`${SEED}:`)).length;
  assert.ok(shown > 1, 'the seed file has several problems');
  const run = batchlint(['check', '--max-problems', '1', SEED]);
  assert.equal(run.status, 1);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.filter((l) => /:\d+:\d+: /.test(l)).length, 1);
  assert.ok(
    lines.includes(`${SEED}: ${shown - 1} more problems not shown (--max-problems)`),
    run.stdout,
  );
});

test('results, split and estimate: --help and -h print their usage (exit 0); a bad option or a missing file is one line that points to their --help (exit 2)', () => {
  for (const verb of ['results', 'split', 'estimate']) {
    for (const flag of ['--help', '-h']) {
      const help = batchlint([verb, flag]);
      assert.equal(help.status, 0, `${verb} ${flag}`);
      assert.match(help.stdout, new RegExp(`^Usage:\\n  batchlint ${verb} `), `${verb} ${flag}`);
      assert.equal(help.stderr, '');
    }
    for (const args of [['--no-such-option', 'x.jsonl'], ['--format'], []]) {
      const bad = batchlint([verb, ...args]);
      assert.equal(bad.status, 2, `${verb} ${args.join(' ')}`);
      assert.equal(bad.stdout, '');
      assert.match(
        bad.stderr,
        new RegExp(`^batchlint: [^\\n]+ \\(batchlint ${verb} --help shows the usage\\)\\n$`),
        `${verb} ${args.join(' ')}: ${bad.stderr}`,
      );
    }
  }
});
