// A fuzzed batch file through the file commands, seeded and small enough for every run (the
// million-line run is `npm run fuzz`): check reports every problem inside its line, fix is
// idempotent and copies every line it offers nothing for byte for byte, convert keeps every
// top-level key. Bounded by the number of lines, never by time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Prng } from './fuzz/prng';
import {
  assertUntouchedKept,
  batchFileLines,
  checkFuzzedFile,
  convertEveryLine,
  fixBytes,
  splitRaw,
} from './fuzz/batch-file';

const SEED = 0xf11e_ba7c;
const LINES = 2_000;

/** The bytes in chunks of random size, as a disk or a pipe delivers them. */
function* pieces(r: Prng, bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length;) {
    const size = r.chance(0.2) ? r.range(1, 8) : r.range(1, 64 << 10);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

test(`fuzz: a ${LINES.toLocaleString('en-US')}-line batch file through check, fix (twice) and convert`, async () => {
  const r = new Prng(SEED);
  const file = Buffer.concat([...batchFileLines(SEED, LINES)]);
  const facts = await checkFuzzedFile(() => pieces(r, file));
  assert.ok(facts.lines >= LINES, `${facts.lines} lines`);
  assert.ok(facts.problems > LINES / 4, `the file is damaged enough (${facts.problems} problems)`);

  const once = await fixBytes(pieces(r, file));
  const twice = await fixBytes(pieces(r, once.bytes));
  assert.ok(once.applied > 0, 'fixes were applied');
  assert.ok(twice.bytes.equals(once.bytes), 'a second fix changes nothing');

  const kept = assertUntouchedKept(splitRaw([file]), splitRaw([once.bytes]), facts.touchable);
  assert.ok(kept > LINES / 3, `${kept} lines without a fix were compared`);

  const converted = convertEveryLine([file]);
  assert.ok((converted.converted ?? 0) > 100, JSON.stringify(converted));
});
