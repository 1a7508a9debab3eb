// Conformance table of the strict-schema checker: for each rule, a schema that breaks it (with the
// API's exact message, context and the node it is placed on) and the same schema made valid.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  checkStrictSchema,
  formatContext,
  pyRepr,
  STRICT_RULES,
} from '../../server/src/core/strict';
import type { StrictRule } from '../../server/src/core/strict';

type Json = Record<string, unknown>;

/** An object node the way strict mode wants it: every key required, nothing else allowed. */
function obj(properties: Json, extra: Json = {}): Json {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
    ...extra,
  };
}

const str = { type: 'string' };

interface Row {
  rule: StrictRule;
  bad: unknown;
  message: string;
  /** Path of the node the first finding is placed on. */
  path: (string | number)[];
  context?: string;
  severity?: 'error' | 'warning' | 'info';
  good: unknown;
}

const rows: Row[] = [
  {
    rule: 'additional-properties',
    bad: { type: 'object', title: 'empty_parameters' },
    message: "In context=(), 'additionalProperties' is required to be supplied and to be false.",
    path: [],
    context: '()',
    good: obj({}),
  },
  {
    rule: 'additional-properties',
    bad: obj({ a: str }, { additionalProperties: true }),
    message: "In context=(), 'additionalProperties' is required to be supplied and to be false.",
    path: ['additionalProperties'],
    good: obj({ a: str }),
  },
  {
    rule: 'additional-properties',
    bad: obj({ permissions: { type: 'object', properties: {}, required: [] } }),
    message:
      "In context=('properties', 'permissions'), 'additionalProperties' is required to be supplied and to be false.",
    path: ['properties', 'permissions'],
    context: "('properties', 'permissions')",
    good: obj({ permissions: obj({}) }),
  },
  {
    rule: 'additional-properties',
    bad: obj({
      scores: { type: 'array', items: { type: 'object', properties: {}, required: [] } },
    }),
    message:
      "In context=('properties', 'scores', 'items'), 'additionalProperties' is required to be supplied and to be false.",
    path: ['properties', 'scores', 'items'],
    good: obj({ scores: { type: 'array', items: obj({}) } }),
  },
  {
    rule: 'additional-properties',
    bad: obj({
      u: { anyOf: [{ type: 'object', properties: {}, required: [] }, { type: 'null' }] },
    }),
    message:
      "In context=('properties', 'u', 'anyOf', '0'), 'additionalProperties' is required to be supplied and to be false.",
    path: ['properties', 'u', 'anyOf', 0],
    good: obj({ u: { anyOf: [obj({}), { type: 'null' }] } }),
  },
  {
    rule: 'additional-properties',
    bad: obj({ params: { type: ['object', 'null'], properties: {}, required: [] } }),
    message:
      "In context=('properties', 'params', 'type', '0'), 'additionalProperties' is required to be supplied and to be false.",
    path: ['properties', 'params'],
    good: obj({ params: obj({}, { type: ['object', 'null'] }) }),
  },
  {
    rule: 'additional-properties',
    bad: obj(
      { a: { $ref: '#/$defs/A' } },
      { $defs: { A: { type: 'object', properties: {}, required: [] } } },
    ),
    message:
      "In context=('$defs', 'A'), 'additionalProperties' is required to be supplied and to be false.",
    path: ['$defs', 'A'],
    good: obj({ a: { $ref: '#/$defs/A' } }, { $defs: { A: obj({}) } }),
  },
  {
    rule: 'required-missing',
    bad: obj({ a: str, b: str }, { required: ['a'] }),
    message:
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'b'.",
    path: ['required'],
    good: obj({ a: str, b: str }),
  },
  {
    rule: 'required-missing',
    bad: { type: 'object', properties: { etymology: str }, additionalProperties: false },
    message:
      "In context=(), 'required' is required to be supplied and to be an array including every key in properties. Missing 'etymology'.",
    path: [],
    good: obj({ etymology: str }),
  },
  {
    rule: 'required-missing',
    bad: obj({ endLocation: obj({ testId: str, x: str }, { required: ['x'] }) }),
    message:
      "In context=('properties', 'endLocation'), 'required' is required to be supplied and to be an array including every key in properties. Missing 'testId'.",
    path: ['properties', 'endLocation', 'required'],
    good: obj({ endLocation: obj({ testId: str, x: str }) }),
  },
  {
    rule: 'required-extra',
    bad: obj({ a: str }, { required: ['a', 'x'] }),
    message:
      "In context=(), 'required' must be an array that includes every key in `properties`. Extra required key 'x' supplied.",
    path: ['required', 1],
    good: obj({ a: str }),
  },
  {
    rule: 'properties-missing',
    bad: { type: 'object', additionalProperties: false },
    message: 'In context=(), object schema missing properties.',
    path: [],
    good: obj({}),
  },
  {
    rule: 'type-missing',
    bad: obj({ snapshot: { description: 'Any value' } }),
    message: "In context=('properties', 'snapshot'), schema must have a 'type' key.",
    path: ['properties', 'snapshot'],
    good: obj({ snapshot: { type: 'string', description: 'Any value' } }),
  },
  {
    rule: 'type-missing',
    bad: obj({ anything: {} }),
    message: "In context=('properties', 'anything'), schema must have a 'type' key.",
    path: ['properties', 'anything'],
    good: obj({ anything: { anyOf: [str, { type: 'number' }] } }),
  },
  {
    rule: 'type-missing',
    bad: obj({ fixed: { const: 'x' } }),
    message: "In context=('properties', 'fixed'), schema must have a 'type' key.",
    path: ['properties', 'fixed'],
    good: obj({ fixed: { type: 'string', const: 'x' } }),
  },
  {
    rule: 'type-unknown',
    bad: obj({ when: { type: 'date' } }),
    message:
      "In context=('properties', 'when'), 'date' is not a type strict mode supports (string, number, integer, boolean, object, array, null).",
    path: ['properties', 'when', 'type'],
    good: obj({ when: { type: 'string', format: 'date' } }),
  },
  {
    rule: 'enum-without-type',
    bad: obj({ unit: { enum: ['F', 'C'] } }),
    message:
      "In context=('properties', 'unit'), an 'enum' without a 'type': whether strict mode accepts this is not documented. Adding 'type' makes it certain.",
    path: ['properties', 'unit'],
    severity: 'info',
    good: obj({ unit: { type: 'string', enum: ['F', 'C'] } }),
  },
  {
    rule: 'items-missing',
    bad: obj({ tags: { type: 'array' } }),
    message: "In context=('properties', 'tags'), array schema missing items.",
    path: ['properties', 'tags'],
    good: obj({ tags: { type: 'array', items: str } }),
  },
  {
    rule: 'items-missing',
    bad: obj({ pair: { type: 'array', items: [str, str] } }),
    message: "In context=('properties', 'pair'), array schema missing items.",
    path: ['properties', 'pair', 'items'],
    good: obj({ pair: { type: 'array', items: str, minItems: 2, maxItems: 2 } }),
  },
  {
    rule: 'keyword-refused',
    bad: obj({ recurrence: { oneOf: [str, { type: 'null' }] } }),
    message: "In context=('properties', 'recurrence'), 'oneOf' is not permitted.",
    path: ['properties', 'recurrence', 'oneOf'],
    good: obj({ recurrence: { anyOf: [str, { type: 'null' }] } }),
  },
  {
    rule: 'keyword-refused',
    bad: obj({ name: { type: 'string', maxLength: 10 } }),
    message: "In context=('properties', 'name'), 'maxLength' is not permitted.",
    path: ['properties', 'name', 'maxLength'],
    good: obj({ name: { type: 'string', pattern: '^.{0,10}$' } }),
  },
  {
    rule: 'keyword-refused',
    bad: obj({ m: { type: 'object', propertyNames: { pattern: '^a' } } }),
    message: "In context=('properties', 'm'), 'propertyNames' is not permitted.",
    path: ['properties', 'm', 'propertyNames'],
    good: obj({ m: obj({ a: str }) }),
  },
  {
    rule: 'keyword-refused',
    bad: obj({ ids: { type: 'array', items: str, uniqueItems: true } }),
    message: "In context=('properties', 'ids'), 'uniqueItems' is not permitted.",
    path: ['properties', 'ids', 'uniqueItems'],
    good: obj({ ids: { type: 'array', items: str } }),
  },
  {
    rule: 'keyword-refused',
    bad: obj({ name: { type: 'string', default: 'x' } }),
    message: "In context=('properties', 'name'), 'default' is not permitted.",
    path: ['properties', 'name', 'default'],
    severity: 'warning',
    good: obj({ name: str }),
  },
  {
    rule: 'keyword-refused',
    bad: obj({ n: { type: 'number', minimum: 0, allOf: [{ type: 'number' }] } }),
    message: "In context=('properties', 'n'), 'allOf' is not permitted.",
    path: ['properties', 'n', 'allOf'],
    good: obj({ n: { type: 'number', minimum: 0, maximum: 10, multipleOf: 1 } }),
  },
  {
    rule: 'format',
    bad: obj({ link: { type: 'string', format: 'uri' } }),
    message: "In context=('properties', 'link'), 'uri' is not a valid format.",
    path: ['properties', 'link', 'format'],
    good: obj({ link: { type: 'string', format: 'hostname' } }),
  },
  {
    rule: 'format',
    bad: obj({ at: { type: ['string', 'null'], format: 'date-time-local' } }),
    message:
      "In context=('properties', 'at', 'type', '0'), 'date-time-local' is not a valid format.",
    path: ['properties', 'at', 'format'],
    good: obj({ at: { type: ['string', 'null'], format: 'date-time' } }),
  },
  {
    rule: 'ref-siblings',
    bad: obj(
      { home: { $ref: '#/$defs/Home', description: 'Where', title: 'Home', default: null } },
      { $defs: { Home: obj({ city: str }) } },
    ),
    message:
      "context=('properties', 'home'), $ref cannot have keywords {'default', 'description', 'title'}.",
    path: ['properties', 'home'],
    good: obj({ home: { $ref: '#/$defs/Home' } }, { $defs: { Home: obj({ city: str }) } }),
  },
  {
    rule: 'ref-level',
    bad: obj({
      startLocation: obj({ x: str }),
      endLocation: { $ref: '#/properties/startLocation' },
    }),
    message:
      "In context=('properties', 'endLocation'), reference can only point to definitions defined at the top level of the schema.",
    path: ['properties', 'endLocation', '$ref'],
    good: obj(
      { startLocation: { $ref: '#/definitions/loc' }, endLocation: { $ref: '#/definitions/loc' } },
      { definitions: { loc: obj({ x: str }) } },
    ),
  },
  {
    rule: 'ref-not-found',
    bad: obj({ a: { $ref: '#/$defs/Missing' } }, { $defs: { Present: obj({}) } }),
    message:
      "In context=('properties', 'a'), reference to component '#/$defs/Missing' which was not found in the schema.",
    path: ['properties', 'a', '$ref'],
    good: obj({ a: { $ref: '#/$defs/Present' } }, { $defs: { Present: obj({}) } }),
  },
  {
    rule: 'root-type',
    bad: { anyOf: [obj({ a: str }), obj({ b: str })] },
    message: `schema must be a JSON Schema of 'type: "object"', got 'type: "None"'.`,
    path: [],
    good: obj({ item: { anyOf: [obj({ a: str }), obj({ b: str })] } }),
  },
  {
    rule: 'root-type',
    bad: { type: 'array', items: str },
    message: `schema must be a JSON Schema of 'type: "object"', got 'type: "array"'.`,
    path: ['type'],
    good: obj({ items: { type: 'array', items: str } }),
  },
  {
    rule: 'root-type',
    bad: { $ref: '#/$defs/Root', $defs: { Root: obj({}) } },
    message: `schema must be a JSON Schema of 'type: "object"', got 'type: "None"'.`,
    path: [],
    good: obj({ root: { $ref: '#/$defs/Root' } }, { $defs: { Root: obj({}) } }),
  },
  {
    rule: 'root-combinator',
    bad: obj({ a: str }, { oneOf: [obj({ a: str })] }),
    message:
      "schema must have type 'object' and not have 'oneOf'/'anyOf'/'allOf'/'enum'/'not' at the top level.",
    path: ['oneOf'],
    good: obj({ a: str }),
  },
  {
    rule: 'schema-shape',
    bad: obj({ a: [] }),
    message: "[] is not of type 'object', 'boolean'.",
    path: ['properties', 'a'],
    good: obj({ a: str }),
  },
  {
    rule: 'schema-shape',
    bad: { type: 'object', properties: { a: str }, required: null, additionalProperties: false },
    message: "None is not of type 'array'.",
    path: ['required'],
    good: obj({ a: str }),
  },
  {
    rule: 'too-deep',
    bad: nest(11),
    message: /nested 11 levels deep; strict mode allows at most 10 levels\.$/ as unknown as string,
    path: [...Array(11)].flatMap(() => ['properties', 'n']),
    severity: 'warning',
    good: nest(10),
  },
  {
    rule: 'too-many-properties',
    bad: obj(manyProps(5001)),
    message: 'The schema has 5001 object properties in total; strict mode allows at most 5000.',
    path: [],
    good: obj(manyProps(5000)),
  },
  {
    rule: 'strings-too-long',
    bad: obj({ a: { type: 'string', enum: ['x'.repeat(60_000), 'y'.repeat(60_001)] } }),
    message:
      'Property names, definition names, enum and const values add up to 120002 characters; strict mode allows at most 120000.',
    path: [],
    good: obj({ a: { type: 'string', enum: ['x'.repeat(60_000), 'y'.repeat(59_999)] } }),
  },
  {
    rule: 'too-many-enum-values',
    bad: obj({ a: { type: 'integer', enum: [...Array(1001).keys()] } }),
    message:
      "Expected at most 1000 enum values in total within a single schema when using structured outputs, but received 1001. Consider reducing the number of enums, or use 'strict: false' to opt out of structured outputs.",
    path: [],
    good: obj({ a: { type: 'integer', enum: [...Array(1000).keys()] } }),
  },
  {
    rule: 'enum-too-long',
    bad: obj({ a: { type: 'string', enum: [...Array(251).keys()].map((i) => pad(i, 60)) } }),
    message:
      'Expected at most 15000 total characters across enum values when there are more than 250 enum values, but received 15060.',
    path: ['properties', 'a', 'enum'],
    good: obj({ a: { type: 'string', enum: [...Array(250).keys()].map((i) => pad(i, 100)) } }),
  },
];

