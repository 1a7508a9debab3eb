// An unknown key's repair (move it into the absent object that declares it, or rename a typo)
// once built every absent object's nest repair for each unknown key, each reading every key of
// the body: a body of 10,000 unknown keys took minutes. The body here is a proxy that counts
// each look at its keys (enumeration, presence, reads), so the work is counted, not timed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateBody } from '../../server/src/core/schema';

/** Looks allowed per key: the schema and the phrasing take about 40 today. */
const LOOKS_PER_KEY = 100;

/**
 * A chat body with `count` unknown keys, and the number of looks at its keys while checked.
 * Past LOOKS_PER_KEY looks per key the proxy throws, so quadratic work fails in a moment
 * instead of running for minutes.
 */
function looksFor(count: number): { looks: number; unknown: number } {
  const body: Record<string, unknown> = {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: 'hi' }],
  };
  for (let i = 0; i < count; i++) body[`unknown_${i}`] = i;
  let looks = 0;
  const look = (): void => {
    if (++looks > LOOKS_PER_KEY * count)
      throw new Error(`over ${looks - 1} looks at ${count} keys`);
  };
  const counted = new Proxy(body, {
    ownKeys: (target) => {
      look();
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor: (target, key) => {
      look();
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    has: (target, key) => {
      look();
      return Reflect.has(target, key);
    },
    get: (target, key, receiver) => {
      look();
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const findings = validateBody('/v1/chat/completions', counted);
  const unknown = findings.filter((f) => f.code === 'unknown_parameter').length;
  return { looks, unknown };
}

test('10,000 unknown keys in one body: each key is looked at a bounded number of times', () => {
  const small = looksFor(5_000);
  const large = looksFor(10_000);
  assert.equal(small.unknown, 5_000);
  assert.equal(large.unknown, 10_000, 'one problem per unknown key');
  // Every key is enumerated, read and asked after by the schema and the phrasing: a few dozen
  // looks per key at most, and twice the keys cost about twice the looks (the quadratic repair
  // read every key again for each unknown key: twice the keys, four times the looks).
  assert.ok(large.looks <= LOOKS_PER_KEY * 10_000, `${large.looks} looks at 10,000 keys`);
  assert.ok(large.looks <= 2.2 * small.looks, `${small.looks} looks -> ${large.looks}`);
});

test('the repair of an unknown key the absent object declares is still a move into it', () => {
  // {"type":"image_url","url":…}: `url` belongs in the missing image_url, counted or not. The
  // part requires image_url, so creating it is safe.
  const body = {
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: [{ type: 'image_url', url: 'https://a.example/x.png' }] }],
  };
  const unknown = validateBody('/v1/chat/completions', body).find(
    (f) => f.code === 'unknown_parameter',
  );
  assert.equal(unknown?.fix?.id, 'remove-key');
  assert.deepEqual(unknown?.fix && 'repair' in unknown.fix ? unknown.fix.repair : undefined, {
    id: 'nest-keys',
    path: ['body', 'messages', 0, 'content', 0],
    into: 'image_url',
    keys: ['url'],
    safe: true,
  });
});
