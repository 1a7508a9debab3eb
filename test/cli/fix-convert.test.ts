// batchlint fix and convert as processes: where the result goes (stdout, -o, --write), that a
// fixed seed mistake checks clean, and convert's exit status and report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { batchlint, checkJson, errorsIn, repo, tempDir } from './run';

const SEEDS = [
  'examples/chat-input-image.jsonl',
  'examples/chat-image-url-string.jsonl',
  'examples/responses-messages.jsonl',
  'examples/pretty-printed.jsonl',
  'examples/json-array.jsonl',
];

for (const file of SEEDS) {
  test(`fix ${file}: stdout, -o and --write all give a file with no errors`, (t) => {
    const dir = tempDir(t);
    const original = readFileSync(path.join(repo, file), 'utf8');

    const toStdout = batchlint(['fix', file]);
    assert.equal(toStdout.status, 0, toStdout.stderr);
    assert.match(toStdout.stderr, /^batchlint: applied [1-9]\d* fix(es)?; 0 errors left\n$/);
    assert.notEqual(toStdout.stdout, original);
    assert.equal(errorsIn(checkJson('-', toStdout.stdout)), 0);

    const out = path.join(dir, 'out.jsonl');
    const toFile = batchlint(['fix', file, '-o', out]);
    assert.equal(toFile.status, 0, toFile.stderr);
    assert.equal(toFile.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), toStdout.stdout);

    const copy = path.join(dir, path.basename(file));
    copyFileSync(path.join(repo, file), copy);
    const inPlace = batchlint(['fix', '--write', copy]);
    assert.equal(inPlace.status, 0, inPlace.stderr);
    assert.equal(inPlace.stdout, '');
    assert.equal(readFileSync(copy, 'utf8'), toStdout.stdout);
    const recheck = batchlint(['check', copy]);
    assert.equal(recheck.status, 0, recheck.stdout);
    assert.match(recheck.stdout, / 0 errors/);
  });
}

test('fix of the clean example changes nothing', () => {
  const run = batchlint(['fix', 'examples/clean-chat.jsonl']);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, readFileSync(path.join(repo, 'examples/clean-chat.jsonl'), 'utf8'));
});

test('convert --to responses: a lossless file converts with exit 0', (t) => {
  const run = batchlint(['convert', '--to', 'responses', 'examples/clean-chat.jsonl']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /converted 5 lines; 0 things need a decision/);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 5);
  for (const line of lines) {
    const request = JSON.parse(line);
    assert.equal(request.url, '/v1/responses');
    assert.ok(Array.isArray(request.body.input) && !('messages' in request.body));
  }
  assert.equal(errorsIn(checkJson('-', run.stdout)), 0);

  const out = path.join(tempDir(t), 'responses.jsonl');
  const toFile = batchlint([
    'convert',
    '--to',
    'responses',
    'examples/clean-chat.jsonl',
    '-o',
    out,
  ]);
  assert.equal(toFile.status, 0);
  assert.equal(toFile.stdout, '');
  assert.equal(readFileSync(out, 'utf8'), run.stdout);
});

test('convert --to responses: exit 1 and a report on stderr when something needs a decision', (t) => {
  const file = path.join(tempDir(t), 'n.jsonl');
  const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], n: 2 };
  const lines = [
    JSON.stringify({ custom_id: 'a', method: 'POST', url: '/v1/chat/completions', body }),
    'not json',
  ];
  writeFileSync(file, lines.join('\n') + '\n');
  const run = batchlint(['convert', '--to', 'responses', file]);
  assert.equal(run.status, 1);
  const report = run.stderr.trimEnd().split('\n');
  assert.ok(
    report.some((l) => l.startsWith(`${file}: line 1: 'n'`)),
    run.stderr,
  );
  assert.ok(
    report.some((l) => l.startsWith(`${file}: line 2: not converted`)),
    run.stderr,
  );
  assert.match(report.at(-1)!, /converted 1 line; 2 things need a decision/);
  const out = run.stdout.split('\n');
  assert.equal(JSON.parse(out[0]!).url, '/v1/responses');
  assert.equal(out[1], 'not json', 'an unconvertible line is left exactly as it was');
});

