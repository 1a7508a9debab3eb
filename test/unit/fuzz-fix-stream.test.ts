// Fuzz target: the streaming fixer gives the same bytes and the same count of fixes as the
// whole-file fixer, whatever the input and however it is cut into chunks, and what it says is
// left is what a check of its output finds. Seeded, bounded by a case count.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BinaryInputError, checkStream, fixDocument, fixStream } from '../../server/src/core/node';
import { Prng } from './fuzz/prng';
import { seedDocuments, seedLines } from './fuzz/seeds';
import { TEXT_MUTATIONS } from './fuzz/mutate';
import { randomFile } from './fuzz/stream';

const SEED = 0xf1c5_7ea3;
const CASES = 400;

const seeds = seedLines();
const documents = seedDocuments();
const mutations = Object.values(TEXT_MUTATIONS);

/** Damaged lines, pretty-printed requests, blank lines, every line ending, as bytes. */
function randomInput(r: Prng): Buffer {
  if (r.chance(0.4)) return randomFile(r, seeds);
  if (r.chance(0.1)) return jsonArrayFile(r);
  if (documents.length > 0 && r.chance(0.15)) return Buffer.from(r.pick(documents));
  let out = r.chance(0.1) ? '\uFEFF' : '';
  for (let n = r.range(1, 8); n > 0; n--) {
    let line = r.pick(seeds);
    for (let m = r.range(0, 2); m > 0; m--) line = r.pick(mutations)(line, r);
    if (r.chance(0.15)) line = r.pick(['', ' ', '\t']);
    if (r.chance(0.15)) {
      try {
        line = JSON.stringify(JSON.parse(line), null, 2);
      } catch {
        // not JSON: kept as it is
      }
    }
    out += line.replace(/\n/g, r.pick(['\n', '\r\n'])) + r.pick(['\n', '\r\n', '\n', '\r\r\n']);
  }
  if (r.chance(0.2)) out = out.replace(/\r?\n$/, '');
  if (r.chance(0.05)) out += '\r';
  return Buffer.from(out, 'utf8');
}

/** Seed requests saved as one JSON array, as json.dump writes a list: on one line or indented. */
function jsonArrayFile(r: Prng): Buffer {
  const items: unknown[] = [];
  for (let n = r.range(1, 5); n > 0; n--) {
    try {
      items.push(JSON.parse(r.pick(seeds)));
    } catch {
      // not JSON: left out
    }
  }
  const text = JSON.stringify(items, null, r.pick([undefined, 2, 4]));
  return Buffer.from(text.replace(/\n/g, r.pick(['\n', '\r\n'])) + r.pick(['', '\n']), 'utf8');
}

function* chunks(r: Prng, bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length;) {
    const size = r.chance(0.3) ? r.range(1, 4) : r.range(1, 2048);
    yield bytes.subarray(at, at + size);
    at += size;
  }
}

async function streamFix(r: Prng, input: Buffer): Promise<{ bytes: Buffer; applied: number }> {
  const pieces: Buffer[] = [];
  const outcome = await fixStream(chunks(r, input), (piece) => {
    pieces.push(piece);
  });
  const bytes = Buffer.concat(pieces);
  const checked = await checkStream([bytes]);
  assert.deepEqual(outcome.after.summary, checked.summary, 'what is left is what check finds');
  assert.deepEqual(outcome.after.problems, checked.problems, 'problem for problem');
  return { bytes, applied: outcome.applied };
}

test(`fuzz: the streaming fix equals the whole-file fix on ${CASES} seeded inputs`, async () => {
  const r = new Prng(SEED);
  let binary = 0;
  let fixed = 0;
  for (let i = 0; i < CASES; i++) {
    const input = randomInput(r);
    const repro = `case ${i}: base64 ${input.toString('base64').slice(0, 600)}`;
    if (input.includes(0)) {
      binary++;
      await assert.rejects(streamFix(r, input), BinaryInputError, repro);
      continue;
    }
    const whole = fixDocument(input);
    const streamed = await streamFix(r, input);
    assert.equal(
      streamed.bytes.toString('latin1'),
      Buffer.concat(whole.output).toString('latin1'),
      `output differs, ${repro}`,
    );
    assert.equal(streamed.applied, whole.applied, `fix count differs, ${repro}`);
    fixed += whole.applied > 0 ? 1 : 0;
  }
  assert.ok(binary < CASES / 4, `${binary} binary cases`);
  assert.ok(fixed > CASES / 4, `only ${fixed} cases had anything to fix`);
  console.log(`fuzz: ${CASES} fix cases, ${fixed} with fixes, ${binary} binary`);
});
