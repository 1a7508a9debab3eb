// Fuzzed batch documents through the language server, seeded and small (the long run is
// `npm run fuzz`): no crash, every diagnostic inside the document after every edit, and the
// diagnostics after the edits equal to those of a fresh open.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspHarness } from './harness';
import { fuzzDocument } from './fuzz-documents';
import { batchFileLines } from '../unit/fuzz/batch-file';

describe('fuzzed documents', () => {
  let h: LspHarness;
  // Damaged files may stop looking like batch input: the files setting keeps them checked.
  before(async () => (h = await LspHarness.start({ settings: { files: ['*.jsonl'] } })));
  after(async () => h.shutdown());

  for (const seed of [11, 12, 13]) {
    it(`a 300-line fuzzed document and 25 edits (seed ${seed})`, async () => {
      const text = Buffer.concat([...batchFileLines(seed, 300)]).toString('utf8');
      const seen = await fuzzDocument(h, `fuzz-${seed}`, text, 25, seed);
      assert.ok(seen > 0, 'the document has problems to check');
    });
  }
});