test('a binary file, invalid UTF-8 and an empty file give clear problems, not crashes', (t) => {
  const dir = tempDir(t);
  const cases: [string, Buffer, string][] = [
    [
      'binary.jsonl',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x0a]),
      'binary_file',
    ],
    [
      'latin1.jsonl',
      Buffer.from('{"custom_id":"caf\xe9","method":"POST"}\n', 'latin1'),
      'invalid_utf8',
    ],
    ['empty.jsonl', Buffer.alloc(0), 'empty_file'],
  ];
  for (const [name, bytes, code] of cases) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    for (const format of ['text', 'json', 'sarif']) {
      const run = batchlint(['check', '--format', format, file]);
      assert.equal(run.status, 1, `${name} --format ${format}: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /internal error/);
      assert.ok(run.stdout.includes(code), `${name} reports ${code}`);
    }
    const fix = batchlint(['fix', file]);
    const convert = batchlint(['convert', '--to', 'responses', file]);
    for (const run of [fix, convert]) {
      assert.doesNotMatch(run.stderr, /internal error/);
      // fix refuses a file that is not text (exit 2, one line); everything else is 0 or 1.
      if (run === fix && code === 'binary_file') {
        assert.equal(run.status, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, /^batchlint: .* is not a text file .*\n$/);
      } else assert.ok(run.status === 0 || run.status === 1, `${name}: ${run.stderr}`);
    }
  }
});

test('convert keeps what it does not convert byte for byte: BOM, CRLF, bad UTF-8, no final newline', (t) => {
  const dir = tempDir(t);
  const chat = (id: string): string =>
    `{"custom_id":"${id}","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"é"}]}}`;
  const input = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${chat('a')}\r\n{"x":"`),
    Buffer.from([0xff]),
    Buffer.from(`"}\n${chat('b')}`),
  ]);
  const file = path.join(dir, 'mixed.jsonl');
  const out = path.join(dir, 'out.jsonl');
  writeFileSync(file, input);
  const run = batchlint(['convert', '--to', 'responses', file, '-o', out]);
  assert.equal(run.status, 1, 'the bad line needs a decision');
  const bytes = readFileSync(out);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const [first, second, third] = bytes.subarray(3).toString('latin1').split('\n');
  assert.ok(first!.endsWith('\r') && first!.includes('"url":"/v1/responses"'));
  assert.equal(second, '{"x":"\xff"}', 'the invalid line is copied as it was');
  assert.ok(third!.includes('"custom_id":"b"') && !bytes.toString('latin1').endsWith('\n'));
});

test('fix reads a FIFO as it reads the file (a pipe cannot be read twice)', (t) => {
  if (process.platform === 'win32') return t.skip('no mkfifo');
  const dir = tempDir(t);
  const fifo = path.join(dir, 'batch.jsonl');
  const example = path.join(repo, 'examples', 'seed-mistakes.jsonl');
  execFileSync('mkfifo', [fifo]);
  const cli = path.join(repo, 'dist', 'cli.js');
  // The writer opens the FIFO beside the reader: each waits for the other.
  const run = spawnSync(
    'sh',
    ['-c', 'cat "$1" > "$2" & exec "$3" "$4" fix "$2"', 'sh', example, fifo, process.execPath, cli],
    {
      encoding: 'utf8',
    },
  );
  const direct = batchlint(['fix', example]);
  assert.equal(direct.status, 0);
  assert.ok(direct.stdout.length > 0);
  assert.deepEqual(
    { status: run.status, stdout: run.stdout, stderr: run.stderr },
    { status: direct.status, stdout: direct.stdout, stderr: direct.stderr },
  );
});
