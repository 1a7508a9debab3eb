// The JSON report's `safe: true` marks exactly what `batchlint fix` applies (README): for each
// file, the fixes the report lists as safe are the fixes `fix` says it applied, and `fix`
// writes what those fixes make of the file, nothing else.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { batchlint, checkJson, tempDir } from './run';

const BOM = '\ufeff';

/** The chat request of a new user's file, with one extra body key (raw JSON text). */
const chat = (extra: string): string =>
  `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi"}],${extra}}}\n`;
const CLEAN = chat('"temperature":0.5');

// [what, the file, what `fix` writes]
const CASES: [string, string, string][] = [
  ['a byte order mark', BOM + CLEAN, CLEAN],
  ['a misspelt key', chat('"temprature":0.5'), CLEAN],
  ['k, not n', chat('"k":2'), chat('"k":2')],
  ['x, not n', chat('"x":1'), chat('"x":1')],
  ['top_k, not top_p', chat('"top_k":40'), chat('"top_k":40')],
  ['a lone audio format', chat('"format":"json"'), chat('"format":"json"')],
  ['a lone prediction type', chat('"type":"json_object"'), chat('"type":"json_object"')],
  ['a lone audio voice', chat('"voice":"alloy"'), chat('"voice":"alloy"')],
];

for (const [what, input, fixed] of CASES) {
  test(`${what}: the report's safe fixes are the fixes fix applies`, (t) => {
    const file = path.join(tempDir(t), 'batch.jsonl');
    writeFileSync(file, input);
    const offers = checkJson(file).files[0]!.problems.flatMap((p) => p.fixes);
    const safe = offers.filter((f) => f.safe).length;
    const run = batchlint(['fix', file]);
    assert.equal(run.stdout, fixed);
    const applied = /applied (\d+) fix/.exec(run.stderr);
    assert.ok(applied, run.stderr);
    assert.equal(Number(applied[1]), safe, JSON.stringify(offers));
  });
}

test('check --format json lists the byte order mark fix as safe, as fix applies it', (t) => {
  const file = path.join(tempDir(t), 'batch.jsonl');
  writeFileSync(file, BOM + CLEAN);
  const [bom, ...others] = checkJson(file).files[0]!.problems;
  assert.equal(bom?.code, 'utf8_bom');
  assert.deepEqual(bom?.fixes, [{ title: 'Remove the byte order mark', safe: true }]);
  assert.deepEqual(others, []);
  // Read from stdin, the same.
  const piped = checkJson('-', BOM + CLEAN).files[0]!.problems;
  assert.deepEqual(piped[0]?.fixes, [{ title: 'Remove the byte order mark', safe: true }]);
});
