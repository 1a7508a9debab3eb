// IdLines (the duplicate rule's ids and first lines) answers exactly as a Map of every id would:
// ids with counters of any padding and spacing, ids without, and a counter's number first kept
// in the Map and then within its grown array.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdLines } from '../../server/src/core/cross/id-lines';
import { Prng } from './fuzz/prng';

/** Feeds `ids` in order to IdLines and to a Map; both must agree on every answer. */
function agree(ids: readonly string[], probes: readonly string[] = []): IdLines {
  const fast = new IdLines();
  const map = new Map<string, number>();
  ids.forEach((id, line) => {
    const expected = map.get(id);
    if (expected === undefined) map.set(id, line);
    assert.equal(fast.firstLine(id, line), expected, `line ${line}: ${JSON.stringify(id)}`);
  });
  for (const id of [...ids, ...probes]) assert.equal(fast.has(id), map.has(id), JSON.stringify(id));
  return fast;
}

test('ids of one counter, repeated, with other paddings of the same numbers', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => `request-${i}`);
  agree(
    [...ids, 'request-7', 'request-007', 'request-0007', 'request-4999', 'request-5000'],
    ['request-5001', 'request-07', 'request--1', 'Request-1'],
  );
});

test('numbers far apart go to the Map, and are found once the counter has grown past them', () => {
  // 3000 is beyond the first array's doubling: kept in the Map; the array then grows past it.
  const ids = ['n-3000', ...Array.from({ length: 4000 }, (_, i) => `n-${i}`), 'n-3000'];
  agree(ids, ['n-3001', 'n-4000']);
  // Spaced to make a careless array grow without bound: 1, 2, 4, … 2^29, in nine digits.
  const before = process.memoryUsage().arrayBuffers;
  const spaced = agree(
    Array.from({ length: 30 }, (_, k) => `x${String(2 ** k).padStart(9, '0')}`).concat([
      'x000000001',
      'x000001024',
      'x536870912',
    ]),
  );
  // Its arrays hold at most 16 entries per id past the first 1024 (here: 64 KB, not 4 GB).
  assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20);
  assert.ok(spaced.has('x000000002'));
});

test('ids without counters, digits only, long digit runs, other scripts (seeded)', () => {
  const r = new Prng(0x1d5);
  const names = ['', 'req-', 'chat_', 'a', '東京-', 'x-1-', '٣'];
  const id = (): string => {
    const name = r.pick(names);
    switch (r.int(5)) {
      case 0:
        return name; // no digits at all
      case 1:
        return `${name}${'9'.repeat(1 + r.int(14))}`; // up to 14 digits: past a counter's 9
      case 2:
        return `${name}${String(r.int(3000)).padStart(r.int(6), '0')}`;
      case 3:
        return `${name}${r.int(1 << 20)}`;
      default:
        return `${name}${r.int(50)}`;
    }
  };
  for (let round = 0; round < 50; round++) {
    const ids = Array.from({ length: 1 + r.int(2000) }, id);
    agree(ids, Array.from({ length: 200 }, id));
  }
});

test('ids that are no counters, such as UUIDs, make no more than a few arrays (seeded)', () => {
  const r = new Prng(0x0d1d);
  const hex = (n: number): string =>
    Array.from({ length: n }, () => '0123456789abcdef'[r.int(16)]).join('');
  const ids = Array.from(
    { length: 20_000 },
    () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
  );
  const before = process.memoryUsage().arrayBuffers;
  const lines = agree([...ids, ids[5]!, ids[19_999]!]);
  // 64 counters of 1024 entries at most: 256 KB, where one per UUID ending in digits was 50 MB.
  assert.ok(process.memoryUsage().arrayBuffers - before < 1 << 20);
  assert.ok(lines.has(ids[7]!));
});
