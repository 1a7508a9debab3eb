// Property: `fix` settles in one run. For seeded documents of damaged lines (the fuzzer's
// mutations of every seed, blank lines, pretty-printed requests, mixed line endings),
// fix(fix(x)) is byte for byte fix(x), and the check of fix(x) has no problem left that a safe fix
// would repair. Bounded by a case count, not by time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentChecker, fixesFor } from '../../server/src/core';
import { fixDocument } from '../../server/src/core/node';
import { Prng } from './fuzz/prng';
import { seedDocuments, seedLines } from './fuzz/seeds';
import { TEXT_MUTATIONS } from './fuzz/mutate';

const SEED = 0x0f1c_5eed;
const CASES = 300;

const seeds = seedLines();
const documents = seedDocuments();
const mutations = Object.values(TEXT_MUTATIONS);
const ENDINGS = ['\n', '\r\n', '\n', '\n'];

function randomDocument(r: Prng): string {
  if (r.chance(0.15)) return r.pick(documents);
  let out = '';
  for (let n = r.range(1, 6); n > 0; n--) {
    let line = r.pick(seeds);
    for (let m = r.range(0, 2); m > 0; m--) line = r.pick(mutations)(line, r);
    if (r.chance(0.1)) line = r.pick(['', ' ', '\t']);
    if (r.chance(0.1)) line = JSON.stringify(safeParse(line), null, 2) ?? line;
    out += line.replace(/\n/g, r.pick(ENDINGS)) + r.pick(ENDINGS);
  }
  return r.chance(0.2) ? out.replace(/\r?\n$/, '') : out;
}

function safeParse(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const fixed = (bytes: Buffer): Buffer => Buffer.concat(fixDocument(bytes).output);

test('fix is idempotent and leaves nothing safe to fix (seeded documents)', () => {
  const r = new Prng(SEED);
  for (let i = 0; i < CASES; i++) {
    const input = Buffer.from(randomDocument(r), 'utf8');
    const once = fixed(input);
    const twice = fixed(once);
    const repro = `case ${i}: ${JSON.stringify(input.toString('utf8')).slice(0, 400)}`;
    assert.equal(twice.toString('latin1'), once.toString('latin1'), `not idempotent, ${repro}`);
    const checker = new DocumentChecker(once.toString('utf8'));
    for (const problem of checker.check().problems) {
      const safe = fixesFor(problem, (n) => checker.getLine(n)).filter((f) => f.safe);
      assert.deepEqual(safe, [], `a safe fix is left for ${problem.code}, ${repro}`);
    }
  }
});
