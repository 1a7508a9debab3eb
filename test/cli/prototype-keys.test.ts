// Keys and values named like Object.prototype's members (__proto__, constructor, toString) are
// the user's text like any other: every command reports them as unknown, never as the
// JavaScript internals a bare `table[key]` finds on a plain object.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, tempDir } from './run';

const BODY =
  '{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"max_tokens":10,"__proto__":{"x":1},"constructor":1,"toString":"a"}';
const LINE = `{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":${BODY}}`;
const KEYS = ['__proto__', 'constructor', 'toString'];

function file(t: { after(fn: () => void): void }, text: string): string {
  const name = path.join(tempDir(t), 'batch.jsonl');
  writeFileSync(name, `${text}\n`);
  return name;
}

/** The stderr lines about one parameter (`'key' …`), without the file name. */
const about = (stderr: string, key: string): string[] =>
  stderr
    .split('\n')
    .filter((l) => l.includes(`line 1: '${key}' `))
    .map((l) => l.slice(l.indexOf(`'${key}' `)));

for (const [target, reason, kept] of [
  [
    'responses',
    'not a chat completions parameter; kept as it was',
    '"__proto__":{"x":1},"constructor":1,"toString":"a"}}',
  ],
  [
    'anthropic',
    "Anthropic's Messages API has no such parameter",
    '"__proto__":{"x":1},"constructor":1,"toString":"a"}}',
  ],
  [
    'gemini',
    "Gemini's GenerateContentRequest has no such field",
    '"__proto__":{"x":1},"constructor":1,"toString":"a"}}',
  ],
] as const) {
  test(`convert --to ${target}: __proto__, constructor and toString are unknown keys, kept`, (t) => {
    const run = batchlint(['convert', '--to', target, file(t, LINE)]);
    assert.equal(run.status, 1);
    assert.ok(run.stdout.trimEnd().endsWith(kept), run.stdout);
    for (const key of KEYS) assert.deepEqual(about(run.stderr, key), [`'${key}' ${reason}`]);
    assert.doesNotMatch(run.stderr, /native code|\[object Object\]/);
  });
}

test('check: __proto__, constructor and toString are unknown parameters', (t) => {
  const problems = checkJson(file(t, LINE)).files[0]!.problems;
  assert.deepEqual(
    problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.message]),
    KEYS.map((key) => ['unknown_parameter', `Unknown parameter: '${key}'.`]),
  );
});

test('fix: removing such a key is not safe, so the line is left as it was', (t) => {
  const run = batchlint(['fix', file(t, LINE)]);
  assert.equal(run.status, 1);
  assert.equal(run.stdout, `${LINE}\n`);
  assert.equal(run.stderr.trim(), 'batchlint: applied 0 fixes; 3 errors left');
});

test('convert --to gemini: an audio format or tool_choice named constructor/toString has no equivalent', (t) => {
  const line =
    '{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AAAA","format":"constructor"}}]}],"tool_choice":"toString"}}';
  const run = batchlint(['convert', '--to', 'gemini', file(t, line)]);
  assert.equal(run.status, 1);
  assert.equal(
    run.stdout,
    '{"key":"r1","request":{"contents":[{"role":"user","parts":[{"type":"input_audio","input_audio":{"data":"AAAA","format":"constructor"}}]}],"model":"gpt-4o","tool_choice":"toString"}}\n',
  );
  assert.deepEqual(about(run.stderr, 'tool_choice'), [
    "'tool_choice' no equivalent Gemini tool config",
  ]);
});

test("check: a tool type named 'constructor' at minimal effort is an invalid type, not a refused tool", (t) => {
  const line =
    '{"custom_id":"r1","method":"POST","url":"/v1/responses","body":{"model":"gpt-5","input":"hi","reasoning":{"effort":"minimal"},"tools":[{"type":"constructor"}]}}';
  const errors = checkJson(file(t, line))
    .files[0]!.problems.filter((p) => p.severity === 'error')
    .map((p) => p.message);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^Invalid value: 'constructor'\. Supported values are: 'function'/);
});
