// The building blocks of every message (value labels, lists, parameter paths), and a guard that
// the generated validators match the schemas they were compiled from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatParam, gotLabel, quoteList, invalidValueMessage } from '../../server/src/core/words';
import { pointerToPath } from '../../server/src/core/schema/pointer';

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('words: the type the API says it got', () => {
  const cases: [unknown, string][] = [
    ['x', 'a string'],
    [3, 'an integer'],
    [3.5, 'a decimal number'],
    [true, 'a boolean'],
    [null, 'null'],
    [[], 'an array'],
    [{}, 'an object'],
  ];
  for (const [value, label] of cases) assert.equal(gotLabel(value), label);
});

test('words: supported values use the Oxford comma from three values on', () => {
  assert.equal(quoteList(['a']), "'a'");
  assert.equal(quoteList(['a', 'b']), "'a' and 'b'");
  assert.equal(quoteList(['a', 'b', 'c']), "'a', 'b', and 'c'");
  assert.equal(
    invalidValueMessage(5, ['auto', 'low']),
    "Invalid value: '5'. Supported values are: 'auto' and 'low'.",
  );
});

test('pointer: indices become numbers only inside arrays', () => {
  const root = { messages: [{ content: [{}, { image_url: 'x' }] }], logit_bias: { '50256': 1 } };
  assert.deepEqual(pointerToPath('/messages/0/content/1/image_url', root), [
    'messages',
    0,
    'content',
    1,
    'image_url',
  ]);
  assert.deepEqual(pointerToPath('/logit_bias/50256', root), ['logit_bias', '50256']);
  assert.deepEqual(pointerToPath('/a~1b/c~0d', {}), ['a/b', 'c~d']);
  assert.deepEqual(pointerToPath('', root), []);
});

test('param: brackets with no dot before them', () => {
  assert.equal(
    formatParam(['messages', 0, 'content', 1, 'image_url']),
    'messages[0].content[1].image_url',
  );
  assert.equal(formatParam(['input', 2]), 'input[2]');
  assert.equal(formatParam([]), '');
});

test("validators gather a $ref's errors in place (a concat per call made N bad items cost N² copies)", () => {
  const built = readFileSync(
    path.join(ROOT, 'server', 'src', 'core', 'generated', 'validators.ts'),
    'utf8',
  );
  assert.ok(!built.includes('vErrors.concat('), 'no concat of the errors gathered so far');
  assert.match(built, /else for \(const e of validate\d+\.errors\) vErrors\.push\(e\);/);
});

test('generated validators are not stale', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'batchlint-schemas-'));
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'compile-schemas.mjs'), dir]);
    for (const file of ['validators.ts', 'index.ts', 'raw-schemas.ts']) {
      const fresh = readFileSync(path.join(dir, file), 'utf8');
      const built = readFileSync(
        path.join(ROOT, 'server', 'src', 'core', 'generated', file),
        'utf8',
      );
      assert.ok(fresh === built, `${file} is stale: run node scripts/build.mjs`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
