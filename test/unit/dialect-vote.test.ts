// The dialect vote counts runs of equal votes lazily and keeps its leader between votes for it.
// Property: on seeded vote sequences (long runs, alternations, every dialect), the family, the
// dialect and the evidence after each vote are those of a plain recount of every vote so far.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DialectVote } from '../../server/src/core/dialects/detect';
import type { LineDialect } from '../../server/src/core/dialects/classify';
import type { DialectId, Family } from '../../server/src/core/dialects/table';
import { DEFAULT_DIALECT, DIALECT_IDS, familyOf } from '../../server/src/core/dialects/table';
import { Prng } from './fuzz/prng';

/** The vote's rules, counted from scratch: the most votes, ties to the manifest's order. */
function recount(votes: LineDialect[]): { family: Family; dialect: DialectId } {
  const count = (keep: (v: LineDialect) => boolean): number => votes.filter(keep).length;
  let family: Family = familyOf(DEFAULT_DIALECT);
  let most = 0;
  for (const id of DIALECT_IDS) {
    const n = count((v) => v.family === familyOf(id));
    if (n > most) [family, most] = [familyOf(id), n];
  }
  const inFamily = DIALECT_IDS.filter((id) => familyOf(id) === family);
  let dialect = inFamily[0] ?? DEFAULT_DIALECT;
  most = 0;
  for (const id of inFamily) {
    const n = count((v) => v.dialect === id);
    if (n > most) [dialect, most] = [id, n];
  }
  return { family, dialect };
}

test('the vote after each line equals a recount of every vote so far (seeded sequences)', () => {
  const r = new Prng(0xd1a1ec7);
  for (let sequence = 0; sequence < 200; sequence++) {
    const vote = new DialectVote();
    const votes: LineDialect[] = [];
    // A few dialects per sequence, so runs and lead changes both happen.
    const pool = Array.from({ length: 1 + r.int(3) }, () => r.pick(DIALECT_IDS));
    const length = 1 + r.int(60);
    while (votes.length < length) {
      const dialect = r.pick(pool);
      const run = r.chance(0.5) ? 1 : 1 + r.int(8);
      for (let i = 0; i < run && votes.length < length; i++) {
        const line: LineDialect = {
          dialect,
          family: familyOf(dialect),
          sure: true,
          why: `${dialect} #${votes.length}`,
        };
        votes.push(line);
        vote.add(line);
        // Asked after some votes only: a leader kept across unasked votes must still be right.
        if (r.chance(0.6)) {
          const expected = recount(votes);
          assert.equal(
            vote.dialect(),
            expected.dialect,
            `sequence ${sequence}, vote ${votes.length}`,
          );
          assert.equal(vote.family(), expected.family);
        }
      }
    }
    const expected = recount(votes);
    const detection = vote.detection();
    assert.equal(detection.dialect, expected.dialect);
    assert.equal(vote.voters, votes.length);
    const own = votes.filter((v) => v.dialect === expected.dialect);
    assert.match(
      detection.evidence,
      new RegExp(`^detected from ${own.length} of ${votes.length} request line`),
    );
    // The evidence quotes the first line that voted for the winner.
    assert.ok(detection.evidence.includes(`(${own[0]!.why})`), detection.evidence);
  }
});
