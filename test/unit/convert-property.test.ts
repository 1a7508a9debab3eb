// Property test for the conversion: thousands of generated chat lines, each checked against the
// responses body the mapping table gives, plus checks that do not depend on the generator at all:
// every input value reaches the output or is reported, nothing appears that was not in the input
// except the documented defaults, and a converted line converts to itself.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertLineToResponses } from '../../server/src/core/convert';
import { validateBody } from '../../server/src/core/schema';
import type { JsonPath, PathSegment } from '../../server/src/core/types';
import { generate } from './convert-gen.test';
import type { Json, Obj } from './convert-gen.test';

const SAMPLES = 2500;
/** Values the converter may write without reading them: each is reported as added, or a table row. */
const INVENTED = new Map<string, string>([
  ['false', "false (chat's default"],
  ['{}', 'an empty object schema'],
  ['"message.output_text.logprobs"', ''],
]);
/** Discriminators change by design (text → input_text, tool → function_call_output, …). */
const STRUCTURAL_KEYS = new Set(['type', 'role']);
/** Inputs whose value the table turns into another one: `logprobs: true` → an `include` entry. */
const TRANSFORMED: PathSegment[][] = [['logprobs']];

function formatParam(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function valueAt(root: Json, path: readonly PathSegment[]): Json | undefined {
  let node: Json | undefined = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, Json>)[segment as string];
  }
  return node;
}

