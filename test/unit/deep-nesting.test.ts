// Fuzz target: a line nested deeper than any stage reads gets its own clear message in every stage
// (check, convert to each target, estimate, hover, completion) and the next line is processed as
// usual; a line within the bound is read by every stage. The depth is read from the text first, so
// the outcome does not depend on how much stack the caller used (3,000 levels once failed whole
// files with "Maximum call stack size exceeded"). Seeded, bounded by a case count.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchEstimator,
  checkText,
  completionsAt,
  convertLineTo,
  hoverAt,
  ModelCatalogue,
} from '../../server/src/core';
import { MAX_NESTING, nestsDeeperThan, tooDeepReason } from '../../server/src/core/depth';
import { Prng } from './fuzz/prng';

const SEED = 0xdee9_0003;
const CASES = 24;
const TARGETS = ['responses', 'anthropic', 'gemini'] as const;

const OK =
  '{"custom_id":"ok","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}';

/** A chat line holding a value `depth` levels deep in one of the places users nest things. */
function deepLine(shape: number, depth: number): string {
  const body = (extra: string): string =>
    `{"custom_id":"deep","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],${extra}}}`;
  switch (shape) {
    case 0:
      return body(`"metadata":{"x":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    case 1:
      return body(`"tools":${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`);
    default: {
      const open = '{"type":"object","properties":{"a":'.repeat(depth);
      const close = '},"required":["a"],"additionalProperties":false}'.repeat(depth);
      const schema = `${open}{"type":"string"}${close}`;
      return body(
        `"response_format":{"type":"json_schema","json_schema":{"name":"s","strict":true,"schema":${schema}}}`,
      );
    }
  }
}

/** Runs every stage over the line then OK; throws nothing, whatever the depth. */
function everyStage(text: string): void {
  const deep = nestsDeeperThan(text);
  const checked = checkText(`${text}\n${OK}\n`).problems;
  assert.equal(checked.filter((p) => p.line === 1).length, 0, 'the next line checks clean');
  for (const to of TARGETS) {
    const first = convertLineTo(text, to);
    if (deep) {
      assert.equal(first.status, 'unparseable', to);
      assert.equal(first.error, `This line was not converted: ${tooDeepReason()}.`);
      assert.equal(first.text, text, 'the line is kept as it was');
    } else assert.equal(first.status, 'converted', `${to}: ${first.error ?? ''}`);
    assert.equal(convertLineTo(OK, to).status, 'converted', `${to}: the next line`);
  }
  const estimator = new BatchEstimator(ModelCatalogue.builtIn());
  estimator.line(text);
  estimator.line(OK);
  const estimate = estimator.result();
  assert.equal(estimate.requests, deep ? 1 : 2);
  assert.equal(estimate.skippedLines, deep ? 1 : 0);
  const middle = Math.floor(text.length / 2);
  hoverAt(text, middle);
  completionsAt(text, middle);
  if (deep) assert.equal(hoverAt(text, 2), undefined);
  else assert.ok(hoverAt(text, 2), 'the custom_id key has a hover');
}

test('the depth scan counts brackets outside strings only', () => {
  assert.equal(nestsDeeperThan('[[1]]', 2), false);
  assert.equal(nestsDeeperThan('[[[1]]]', 2), true);
  assert.equal(nestsDeeperThan(`{"a":"${'['.repeat(50)}\\"{{{"}`, 1), false);
  assert.equal(nestsDeeperThan('[[], [], [], []]', 1), true);
  assert.equal(nestsDeeperThan('[[], [], [], []]', 2), false);
});

test(`fuzz: ${CASES} seeded depths up to 100,000 in three shapes, and the bound itself`, () => {
  const r = new Prng(SEED);
  const depths = [MAX_NESTING - 10, MAX_NESTING - 5, MAX_NESTING, 3000, 100_000];
  while (depths.length < CASES) depths.push(r.chance(0.5) ? r.range(1, 5000) : r.range(1, 100_000));
  for (const depth of depths) {
    for (let shape = 0; shape < 3; shape++) {
      // The schema holds two levels per step: keep its text under a few MB.
      const steps = shape === 2 ? Math.min(Math.ceil(depth / 2), 20_000) : depth;
      everyStage(deepLine(shape, steps));
    }
  }
});
