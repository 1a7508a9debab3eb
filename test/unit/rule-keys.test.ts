// Body rules that declare keys (rules/rule.ts) run only on bodies holding one of them. Two
// properties hold that shortcut to exactness, on seeded bodies of every checked endpoint with
// every declared key set to values that make the rules speak: the runner's findings equal those
// of every rule of the endpoint run in order, and a rule finds nothing once its keys are removed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Endpoint, Finding } from '../../server/src/core/types';
import type { BodyRule } from '../../server/src/core/rules/rule';
import { RULES } from '../../server/src/core/generated/rules';
import { checkBodyRules } from '../../server/src/core/rules';
import { ENDPOINTS } from '../../server/src/core/endpoints';
import { hasBodySchema } from '../../server/src/core/schema';
import { defaultContext } from '../../server/src/core/models/context';
import { ModelCatalogue } from '../../server/src/core/models/catalogue';
import { Prng } from './fuzz/prng';
import { seedLines } from './fuzz/seeds';

const CONTEXT = defaultContext(ModelCatalogue.builtIn().asOf);
const BODIES_PER_ENDPOINT = 400;

const BODY_RULES = Object.entries(RULES).filter(
  (entry): entry is [string, BodyRule] => entry[1].scope === 'body',
);

function keysOf(rule: BodyRule, endpoint: Endpoint): readonly string[] | undefined {
  return typeof rule.keys === 'function' ? rule.keys(endpoint) : rule.keys;
}

const schema = { type: 'object', properties: { a: { type: 'string' } } };
/** Values that make some rule speak, by key; other declared keys get the generic ones. */
const VALUES: Record<string, unknown[]> = {
  response_format: [
    { type: 'json_object' },
    { type: 'json_schema', json_schema: { name: 'x', strict: true, schema } },
  ],
  text: [
    { format: { type: 'json_object' } },
    { format: { type: 'json_schema', name: 'x', strict: true, schema } },
    { verbosity: 'low' },
  ],
  tools: [
    [
      { type: 'function', function: { name: 'f', strict: true, parameters: schema } },
      { type: 'function', function: { name: 'f', parameters: schema } },
    ],
    [
      { type: 'function', name: 'f', parameters: schema },
      { type: 'function', name: 'f', strict: true, parameters: schema },
      { type: 'web_search' },
      { type: 'image_generation' },
    ],
  ],
  tool_choice: [
    { type: 'function', function: { name: 'g' } },
    { type: 'function', name: 'g' },
    'auto',
  ],
  reasoning: [{ effort: 'minimal' }, { effort: 'high' }, { generate_summary: 'auto' }],
  reasoning_effort: ['minimal', 'high', 'none'],
  max_tokens: [100, 1_000_000],
  max_completion_tokens: [1_000_000],
  max_output_tokens: [1_000_000],
  temperature: [0.2, 1],
  verbosity: ['low', 'high'],
  dimensions: [4096, 64],
  stream: [true],
  user: ['u'.repeat(300)],
};
const GENERIC = [true, 0.5, 'x', { a: 1 }, [], null];
const MODELS = [
  'gpt-4o',
  'gpt-4o-mini',
  'o3',
  'o3-mini',
  'gpt-5',
  'gpt-5.1',
  'gpt-3.5-turbo',
  'gpt-4',
  'text-embedding-ada-002',
  'text-embedding-3-small',
  'my-local-model',
  '',
];

/** Seeded bodies for `endpoint`: its seed lines' bodies with declared keys and models mixed in. */
function bodiesFor(endpoint: Endpoint, r: Prng): Record<string, unknown>[] {
  const bases = seedLines()
    .map((text) => JSON.parse(text) as { url?: unknown; body?: unknown })
    .filter((line) => line.url === endpoint && typeof line.body === 'object')
    .map((line) => line.body as Record<string, unknown>);
  if (bases.length === 0) bases.push({ model: 'gpt-4o', input: 'x' });
  const declared = [
    ...new Set(BODY_RULES.flatMap(([, rule]) => keysOf(rule, endpoint) ?? [])),
  ].sort();
  const bodies: Record<string, unknown>[] = [];
  for (let i = 0; i < BODIES_PER_ENDPOINT; i++) {
    const body = structuredClone(r.pick(bases));
    if (r.chance(0.7)) body.model = r.pick(MODELS);
    const added = r.int(4);
    for (let k = 0; k < added && declared.length > 0; k++) {
      const key = r.pick(declared);
      body[key] = structuredClone(r.pick(VALUES[key] ?? GENERIC));
    }
    bodies.push(body);
  }
  return bodies;
}

const ENDPOINTS_CHECKED = ENDPOINTS.filter(hasBodySchema);

test('the runner finds what every rule of the endpoint, run in order, finds', () => {
  const r = new Prng(0x5eed);
  const spoke = new Set<string>();
  for (const endpoint of ENDPOINTS_CHECKED) {
    const rules = BODY_RULES.filter(([, rule]) => rule.endpoints.includes(endpoint));
    for (const body of bodiesFor(endpoint, r)) {
      const expected: Finding[] = [];
      for (const [name, rule] of rules) {
        const found = rule.check(body, endpoint, CONTEXT);
        if (found.length > 0 && keysOf(rule, endpoint) !== undefined) spoke.add(name);
        expected.push(...found);
      }
      const actual: Finding[] = [];
      checkBodyRules(endpoint, body, actual, CONTEXT);
      assert.deepEqual(actual, expected, `${endpoint} ${JSON.stringify(body).slice(0, 400)}`);
    }
  }
  // Every rule with keys spoke on some body: the comparison above covered its shortcut.
  const keyed = BODY_RULES.filter(([, rule]) =>
    ENDPOINTS_CHECKED.some((e) => rule.endpoints.includes(e) && (keysOf(rule, e)?.length ?? 0) > 0),
  ).map(([name]) => name);
  assert.deepEqual(
    keyed.filter((name) => !spoke.has(name)),
    [],
  );
});

test('a rule with keys finds nothing on a body without them', () => {
  const r = new Prng(0xc0ffee);
  for (const endpoint of ENDPOINTS_CHECKED) {
    const bodies = bodiesFor(endpoint, r);
    for (const [name, rule] of BODY_RULES) {
      const keys = keysOf(rule, endpoint);
      if (!rule.endpoints.includes(endpoint) || keys === undefined) continue;
      for (const body of bodies) {
        const without = { ...body };
        for (const key of keys) delete without[key];
        assert.deepEqual(
          rule.check(without, endpoint, CONTEXT),
          [],
          `${name} on ${endpoint}: ${JSON.stringify(without).slice(0, 400)}`,
        );
      }
    }
  }
});
