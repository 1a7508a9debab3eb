// Property: a safe fix never adds a problem. For seeded lines (the valid fixtures and seed lines
// of every endpoint, with keys misspelt, moved out of their object, or of other APIs added),
// every error or warning of the line after `batchlint fix`'s line fixes was already there before
// them (same code, same parameter), or lies inside a value a fix moved to where it is read (see
// `rewritten`). Bounded by a case count, not by time.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixLine } from '../../server/src/core';
import type { JsonPath } from '../../server/src/core';
import { LineTree } from '../../server/src/core/locate';
import { checkLine } from '../../server/src/core/line-check';
import { Prng } from './fuzz/prng';
import { seedLines } from './fuzz/seeds';

const SEED = 0x5afe_f1c5;
const CASES = 3000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const isObj = (v: Json | undefined): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every object in a value (arrays are walked, not listed), so a mutation can pick any place. */
function objects(value: Json, out: Obj[] = []): Obj[] {
  if (Array.isArray(value)) for (const item of value) objects(item, out);
  else if (isObj(value)) {
    out.push(value);
    for (const child of Object.values(value)) objects(child, out);
  }
  return out;
}

/** Every value in a value, to lift one to another place. */
function leaves(value: Json, out: Json[] = []): Json[] {
  out.push(value);
  if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (isObj(value)) for (const child of Object.values(value)) leaves(child, out);
  return out;
}

/** Sets `key` last in `object`, as a key of its own (never the prototype). */
function put(object: Obj, key: string, value: Json): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz_';

/** How people misspell a key: case, separators, one letter more, less, changed or swapped. */
const RESPELL: ((key: string, r: Prng) => string)[] = [
  (k) => k.toUpperCase(),
  (k) => k.charAt(0).toUpperCase() + k.slice(1),
  (k) => k.replace(/_(.)/g, (_, c: string) => c.toUpperCase()),
  (k) => k.replace(/_/g, '-'),
  (k) => k.replace(/_/g, ''),
  (k, r) => {
    const at = r.int(k.length);
    return k.slice(0, at) + k.slice(at + 1);
  },
  (k, r) => {
    const at = r.int(k.length);
    return k.slice(0, at) + k.charAt(at) + k.slice(at);
  },
  (k, r) => {
    const at = r.int(k.length);
    return k.slice(0, at) + r.pick([...LETTERS]) + k.slice(at + 1);
  },
  (k, r) => {
    const at = r.int(Math.max(1, k.length - 1));
    return k.slice(0, at) + k.charAt(at + 1) + k.charAt(at) + k.slice(at + 2);
  },
  (k) => `${k}s`,
  (k) => k.replace(/s$/, ''),
];

/** Names of other APIs' parameters, and keys that belong in some nested object. */
const FOREIGN = [
  ...['k', 'x', 'p', 'top_k', 'topK', 'topP', 'models', 'stop_sequences', 'max_output_tokens'],
  ...['maxOutputTokens', 'candidate_count', 'system', 'thinking', 'max_new_tokens', 'min_p'],
  ...['format', 'type', 'voice', 'content', 'url', 'detail', 'name', 'parameters', 'effort'],
  ...['verbosity', 'json_schema', 'schema', 'strict', 'file_id', 'text', 'role', 'image_url'],
];

const SAMPLES: Json[] = [
  null,
  true,
  0.5,
  2,
  40,
  'json',
  'wav',
  'alloy',
  'low',
  'auto',
  'json_object',
  'https://example.com/a.png',
  [],
  {},
  ['text', 'audio'],
  { type: 'object' },
];

/** A key of one of the line's objects and a new spelling of it that the object does not hold. */
function respelling(v: Json, r: Prng): { o: Obj; key: string; respelt: string } | undefined {
  const o = r.pick(objects(v));
  const keys = Object.keys(o);
  if (keys.length === 0) return undefined;
  const key = r.pick(keys);
  const respelt = r.pick(RESPELL)(key, r);
  return respelt === '' || respelt in o ? undefined : { o, key, respelt };
}

const MUTATIONS: ((v: Json, r: Prng) => void)[] = [
  // A key misspelt, keeping its value.
  (v, r) => {
    const found = respelling(v, r);
    if (!found) return;
    const { o, key, respelt } = found;
    const value = o[key]!;
    delete o[key];
    put(o, respelt, value);
  },
  // A key of another API, or of a nested object, with a value from the line or a sample.
  (v, r) => {
    const o = r.pick(objects(v));
    const key = r.pick(FOREIGN);
    if (key in o) return;
    put(o, key, structuredClone(r.chance(0.5) ? r.pick(leaves(v)) : r.pick(SAMPLES)));
  },
  // A key of a nested object written beside it instead.
  (v, r) => {
    const o = r.pick(objects(v));
    const inners = Object.keys(o).filter((k) => isObj(o[k]));
    if (inners.length === 0) return;
    const inner = o[r.pick(inners)] as Obj;
    const keys = Object.keys(inner).filter((k) => !(k in o));
    if (keys.length === 0) return;
    const key = r.pick(keys);
    const value = inner[key]!;
    delete inner[key];
    put(o, key, value);
  },
  // The same key twice over, in two spellings.
  (v, r) => {
    const found = respelling(v, r);
    if (found) put(found.o, found.respelt, structuredClone(r.pick(SAMPLES)));
  },
];

