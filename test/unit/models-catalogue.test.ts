// The model table: data/models.json against its own schema, every entry sourced and dated, names
// (aliases, dated snapshots, ft: names) resolving to their base, and users' files layered on top
// with clear errors for bad fields.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { ModelCatalogue, ModelsFileError } from '../../server/src/core/models/catalogue';
import { catalogueFromText, catalogueWith } from '../../server/src/core/models/load';
import { impossibleFact } from '../../server/src/core/models/table-facts';
import { isCalendarDate } from '../../server/src/core/dates';
import type { ModelFacts } from '../../server/src/core/models/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const table = readJson('data/models.json') as { models: Record<string, ModelFacts> };

test('data/models.json is valid against schemas/models.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  const validate = ajv.compile(readJson('schemas/models.schema.json') as object);
  assert.ok(validate(table), JSON.stringify(validate.errors, null, 2));
  // What the schema cannot say, checked as a user's file is: dates on the calendar, defaults
  // among the efforts.
  assert.equal(impossibleFact(table)?.message, undefined);
});

/** The models the table must cover, by the names users write. */
const REQUIRED = [
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-5-pro',
  'gpt-5-chat-latest',
  'gpt-5.1',
  'gpt-5.1-chat-latest',
  'gpt-5.1-codex',
  'gpt-5.1-codex-mini',
  'gpt-5.1-codex-max',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-4o',
  'gpt-4o-mini',
  'o1',
  'o1-mini',
  'o1-pro',
  'o3',
  'o3-mini',
  'o3-pro',
  'o4-mini',
  'gpt-4-turbo',
  'gpt-3.5-turbo',
  'text-embedding-3-small',
  'text-embedding-3-large',
  'text-embedding-ada-002',
  'omni-moderation-latest',
  'text-moderation-latest',
  'text-moderation-stable',
  'gpt-image-1',
  'davinci-002',
  'babbage-002',
];

test('every required model resolves to an entry with sources and a date', () => {
  const models = ModelCatalogue.builtIn();
  for (const name of REQUIRED) {
    const model = models.resolve(name);
    assert.ok(model, name);
    assert.ok((model.facts.sources ?? []).length > 0, `${name} has no source`);
    assert.ok(isCalendarDate(model.facts.asOf ?? ''), `${name} has no date`);
  }
});

test('every uncertainty note names a fact the entry has', () => {
  const models = ModelCatalogue.builtIn();
  for (const id of models.ids()) {
    const facts = models.resolve(id)!.facts;
    for (const field of Object.keys(facts.uncertain ?? {})) {
      assert.ok(field in facts, `${id}: uncertain '${field}' is not a field it sets`);
    }
  }
});

test('batch prices are never above standard prices, and aliases are unique', () => {
  const seen = new Map<string, string>();
  for (const [id, facts] of Object.entries(table.models)) {
    const { standard, batch } = facts.prices ?? {};
    if (standard && batch) {
      assert.ok(batch.input <= standard.input && batch.output <= standard.output, id);
    }
    for (const name of [id, ...(facts.aliases ?? [])]) {
      assert.equal(seen.get(name), undefined, `${name} named by ${seen.get(name)} and ${id}`);
      seen.set(name, id);
    }
  }
});

const resolutions: [string, string | undefined][] = [
  ['gpt-4o', 'gpt-4o'],
  ['gpt-4o-2024-08-06', 'gpt-4o'],
  ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
  ['gpt-5-mini-2025-08-07', 'gpt-5-mini'],
  ['gpt-3.5-turbo-0125', 'gpt-3.5-turbo'],
  ['gpt-3.5-turbo-1106', 'gpt-3.5-turbo'],
  ['ft:gpt-4o-mini-2024-07-18:acme::abc123', 'gpt-4o-mini'],
  ['ft:davinci-002:acme::xyz', 'davinci-002'],
  ['text-moderation-stable', 'text-moderation-latest'],
  ['my-local-model', undefined],
  ['gpt4o', undefined],
  ['ft:', undefined],
];

for (const [name, id] of resolutions) {
  test(`resolve: ${name} → ${String(id)}`, () => {
    assert.equal(ModelCatalogue.builtIn().resolve(name)?.id, id);
  });
}

test('a snapshot with its own entry keeps its own limits and inherits the rest', () => {
  const may = ModelCatalogue.builtIn().resolve('gpt-4o-2024-05-13')!.facts;
  assert.equal(may.maxOutputTokens, 4096);
  assert.equal(may.contextWindow, 128000);
  assert.equal(may.aliases, undefined);
});

test('near misses get a suggestion', () => {
  assert.equal(ModelCatalogue.builtIn().suggest('gpt4o'), " Did you mean 'gpt-4o'?");
  assert.equal(ModelCatalogue.builtIn().suggest('my-local-model'), '');
});