/** An object schema with `levels` nested objects under the key `n`. */
function nest(levels: number): Json {
  let node: Json = { type: 'string' };
  for (let i = 0; i < levels; i++) node = obj({ n: node });
  return node;
}

function manyProps(count: number): Json {
  const properties: Json = {};
  for (let i = 0; i < count; i++) properties[`p${i}`] = str;
  return properties;
}

function pad(i: number, width: number): string {
  return String(i).padStart(width, '0');
}

test('the conformance table has at least 30 rows and covers every rule', () => {
  assert.ok(rows.length >= 30, `${rows.length} rows`);
  const rules = new Set(rows.map((r) => r.rule));
  assert.deepEqual([...rules].sort(), [...STRICT_RULES].sort());
});

for (const [i, row] of rows.entries()) {
  test(`${row.rule} #${i}: the violating schema draws the API's words on its node`, () => {
    const findings = checkStrictSchema(row.bad);
    const first = findings[0];
    assert.ok(first, 'no finding');
    assert.equal(first.rule, row.rule, JSON.stringify(findings, null, 1));
    if (typeof row.message === 'string') assert.equal(first.message, row.message);
    else assert.match(first.message, row.message as RegExp);
    assert.deepEqual(first.path, row.path);
    if (row.context !== undefined) assert.equal(first.context, row.context);
    assert.equal(first.severity, row.severity ?? 'error');
  });
  test(`${row.rule} #${i}: the corrected schema checks clean`, () => {
    assert.deepEqual(checkStrictSchema(row.good), []);
  });
}

