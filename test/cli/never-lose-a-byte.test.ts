// Issue 9 ("never lose a byte"), each finding from its smallest input, through the CLI as a
// process: fix copies every byte it does not change; fix settles in one run; writes never damage
// or redirect; a file is never emptied by writing onto itself.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  linkSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { batchlint, checkJson, errorsIn, tempDir } from './run';

const CHAT =
  '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}]}}';
/** A responses line with `n` chat-style text parts: each is a safe fix of its own. */
const responsesWithChatParts = (n: number): string =>
  `{"custom_id":"r","method":"POST","url":"/v1/responses","body":{"model":"gpt-4o","input":[{"role":"user","content":[${Array.from({ length: n }, (_, i) => `{"type":"text","text":"p${i}"}`).join(',')}]}]}}`;

/** `fix FILE` to stdout, as bytes. */
function fixBytes(t: { after(fn: () => void): void }, input: Buffer) {
  const file = path.join(tempDir(t), 'in.jsonl');
  writeFileSync(file, input);
  const out = path.join(path.dirname(file), 'out.jsonl');
  const run = batchlint(['fix', file, '-o', out]);
  return { run, output: readFileSync(out), file };
}

test('fix copies a line that is not UTF-8 byte for byte (FF stays FF, not EF BF BD)', (t) => {
  const input = Buffer.concat([
    Buffer.from(`${CHAT}\n{"x":"`),
    Buffer.from([0xff]),
    Buffer.from('"}\n'),
  ]);
  const { run, output } = fixBytes(t, input);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /applied 0 fixes/);
  assert.ok(output.equals(input), `got ${output.toString('hex')}`);
});

test('fix --write refuses a gzip and a PNG and leaves them untouched', (t) => {
  const dir = tempDir(t);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  for (const [name, bytes] of [
    ['batch.jsonl.gz', gzipSync(Buffer.from(`${CHAT}\n'x'\n`))],
    ['image.png', png],
  ] as const) {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    const run = batchlint(['fix', '--write', file]);
    assert.equal(run.status, 2, name);
    assert.match(run.stderr, /^batchlint: .* is not a text file .*nothing was fixed or written\n$/);
    assert.ok(readFileSync(file).equals(bytes), `${name} is unchanged`);
    assert.ok(
      readdirSync(dir).every((n) => !n.endsWith('.tmp')),
      'no temporary file is left',
    );
  }
});

test('fix keeps every line ending as read: CRLF and LF mixed, a last CR, no final newline', (t) => {
  for (const text of [
    `${CHAT}\r\n${CHAT.replace('"a"', '"b"')}\n`,
    `${CHAT}\r`,
    `${CHAT}\n${CHAT.replace('"a"', '"b"')}`,
    `${CHAT}\r\n\r`,
  ]) {
    const input = Buffer.from(text);
    const { run, output } = fixBytes(t, input);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /applied 0 fixes/);
    assert.equal(output.toString('latin1'), text);
  }
});

test('fix rewrites only the lines it fixes: the others keep their bytes and endings', (t) => {
  const broken = responsesWithChatParts(1);
  const text = `${CHAT}\r\n${broken}\r\n${CHAT.replace('"a"', '"b"')}\n`;
  const { run, output } = fixBytes(t, Buffer.from(text));
  assert.match(run.stderr, /applied 1 fix;/); // the other error left: two urls in one file

  const lines = output.toString('utf8').split('\n');
  assert.equal(lines[0], `${CHAT}\r`);
  assert.ok(lines[1]!.endsWith('\r') && lines[1]!.includes('"input_text"'), lines[1]);
  assert.equal(lines[2], CHAT.replace('"a"', '"b"'));
  assert.equal(lines[3], '');
});

test('fix applies every safe fix in one run: 9 chat-style parts in a responses line', (t) => {
  const { run, output } = fixBytes(t, Buffer.from(`${responsesWithChatParts(9)}\n`));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /applied 9 fixes; 0 errors left/);
  assert.equal(errorsIn(checkJson('-', output)), 0);
  const again = fixBytes(t, output);
  assert.match(again.run.stderr, /applied 0 fixes/);
  assert.ok(again.output.equals(output), 'a second run changes nothing');
});