/** Errors and warnings, each by code and parameter (positions move when a fix edits the line). */
function problemsOf(text: string): Map<string, { column: number; endColumn: number }> {
  const out = new Map<string, { column: number; endColumn: number }>();
  for (const p of checkLine(text).problems)
    if (p.severity !== 'info') out.set(`${p.code} at '${p.param ?? ''}'`, p);
  return out;
}

/**
 * What the line's safe fixes write whole: a moved or renamed key's value at its new place, a
 * content part rebuilt in the other API's shape. The API reads no further into a key it does not
 * know or a part of a type it does not take, and neither does the check: a problem inside such a
 * value was in the request all along, and the fix that puts the value where it is read shows it
 * rather than adds it. A problem on the value itself, or on what holds it, is the fix's. Read
 * from the line's first check only: what the fixes of later rounds rewrite is not listed, so a
 * problem they uncover counts as added.
 */
function rewritten(text: string): JsonPath[] {
  const out: JsonPath[] = [];
  for (const p of checkLine(text).problems) {
    const fix = p.fix?.id === 'remove-key' ? p.fix.repair : p.fix;
    if (!fix || fix.safe === false || (p.fix?.id === 'remove-key' && fix.safe !== true)) continue;
    if (!('path' in fix)) continue;
    const path = fix.path;
    if (fix.id === 'rename-key') out.push([...path.slice(0, -1), fix.to]);
    else if (fix.id === 'move-param') out.push([...path.slice(0, -1), ...fix.to.split('.')]);
    else if (fix.id === 'nest-keys') out.push(...fix.keys.map((k) => [...path, fix.into, k]));
    else if (fix.id === 'wrap-image-url') out.push(path.slice(0, -1));
    else if (PART_FIXES.has(fix.id)) out.push(path);
  }
  return out;
}

const PART_FIXES = new Set([
  'chat-part-from-responses',
  'responses-part-from-chat',
  'responses-image-url',
]);

/** Whether a span lies inside the value at `path` in `text`, and is not that whole value. */
function inside(
  text: string,
  path: JsonPath,
  span: { column: number; endColumn: number },
): boolean {
  const node = new LineTree(text).node(path);
  if (!node) return false;
  const end = node.offset + node.length;
  const whole = span.column === node.offset && span.endColumn === end;
  return span.column >= node.offset && span.endColumn <= end && !whole;
}

/** How many of the line's problems offer a key repair, and how many of those are safe. */
function keyRepairs(text: string): { offered: number; safe: number } {
  let offered = 0;
  let safe = 0;
  for (const p of checkLine(text).problems) {
    const repair = p.fix?.id === 'remove-key' ? p.fix.repair : undefined;
    if (!repair) continue;
    offered++;
    if (repair.safe === true) safe++;
  }
  return { offered, safe };
}

test('a safe fix never adds a problem (seeded lines with keys misspelt, moved, foreign)', () => {
  const r = new Prng(SEED);
  const seeds = seedLines().flatMap((line) => {
    try {
      const value = JSON.parse(line) as Json;
      return isObj(value) ? [line] : [];
    } catch {
      return [];
    }
  });
  let offered = 0;
  let safe = 0;
  let fixed = 0;
  const failures: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const value = JSON.parse(r.pick(seeds)) as Json;
    for (let m = r.range(1, 3); m > 0; m--) r.pick(MUTATIONS)(value, r);
    const line = JSON.stringify(value);
    const before = problemsOf(line);
    const after = fixLine(line).text;
    const places = rewritten(line);
    const added = [...problemsOf(after)]
      .filter(([key, span]) => !before.has(key) && !places.some((c) => inside(after, c, span)))
      .map(([key]) => key);
    if (added.length > 0) failures.push(`case ${i}: ${added.join(', ')}\n${line}\n${after}`);
    const repairs = keyRepairs(line);
    offered += repairs.offered;
    safe += repairs.safe;
    if (after !== line) fixed++;
  }
  assert.deepEqual(failures.slice(0, 5), [], `${failures.length} lines gained problems`);
  // The cases reach what is under test: key repairs, safe and not, and lines fix changes.
  assert.ok(safe >= 100, `only ${safe} safe key repairs in ${CASES} cases`);
  assert.ok(offered - safe >= 100, `only ${offered - safe} unsafe key repairs in ${CASES} cases`);
  assert.ok(fixed >= 100, `only ${fixed} lines changed by fix in ${CASES} cases`);
});