test('every finding is reported, in the order the API walks the schema', () => {
  const findings = checkStrictSchema({
    type: 'object',
    properties: { a: { type: 'object', properties: {} }, b: { type: 'string', format: 'uri' } },
  });
  assert.deepEqual(
    findings.map((f) => [f.rule, f.context]),
    [
      ['additional-properties', '()'],
      ['required-missing', '()'],
      ['additional-properties', "('properties', 'a')"],
      ['format', "('properties', 'b')"],
    ],
  );
});

test('fixes: add additionalProperties when it is absent, require every missing key at once', () => {
  const findings = checkStrictSchema({
    type: 'object',
    properties: { a: str, b: str, c: str },
    required: ['a'],
  });
  assert.deepEqual(findings[0]!.fix, { kind: 'add-additional-properties' });
  assert.deepEqual(findings[0]!.fixPath, []);
  assert.deepEqual(findings[1]!.fix, { kind: 'require-keys', keys: ['b', 'c'] });
  assert.deepEqual(findings[1]!.fixPath, []);
  // additionalProperties: true is a free-form map on purpose: no automatic answer.
  const open = checkStrictSchema(obj({}, { additionalProperties: true }));
  assert.equal(open[0]!.fix, undefined);
});

test('findings are capped for schemas with thousands of violations', () => {
  const properties: Json = {};
  for (let i = 0; i < 500; i++) properties[`p${i}`] = { type: 'object', properties: {} };
  assert.equal(checkStrictSchema(obj(properties)).length, 50);
});

