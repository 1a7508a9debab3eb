// Issue 9, item 16 and the smaller findings: each from its smallest input, through the CLI.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { batchlint, tempDir } from './run';

const line = (body: string): string =>
  `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"hi"}],${body}}}\n`;

test('1e400 is named as a number too large to represent, not "a decimal number"', () => {
  const run = batchlint(['check', '-'], line('"temperature":1e400'));
  assert.equal(run.status, 1);
  assert.match(
    run.stdout,
    /Invalid type for 'temperature': expected a decimal, but got a number too large to represent instead\./,
  );
  assert.doesNotMatch(run.stdout, /got a decimal number/);
});

test('SARIF artifact uris are percent-encoded (relative and absolute paths)', (t) => {
  const dir = tempDir(t);
  const name = 'a b#1%.jsonl';
  writeFileSync(path.join(dir, name), line('"temperature":"hot"'));
  for (const [file, expected] of [
    [path.join(dir, name), pathToFileURL(path.join(dir, name)).href],
    [name, 'a%20b%231%25.jsonl'],
  ] as const) {
    const run = batchlint(['check', '--format', 'sarif', file], undefined, dir);
    assert.equal(run.status, 1, run.stderr);
    const sarif = JSON.parse(run.stdout);
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, expected);
    assert.doesNotThrow(() => new URL(uri, 'file:///base/'));
    assert.ok(!/[ #]/.test(uri), uri);
  }
});

test('a key given twice is a warning on the repeated key, naming which value is used', () => {
  const text = line('"model":"gpt-4o-mini"');
  const run = batchlint(['check', '--format', 'json', '-'], text);
  assert.equal(run.status, 0, run.stderr);
  const problems = JSON.parse(run.stdout).files[0].problems;
  assert.equal(problems.length, 1, run.stdout);
  const [p] = problems;
  assert.equal(p.code, 'duplicate_key');
  assert.equal(p.severity, 'warning');
  assert.equal(p.param, 'model');
  const second = text.lastIndexOf('"model"');
  assert.deepEqual([p.line, p.column, p.endColumn], [1, second + 1, second + 1 + '"model"'.length]);
  assert.match(p.message, /By our reading the API keeps the last one/);
  // Strings holding colons and quotes do not count as keys; the same key in two objects is fine.
  const clean = line('"metadata":{"model":"a:b \\" c:","x":"{\\"model\\":1}"}');
  assert.equal(
    JSON.parse(batchlint(['check', '--format', 'json', '-'], clean).stdout).files[0].problems
      .length,
    0,
  );
});
