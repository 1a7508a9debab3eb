// Every file a command writes goes through one output check (cli/output.ts): an output that is
// one of the files the command reads is refused before anything is written, a part of a split
// never replaces anything at its name, a read-only file is not rewritten. Each case from its
// smallest input, with the command's own words (no option the command does not have).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  linkSync,
  lstatSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { batchlint, tempDir } from './run';
import { chatUser } from '../unit/builders';
import { failed } from '../unit/result-builders';

const FAILURE = { message: 'bad', code: 'invalid_value', param: null };

/** One request and one result line for it (a 400), written into `dir`. */
function resultsBatch(dir: string): { input: string; output: string; outputText: string } {
  const input = path.join(dir, 'in.jsonl');
  const output = path.join(dir, 'out.jsonl');
  writeFileSync(input, `${chatUser('hi', 'r1')}\n`);
  const outputText = `${failed('r1', FAILURE)}\n`;
  writeFileSync(output, outputText);
  return { input, output, outputText };
}

test('results --retry naming a file it reads (--output, --errors, --batch, the input; by path, symbolic or hard link) is refused, exit 2, the file intact', (t) => {
  const dir = tempDir(t);
  const { input, output, outputText } = resultsBatch(dir);
  const batch = path.join(dir, 'batch.json');
  const batchText = JSON.stringify({ id: 'batch_1', status: 'completed' });
  writeFileSync(batch, batchText);
  symlinkSync(output, path.join(dir, 'link.jsonl'));
  linkSync(output, path.join(dir, 'hard.jsonl'));
  const cases: [string[], string, RegExp][] = [
    [
      ['--output', output],
      output,
      /--retry \S+out\.jsonl is the file given to --output; nothing was written \(give --retry a new file name\)/,
    ],
    [
      ['--output', output],
      path.join(dir, 'link.jsonl'),
      /is \S+out\.jsonl, the file given to --output/,
    ],
    [
      ['--output', output],
      path.join(dir, 'hard.jsonl'),
      /is \S+out\.jsonl, the file given to --output/,
    ],
    [['--errors', output], output, /is the file given to --errors; nothing was written/],
    [
      ['--output', output, '--batch', batch],
      batch,
      /is the file given to --batch; nothing was written/,
    ],
    [
      ['--output', output],
      input,
      /--retry \S+in\.jsonl is the input file itself; nothing was written/,
    ],
  ];
  for (const [given, retry, message] of cases) {
    const run = batchlint(['results', input, ...given, '--retry', retry]);
    assert.equal(run.status, 2, `${given.join(' ')} --retry ${retry}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /-o |--write/, 'results has neither -o nor --write');
    assert.equal(readFileSync(output, 'utf8'), outputText);
    assert.equal(readFileSync(batch, 'utf8'), batchText);
    assert.equal(readFileSync(input, 'utf8'), `${chatUser('hi', 'r1')}\n`);
  }
  assert.ok(lstatSync(path.join(dir, 'link.jsonl')).isSymbolicLink());
  assert.equal(statSync(output).nlink, 2);
  assert.deepEqual(readdirSync(dir).sort(), [
    'batch.json',
    'hard.jsonl',
    'in.jsonl',
    'link.jsonl',
    'out.jsonl',
  ]);
});

test('results --retry into a symbolic link writes the file it points to and says so', (t) => {
  const dir = tempDir(t);
  const { input, output } = resultsBatch(dir);
  const real = path.join(dir, 'retry-real.jsonl');
  writeFileSync(real, '');
  symlinkSync(real, path.join(dir, 'retry.jsonl'));
  const run = batchlint([
    'results',
    input,
    '--output',
    output,
    '--retry',
    path.join(dir, 'retry.jsonl'),
  ]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /note: \S+retry\.jsonl is a symbolic link: wrote the file it points to/);
  assert.equal(readFileSync(real, 'utf8'), `${chatUser('hi', 'r1')}\n`);
});

test('split refuses parts already there (a link planted at a part name, an earlier part) before writing anything', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'b.jsonl');
  writeFileSync(file, [1, 2, 3].map((i) => `${chatUser(`q${i}`, `r${i}`)}\n`).join(''));
  const victim = path.join(dir, 'victim.txt');
  writeFileSync(victim, 'victim');
  symlinkSync(victim, path.join(dir, 'b.part-1.jsonl'));
  writeFileSync(path.join(dir, 'b.part-2.jsonl'), 'existing');
  const run = batchlint(['split', file, '--max-requests', '2']);
  assert.equal(run.status, 2, run.stderr);
  assert.match(
    run.stderr,
    /cannot split \S+b\.jsonl: b\.part-1\.jsonl and b\.part-2\.jsonl already exist; nothing was written \(split never replaces parts: remove or move them first\)/,
  );
  assert.equal(readFileSync(victim, 'utf8'), 'victim');
  assert.equal(readFileSync(path.join(dir, 'b.part-2.jsonl'), 'utf8'), 'existing');
  assert.ok(lstatSync(path.join(dir, 'b.part-1.jsonl')).isSymbolicLink());
  assert.deepEqual(readdirSync(dir).sort(), [
    'b.jsonl',
    'b.part-1.jsonl',
    'b.part-2.jsonl',
    'victim.txt',
  ]);

  // A stale later part alone (an earlier split made more parts) is refused too.
  const other = path.join(dir, 'c.jsonl');
  writeFileSync(other, readFileSync(file));
  writeFileSync(path.join(dir, 'c.part-7.jsonl'), 'stale');
  const stale = batchlint(['split', other, '--max-requests', '2']);
  assert.equal(stale.status, 2, stale.stderr);
  assert.match(stale.stderr, /c\.part-7\.jsonl already exists; nothing was written/);
  assert.ok(!readdirSync(dir).includes('c.part-1.jsonl'));
});

test('--write and -o refuse a read-only file: it keeps its bytes and its mode', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'ro.jsonl');
  const text = `${chatUser('hi', 'r1')}\n\n`;
  writeFileSync(file, text);
  chmodSync(file, 0o444);
  for (const args of [
    ['convert', '--to', 'responses', '--write', file],
    ['fix', '--write', file],
    ['fix', 'examples/clean-chat.jsonl', '-o', file],
  ]) {
    const run = batchlint(args);
    assert.equal(run.status, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(
      run.stderr,
      /ro\.jsonl is read-only \(mode 0444\); nothing was written \(make it writable first, or write to another file with -o\)/,
    );
    assert.equal(readFileSync(file, 'utf8'), text);
    assert.equal(statSync(file).mode & 0o777, 0o444);
  }
  assert.deepEqual(readdirSync(dir), ['ro.jsonl']);
});

test('an empty option value is a usage error naming the option, not a file that is not there', () => {
  for (const args of [
    ['convert', '--to', 'responses', 'examples/clean-chat.jsonl', '-o', ''],
    ['fix', 'examples/clean-chat.jsonl', '--output='],
    ['results', 'examples/clean-chat.jsonl', '--output', 'x.jsonl', '--retry', ''],
  ]) {
    const run = batchlint(args);
    assert.equal(run.status, 2, args.join(' '));
    assert.match(
      run.stderr,
      /^batchlint: (-o|--output|--retry) needs a value, not an empty string \(batchlint/,
    );
  }
});