test('fix removes the blank lines it warns about, the last one too', (t) => {
  for (const [text, expected] of [
    [`${CHAT}\n\n`, `${CHAT}\n`],
    [`\n${CHAT}\n \n`, `${CHAT}\n`],
    [`${CHAT}\r\n\t\r\n`, `${CHAT}\r\n`],
  ] as const) {
    const { run, output } = fixBytes(t, Buffer.from(text));
    assert.equal(run.status, 0, run.stderr);
    assert.equal(output.toString('utf8'), expected);
    const report = checkJson('-', output);
    assert.deepEqual(
      report.files[0]!.problems.map((p) => p.code),
      [],
    );
  }
});

test('-o naming the input is refused (also by another path or a hard link); the file is intact', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'a.jsonl');
  const text = `${CHAT}\n`;
  writeFileSync(file, text);
  linkSync(file, path.join(dir, 'b.jsonl'));
  for (const verb of [['convert', '--to', 'responses'], ['fix']]) {
    for (const out of [file, path.join(dir, '.', 'a.jsonl'), path.join(dir, 'b.jsonl')]) {
      const run = batchlint([...verb, file, '-o', out]);
      assert.equal(run.status, 2, `${verb[0]} -o ${out}`);
      assert.match(run.stderr, /is the input file itself; nothing was written \(use --write/);
      assert.equal(readFileSync(file, 'utf8'), text);
    }
  }
});

test('--write keeps the file mode and leaves no temporary file behind', (t) => {
  const dir = tempDir(t);
  for (const verb of [['convert', '--to', 'responses'], ['fix']]) {
    const file = path.join(dir, 'batch.jsonl');
    writeFileSync(
      file,
      `${responsesWithChatParts(1).replace('/v1/responses', '/v1/chat/completions')}\n`,
    );
    chmodSync(file, 0o600);
    const run = batchlint([...verb, '--write', file]);
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    assert.equal(statSync(file).mode & 0o777, 0o600, `${verb[0]} keeps 0600`);
    assert.deepEqual(readdirSync(dir), ['batch.jsonl']);
  }
});

test('--write does not follow a link planted at a temporary name; a symlinked input keeps its link', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const victim = path.join(dir, 'victim.txt');
  writeFileSync(file, `${CHAT}\n`);
  writeFileSync(victim, 'keep me');
  // The name the old version used, and a few more a guesser might try.
  symlinkSync(victim, `${file}.batchlint-tmp`);
  symlinkSync(victim, path.join(dir, '.batch.jsonl.tmp'));
  const run = batchlint(['convert', '--to', 'responses', '--write', file]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(victim, 'utf8'), 'keep me');
  assert.ok(lstatSync(file).isFile());
  assert.match(readFileSync(file, 'utf8'), /"url":"\/v1\/responses"/);

  const real = path.join(dir, 'real.jsonl');
  const link = path.join(dir, 'link.jsonl');
  writeFileSync(real, `${CHAT}\n`);
  symlinkSync(real, link);
  const viaLink = batchlint(['convert', '--to', 'responses', '--write', link]);
  assert.equal(viaLink.status, 0, viaLink.stderr);
  assert.match(viaLink.stderr, /link\.jsonl is a symbolic link: wrote the file it points to/);
  assert.ok(lstatSync(link).isSymbolicLink(), 'the link stays a link');
  assert.match(readFileSync(real, 'utf8'), /"url":"\/v1\/responses"/);
});

test('--write refuses a hard-linked input: both names keep the same, unchanged file', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'batch.jsonl');
  const other = path.join(dir, 'other.jsonl');
  writeFileSync(file, `${CHAT}\n\n`);
  linkSync(file, other);
  for (const verb of [['convert', '--to', 'responses'], ['fix']]) {
    const run = batchlint([...verb, '--write', file]);
    assert.equal(run.status, 2, verb[0]);
    assert.match(
      run.stderr,
      /has 2 hard links; replacing it would split them, so nothing was written/,
    );
    assert.equal(readFileSync(file, 'utf8'), `${CHAT}\n\n`);
    assert.equal(statSync(file).ino, statSync(other).ino);
  }
});

test('-o /dev/null writes to the device, and leaves it a device', () => {
  for (const verb of [['convert', '--to', 'responses'], ['fix']]) {
    const run = batchlint([...verb, 'examples/clean-chat.jsonl', '-o', '/dev/null']);
    assert.equal(run.status, 0, `${verb[0]}: ${run.stderr}`);
    assert.ok(statSync('/dev/null').isCharacterDevice());
  }
});