test('the smallest user file: a name that inherits every fact of its base', () => {
  const models = catalogueWith({ models: { 'my-deploy': { base: 'gpt-4o' } } });
  const mine = models.resolve('my-deploy')!;
  const base = models.resolve('gpt-4o')!;
  assert.equal(mine.id, 'my-deploy');
  assert.deepEqual(mine.facts, base.facts);
  // The built-in table is untouched.
  assert.equal(ModelCatalogue.builtIn().resolve('my-deploy'), undefined);
});

test('a user entry overrides any fact; a known id keeps the facts it does not set', () => {
  const models = catalogueWith({
    models: {
      'my-deploy': { base: 'gpt-4o', contextWindow: 8000 },
      'gpt-3.5-turbo': { maxOutputTokens: 2048, tools: false },
      'brand-new': { contextWindow: 32000 },
    },
  });
  assert.equal(models.resolve('my-deploy')!.facts.contextWindow, 8000);
  assert.equal(models.resolve('my-deploy')!.facts.maxOutputTokens, 16384);
  const turbo = models.resolve('gpt-3.5-turbo-0125')!.facts;
  assert.equal(turbo.maxOutputTokens, 2048);
  assert.equal(turbo.contextWindow, 16385);
  // The user settled the tools question: no longer uncertain; prices still are.
  assert.equal(turbo.uncertain?.tools, undefined);
  assert.ok(turbo.uncertain?.prices);
  assert.deepEqual(models.resolve('brand-new')!.facts, { contextWindow: 32000 });
});

const badFiles: [string, unknown, string][] = [
  ['not an object', [], '(file): expected object.'],
  ['no models', {}, "(file): missing 'models'."],
  [
    'a wrong type',
    { models: { 'my-deploy': { base: 'gpt-4o', contextWindow: '8k' } } },
    'models["my-deploy"].contextWindow: expected integer.',
  ],
  [
    'a typo in a field',
    { models: { 'my-deploy': { base: 'gpt-4o', contextWindw: 8000 } } },
    "models[\"my-deploy\"]: unknown field 'contextWindw'. Did you mean 'contextWindow'?",
  ],
  [
    'an effort outside the enum',
    { models: { x: { reasoning: { efforts: ['ultra'] } } } },
    'models.x.reasoning.efforts[0]: expected one of "none", "minimal", "low", "medium", "high", "xhigh", "max".',
  ],
  [
    'reasoning true',
    { models: { x: { reasoning: true } } },
    'models.x.reasoning: expected false or an object.',
  ],
  [
    'a bad date',
    { models: { x: { deprecation: { shutdown: 'soon', source: 'https://example.com' } } } },
    'models.x.deprecation.shutdown: expected a date, YYYY-MM-DD.',
  ],
  [
    'a shutdown date off the calendar',
    {
      models: {
        'my-deploy': {
          base: 'gpt-4o',
          deprecation: { shutdown: '2020-13-45', source: 'https://example.com' },
        },
      },
    },
    'models["my-deploy"].deprecation.shutdown: \'2020-13-45\' is not a calendar date: there is no month 13.',
  ],
  [
    'a 30 February',
    { models: { x: { asOf: '2026-02-30' } } },
    "models.x.asOf: '2026-02-30' is not a calendar date: February 2026 has 28 days.",
  ],
  [
    "the file's own date off the calendar",
    { asOf: '2026-04-31', models: {} },
    "asOf: '2026-04-31' is not a calendar date: April 2026 has 30 days.",
  ],
  [
    'a default effort that is not one of the efforts',
    {
      models: { 'my-deploy': { base: 'gpt-4o', reasoning: { efforts: ['low'], default: 'high' } } },
    },
    'models["my-deploy"].reasoning.default: expected one of its efforts, "low".',
  ],
  [
    'an unknown base',
    { models: { 'my-deploy': { base: 'gpt4o' } } },
    "models[\"my-deploy\"].base: no model named 'gpt4o'. Did you mean 'gpt-4o'?",
  ],
  [
    'a cycle of bases',
    { models: { a: { base: 'b' }, b: { base: 'a' } } },
    "models.b.base: 'a' leads back to 'b' (a cycle of bases).",
  ],
];

for (const [name, value, message] of badFiles) {
  test(`a bad models file is refused with the path of the bad field: ${name}`, () => {
    assert.throws(
      () => catalogueWith(value),
      (error: unknown) => error instanceof ModelsFileError && error.message === message,
    );
  });
}

test('a models file that is not JSON says so', () => {
  assert.throws(() => catalogueFromText('{models'), /^Error: \(file\): not JSON: /);
  assert.throws(() => catalogueFromText('{models'), ModelsFileError);
});