/** Every path in `value` that holds a scalar or an empty container, with that value. */
function leaves(value: Json, path: PathSegment[] = []): Array<[PathSegment[], Json]> {
  if (value === null || typeof value !== 'object') return [[path, value]];
  const entries: Array<[PathSegment, Json]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  if (entries.length === 0) return [[path, value]];
  return entries.flatMap(([key, child]) => leaves(child, [...path, key]));
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

function count(values: Json[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(JSON.stringify(v), (counts.get(JSON.stringify(v)) ?? 0) + 1);
  return counts;
}

const totals = { kept: 0, leaves: 0, dropped: 0, invented: 0, itemsMoved: 0 };

test(`${SAMPLES} generated chat lines convert as the mapping table says`, () => {
  for (let seed = 1; seed <= SAMPLES; seed++) {
    const sample = generate(seed);
    const id = `req-${seed}`;
    // Vary the envelope too: its key order and unknown keys must survive.
    const envelope: Obj =
      seed % 3 === 0
        ? {
            body: sample.chat,
            url: '/v1/chat/completions',
            x_env: seed,
            method: 'POST',
            custom_id: id,
          }
        : { custom_id: id, method: 'POST', url: '/v1/chat/completions', body: sample.chat };
    const lineText = JSON.stringify(envelope);
    const result = convertLineToResponses(lineText);
    const where = `seed ${seed}: ${lineText}\n→ ${result.text}`;
    assert.equal(result.status, 'converted', where);

    // (a) one parseable line, same custom_id, envelope keys in the same places.
    assert.ok(!result.text.includes('\n'), where);
    const converted = JSON.parse(result.text) as Obj;
    assert.deepEqual(Object.keys(converted), Object.keys(envelope), where);
    assert.equal(converted.custom_id, id, where);
    assert.equal(converted.url, '/v1/responses', where);
    const body = converted.body as Obj;
    const chat = sample.chat;
    assert.deepEqual(Object.keys(body).slice(0, 2), ['model', 'input'], where);

    // (b) the body is the one the mapping table gives; the reports are exactly the kept fields.
    assert.deepEqual(body, sample.responses, where);
    const reported = result.notCarried.map((n) => JSON.stringify([n.path, n.param])).sort();
    const expected = sample.kept.map((k) => JSON.stringify([k.out, formatParam(k.in)])).sort();
    assert.deepEqual(reported, expected, where);
    for (const entry of result.notCarried) {
      const before = valueAt(chat, sample.kept.find((k) => formatParam(k.in) === entry.param)!.in);
      if (before === undefined) {
        assert.match(entry.reason, /^needs a decision/, where);
        continue;
      }
      assert.deepEqual(valueAt(converted, entry.path), before, `${where}\n${entry.param}`);
    }
    // Lossless or says so: every value dropped on purpose is reported as dropped.
    for (const path of sample.dropped) {
      const param = formatParam(path);
      assert.ok(
        result.changes.some((c) => c.param === param && c.kind === 'dropped'),
        `${where}\n${param} dropped without a report`,
      );
    }

    // (b) without the generator: every input value is reported, dropped on purpose, or present in
    // the output; every output value came from the input or is a documented default.
    const keptPaths = sample.kept.map((k) => k.in);
    const accounted = (path: PathSegment[]): boolean =>
      [...keptPaths, ...sample.dropped, ...TRANSFORMED].some((p) => startsWith(path, p));
    const countable = ([path]: [PathSegment[], Json]): boolean =>
      !STRUCTURAL_KEYS.has(String(path[path.length - 1]));
    const inLeaves = leaves(chat).filter((leaf) => countable(leaf) && !accounted(leaf[0]));
    const outLeaves = leaves(body).filter(countable);
    const inCounts = count(inLeaves.map(([, v]) => v));
    const outCounts = count(outLeaves.map(([, v]) => v));
    for (const [value, n] of inCounts) {
      assert.ok((outCounts.get(value) ?? 0) >= n, `${where}\n${value} lost`);
    }
    const allIn = count(leaves(chat).map(([, v]) => v));
    for (const [value, n] of outCounts) {
      const extra = n - (allIn.get(value) ?? 0);
      if (extra <= 0) continue;
      assert.ok(INVENTED.has(value), `${where}\n${value} invented`);
      const note = INVENTED.get(value) as string;
      if (note)
        assert.ok(
          result.changes.some((c) => c.kind === 'added' && c.detail.includes(note)),
          `${where}\nno report for ${value}`,
        );
      totals.invented += extra;
    }

    // (c) a converted line is already in responses format.
    const again = convertLineToResponses(result.text);
    assert.equal(again.status, 'unchanged', where);
    assert.equal(again.text, result.text, where);

    totals.kept += result.notCarried.length;
    totals.leaves += inLeaves.length;
    totals.dropped += sample.dropped.length;
    totals.itemsMoved += (body.input as Json[]).filter((i) => (i as Obj).type !== undefined).length;
  }
});

test('the property test checked real work, not empty bodies', () => {
  // Runs after the test above in the same file: a generator that went quiet would fail here.
  assert.ok(totals.leaves > 8 * SAMPLES, `only ${totals.leaves} input values checked`);
  assert.ok(totals.kept > SAMPLES / 2, `only ${totals.kept} reported fields checked`);
  assert.ok(totals.dropped > SAMPLES / 4, `only ${totals.dropped} dropped values checked`);
  assert.ok(totals.invented > SAMPLES / 10, `only ${totals.invented} written defaults checked`);
  assert.ok(totals.itemsMoved > SAMPLES / 2, `only ${totals.itemsMoved} call items checked`);
});

test('converted bodies pass the responses schema except on reported fields', () => {
  // Only chat bodies the chat schema accepts: a body that was already wrong may stay wrong.
  let checked = 0;
  let onReported = 0;
  for (let seed = 1; seed <= SAMPLES; seed++) {
    const sample = generate(seed);
    if (validateBody('/v1/chat/completions', sample.chat).some((f) => f.severity === 'error')) {
      continue;
    }
    const line = {
      custom_id: `req-${seed}`,
      method: 'POST',
      url: '/v1/chat/completions',
      body: sample.chat,
    };
    const result = convertLineToResponses(JSON.stringify(line));
    const body = (JSON.parse(result.text) as Obj).body;
    const errors = validateBody('/v1/responses', body).filter((f) => f.severity === 'error');
    const reported = (path: JsonPath): boolean =>
      result.notCarried.some((n) => startsWith(path, n.path) || startsWith(n.path, path));
    const unreported = errors.filter((f) => !reported(f.path));
    assert.deepEqual(unreported, [], `seed ${seed}: ${result.text}`);
    onReported += errors.length;
    checked += 1;
  }
  // Non-vacuous: enough valid bodies, and the validator did object to some reported fields.
  assert.ok(checked > SAMPLES / 5, `only ${checked} chat-valid samples`);
  assert.ok(onReported > 50, `only ${onReported} findings on reported fields`);
});
