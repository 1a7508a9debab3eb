// The problem catalogue is the one list of codes: everything batchlint emits is in it, and what
// is derived from it (the README's table, the SARIF rules, docs links, the severity setting)
// agrees with it. Type-level checks: an unlisted code or fix id does not compile.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkText, docsUrlFor, PROBLEM_CODES, PROBLEMS } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import type { FixRef, ProblemCode, ProblemEntry } from '../../server/src/core';
import { isFixId } from '../../server/src/core/fixes';
import { sarifRules } from '../../server/src/cli/report';
import { expectedRows, readmeRows } from './catalogue-table';
import { seedDocuments, seedLines } from './fuzz/seeds';
import { chat, chatUser, line, responses } from './builders';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const STAGES = ['validation', 'execution', 'hint', 'result'];

// @ts-expect-error: a code the catalogue does not list is not a ProblemCode.
const unlistedCode: ProblemCode = 'no_such_code';
// @ts-expect-error: a fix id without a fix is not a FixRef.
const unlistedFix: FixRef = { id: 'no-such-fix' };
void unlistedCode;
void unlistedFix;

test('every catalogue entry has a title, a description, a docs link and a stage', () => {
  for (const code of PROBLEM_CODES) {
    const entry: ProblemEntry = PROBLEMS[code];
    assert.match(code, /^[a-z0-9]+(_[a-z0-9]+)*$/, code);
    assert.ok(entry.title.trim() !== '' && entry.description.trim() !== '', code);
    // Docs live on more than one OpenAI site (model deprecations are on the developers site).
    assert.match(entry.docs, /^https:\/\/\S+$/, code);
    assert.ok(STAGES.includes(entry.stage), `${code}: stage ${entry.stage}`);
    assert.ok(entry.tags.length > 0, `${code} has tags`);
  }
});

/** Every line batchlint's tests feed it: the valid corpora, the fuzz seeds and the examples. */
function knownInputs(): string[] {
  const texts = [...seedLines(), ...seedDocuments()];
  for (const dir of ['examples', path.join('test', 'fixtures', 'convert')]) {
    for (const name of readdirSync(path.join(ROOT, dir)))
      if (name.endsWith('.jsonl')) texts.push(readFileSync(path.join(ROOT, dir, name), 'utf8'));
  }
  return texts;
}

test('every code emitted on the corpora, seeds and examples is catalogued, with a fix when it names one', () => {
  const seen = new Set<string>();
  for (const text of knownInputs()) {
    for (const p of checkText(text).problems) {
      seen.add(p.code);
      assert.ok(Object.hasOwn(PROBLEMS, p.code), `[${p.code}] is not in the catalogue`);
      if (p.fix)
        assert.ok(isFixId(p.fix.id), `[${p.code}] names fix '${p.fix.id}', which has none`);
    }
  }
  assert.ok(seen.size > 1, 'the inputs produce problems to check');
});

test("the README's table of problem codes is the catalogue's (node scripts/sync-catalogue.mjs)", () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.deepEqual(readmeRows(readme), expectedRows(PROBLEMS));
});

test('the batchlint.severity setting names exactly the catalogued codes', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['batchlint.severity'];
  assert.deepEqual(setting.propertyNames.enum, PROBLEM_CODES);
});

test('SARIF declares one rule per code, each with a description, a help link and a stage', () => {
  const rules = sarifRules() as {
    id: string;
    fullDescription: { text: string };
    helpUri: string;
    properties: { stage: string };
  }[];
  assert.deepEqual(
    rules.map((r) => r.id),
    PROBLEM_CODES,
  );
  for (const rule of rules) {
    const entry: ProblemEntry = PROBLEMS[rule.id as ProblemCode];
    assert.equal(rule.fullDescription.text, entry.description);
    assert.equal(rule.helpUri, entry.docs);
    assert.equal(rule.properties.stage, entry.stage);
  }
});

test('every code has a docs link, with or without a parameter', () => {
  for (const code of PROBLEM_CODES) {
    for (const param of [undefined, 'messages[0].content', 'input', 'temperature'])
      assert.match(docsUrlFor(code, param), /^https:\/\//, `${code} ${param}`);
  }
});

/**
 * Codes whose problems are made outside the rules (syntax, bytes, file shape, the schema's
 * phrasing and notes) and take the catalogue's severity (nesting_too_deep does too; no input
 * found reaches it).
 */
const AT_DEFAULT: readonly ProblemCode[] = [
  'utf8_bom',
  'binary_file',
  'invalid_utf8',
  'blank_line',
  'invalid_json_line',
  'multiline_request',
  'invalid_type',
  'duplicate_key',
  'duplicate_custom_id',
  'url_mismatch',
  'deprecated_parameter',
  'unsupported_parameter',
  'unknown_parameter',
];

test('problems made outside the rules carry the severity the catalogue gives their code', async () => {
  const text = [
    '\uFEFF' + chatUser('hi', 'a'),
    '',
    "{'custom_id': 'b'}",
    '[1]',
    chatUser('hi', 'c').replace('{', '{"custom_id":"c",'),
    '{',
    '  "custom_id": "e"',
    '}',
    chatUser('hi', 'a'),
    responses({ input: 'hi', max_tokens: 5 }, 'f'),
    chat({ messages: [{ role: 'user', content: 'hi' }], user: 'u', nonsense: 1 }, 'g'),
    line('/v1/embeddings', { model: 'text-embedding-3-small', input: 'x' }, {}, 'h'),
  ].join('\n');
  const bad = Buffer.from([0x7b, 0xff, 0x0a]);
  const checked = await checkStream([Buffer.from(text + '\n', 'utf8'), bad]);
  const binary = await checkStream([Buffer.from([0x7b, 0x00, 0x7d])]);
  const seen = new Set<ProblemCode>();
  for (const p of [...checked.problems, ...binary.problems]) {
    if (!AT_DEFAULT.includes(p.code)) continue;
    seen.add(p.code);
    assert.equal(p.severity, PROBLEMS[p.code].severity, `${p.code}: ${p.message}`);
  }
  assert.deepEqual([...seen].sort(), [...AT_DEFAULT].sort(), 'every such code is made');
});