test('the context is a Python tuple; values print as Python prints them', () => {
  assert.equal(formatContext([]), '()');
  assert.equal(formatContext(['$defs']), "('$defs',)");
  assert.equal(
    formatContext(['properties', 'items', 'items', 0]),
    "('properties', 'items', 'items', '0')",
  );
  assert.equal(formatContext(['properties', "it's"]), `('properties', "it's")`);
  assert.equal(pyRepr([null, true, 'a', { k: 1 }]), "[None, True, 'a', {'k': 1}]");
});

test('non-object schemas and hostile shapes are answered, never thrown', () => {
  for (const schema of [
    null,
    1,
    'x',
    [],
    { type: 'object', properties: 'x' },
    obj({ a: { anyOf: 3 } }),
  ]) {
    const findings = checkStrictSchema(schema);
    assert.ok(findings.length > 0, JSON.stringify(schema));
  }
  // A recursive definition is checked once, not followed.
  assert.deepEqual(
    checkStrictSchema(
      obj(
        { list: { $ref: '#/$defs/node' } },
        {
          $defs: {
            node: obj({
              value: { type: 'number' },
              next: { anyOf: [{ $ref: '#/$defs/node' }, { type: 'null' }] },
            }),
          },
        },
      ),
    ),
    [],
  );
});

/** The schema inside a documented example: a format, a tool in either shape, or a bare schema. */
function schemaOf(example: Json): unknown {
  if (example.schema !== undefined) return example.schema;
  if (example.parameters !== undefined) return example.parameters;
  const fn = example.function as Json | undefined;
  if (fn?.parameters !== undefined) return fn.parameters;
  return example;
}

test("the valid examples of OpenAI's Structured Outputs and function-calling guides check clean", () => {
  const examples = JSON.parse(
    readFileSync(path.join(__dirname, '../../../test/fixtures/strict/docs-examples.json'), 'utf8'),
  ) as { id: string; example: Json }[];
  assert.ok(examples.length > 0, 'the examples file lists examples');
  for (const { id, example } of examples) {
    assert.deepEqual(checkStrictSchema(schemaOf(example)), [], id);
  }
});
