// Knowledge as data: the x-batchlint annotations and the endpoints manifest, and the features
// that read them (deprecation notes, the chat → responses fate of each parameter, propertyInfo,
// the url lists).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkText, ENDPOINTS, propertyInfo } from '../../server/src/core';
import { checkBody } from '../../server/src/core/request-check';
import { schemaAnnotations } from '../../server/src/core/generated';
import { rawSchemas } from '../../server/src/core/generated/raw-schemas';
import type { SchemaName } from '../../server/src/core/generated';
import { topLevelAnnotations } from '../../server/src/core/schema/annotations';
import type { PlaceStep } from '../../server/src/core/schema/annotations';
import { chatParamFate, chatParameters } from '../../server/src/core/schema/chat-to-responses';
import { endpointOfSchema } from '../../server/src/core/endpoints';
import type { Endpoint } from '../../server/src/core/types';
import { chat, line, responses } from './builders';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'endpoints.json'), 'utf8')) as {
  endpoints: Array<{ url: string; schema: string | null }>;
};

/**
 * The properties the API reference marks `deprecated: true` in the request bodies of the checked
 * endpoints (a fact table, from the spec of 2026-08). Each must carry the annotation. A deprecated
 * branch of a tagged union (chat's function message) is its tag's value: `messages.*.role`.
 */
const SPEC_DEPRECATED: Record<string, string[]> = {
  chatCompletions: [
    'user',
    'prompt_cache_retention',
    'max_tokens',
    'seed',
    'function_call',
    'functions',
    'messages.*.function_call',
    'messages.*.role',
  ],
  responses: ['user', 'prompt_cache_retention', 'truncation', 'reasoning.generate_summary'],
};

const stepText = (s: PlaceStep): string => (typeof s === 'string' ? s : '');

test('every property the spec marks deprecated carries the deprecation annotation', () => {
  for (const [schema, expected] of Object.entries(SPEC_DEPRECATED)) {
    const annotated = schemaAnnotations[schema as SchemaName]
      .filter((p) => p.annotation.deprecated)
      .map((p) => p.path.map(stepText).filter(Boolean).join('.'));
    assert.deepEqual(annotated.sort(), [...expected].sort(), schema);
  }
});

/** A body holding `leaf` at the path pattern (the first branch of each filter). */
function bodyAt(
  pattern: readonly PlaceStep[],
  leaf: unknown = { any: 'value' },
): Record<string, unknown> {
  const build = (i: number): unknown => {
    if (i === pattern.length) return leaf;
    const step = pattern[i]!;
    if (step === '*') return [build(i + 1)];
    if (typeof step === 'string') return { [step]: build(i + 1) };
    return { [step.key]: step.values[0], ...(build(i + 1) as object) };
  };
  return build(0) as Record<string, unknown>;
}

test('every deprecated annotation gives its note, worded from the annotation', () => {
  let seen = 0;
  for (const [schema, places] of Object.entries(schemaAnnotations)) {
    const endpoint = endpointOfSchema(schema as SchemaName);
    for (const place of places.filter((p) => p.annotation.deprecated)) {
      assert.ok(endpoint, schema);
      const { value } = place.annotation.deprecated!;
      const findings = checkBody(endpoint, { model: 'm', ...bodyAt(place.path, value) });
      const notes = findings.filter((f) => f.code === 'deprecated_parameter');
      assert.equal(notes.length, 1, `${schema} ${place.pointer}: ${JSON.stringify(findings)}`);
      const note = notes[0]!;
      assert.equal(note.severity, 'info');
      const what = value === undefined ? '' : `: ${JSON.stringify(value).replace(/"/g, "'")}`;
      assert.ok(note.message.startsWith(`'${note.param}'${what} is deprecated`), note.message);
      for (const use of place.annotation.deprecated!.use ?? []) {
        assert.ok(note.message.includes(`'${use}'`), note.message);
      }
      seen++;
    }
  }
  assert.ok(seen >= 12, `only ${seen} deprecated properties`);
});

test("a deprecated value: chat's role 'function' is noted on the value, other roles are not", () => {
  const text = chat({
    messages: [
      { role: 'user', content: 'x' },
      { role: 'function', name: 'f', content: '42' },
      { role: 'tool', tool_call_id: 'c', content: '42' },
    ],
  });
  const notes = checkText(text).problems.filter((p) => p.code === 'deprecated_parameter');
  assert.deepEqual(
    notes.map((p) => [p.param, p.message, text.slice(p.column, p.endColumn)]),
    [
      [
        'messages[1].role',
        "'messages[1].role': 'function' is deprecated. Send the result as a tool message: role 'tool', with the tool_call_id of its call.",
        '"function"',
      ],
    ],
  );
  const body = JSON.parse(text) as { body: unknown };
  const role = (i: number) => propertyInfo(body, ['body', 'messages', i, 'role']);
  assert.equal(role(1)?.deprecated, notes[0]!.message);
  assert.equal(role(2)?.deprecated, undefined);
});

test('deprecation notes: nested and null values', () => {
  const codes = (text: string) =>
    checkText(text).problems.map((p) => [p.code, p.param, p.message] as const);
  assert.deepEqual(
    codes(
      chat({
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } },
        ],
        max_tokens: 10,
        seed: null,
      }),
    ),
    [
      [
        'deprecated_parameter',
        'messages[1].function_call',
        "'messages[1].function_call' is deprecated in favor of 'tool_calls'.",
      ],
      [
        'deprecated_parameter',
        'max_tokens',
        "'max_tokens' is deprecated in favor of 'max_completion_tokens'. Reasoning models refuse it.",
      ],
    ],
  );
  assert.deepEqual(
    codes(responses({ input: 'x', reasoning: { generate_summary: 'auto' }, user: 'u' })),
    [
      [
        'deprecated_parameter',
        'reasoning.generate_summary',
        "'reasoning.generate_summary' is deprecated in favor of 'reasoning.summary'.",
      ],
      [
        'deprecated_parameter',
        'user',
        "'user' is deprecated in favor of 'safety_identifier' and 'prompt_cache_key'.",
      ],
    ],
  );
});

test('every chat parameter says what it becomes on /v1/responses, consistently with that schema', () => {
  const chatKeys = [...topLevelAnnotations('chatCompletions').keys()];
  assert.deepEqual(chatParameters(), chatKeys, 'every chat parameter has a responses annotation');
  const responsesKeys = new Set(
    Object.keys((rawSchemas.responses as { properties: object }).properties),
  );
  for (const key of chatKeys) {
    const fate = chatParamFate(key);
    if (fate.kind === 'same' || fate.kind === 'undecided') {
      assert.ok(responsesKeys.has(key), `${key} is the same in responses, which must declare it`);
    }
    if (fate.kind === 'none') {
      assert.ok(!responsesKeys.has(key), `${key} has no equivalent, so responses must refuse it`);
    }
    if (fate.kind === 'moved' || fate.kind === 'rewritten') {
      assert.ok(responsesKeys.has(fate.to.split('.')[0]!), `${key} → ${fate.to}`);
    }
  }
  assert.equal(chatParamFate('not_a_parameter').kind, 'unknown');
  assert.equal(chatParamFate('__proto__').kind, 'unknown');
});

test('the chat → responses drift cases: penalties are noted on both sides, alike', () => {
  const text = responses({ input: 'x', frequency_penalty: 0.5 });
  assert.deepEqual(
    checkText(text).problems.map((p) => [p.severity, p.code, p.param]),
    [['info', 'undocumented_parameter', 'frequency_penalty']],
  );
  assert.deepEqual(chatParamFate('presence_penalty'), {
    kind: 'undecided',
    why: 'not in the responses API reference (some models accept it at run time and others refuse it)',
  });
  // A chat parameter with no equivalent on a responses line: the API's words and our hint.
  assert.deepEqual(
    checkText(responses({ input: 'x', seed: 1 })).problems.map((p) => p.message),
    ["Unknown parameter: 'seed'. It has no equivalent in the Responses API."],
  );
});

test('propertyInfo: description, deprecation, place on responses, values, docs', () => {
  const request = { url: '/v1/chat/completions', body: { model: 'm', messages: [] } };
  const maxTokens = propertyInfo(request, ['body', 'max_tokens'])!;
  assert.equal(maxTokens.param, 'max_tokens');
  assert.deepEqual(maxTokens.types, ['integer', 'null']);
  assert.equal(maxTokens.description, 'Older cap on generated tokens.');
  assert.equal(
    maxTokens.deprecated,
    "'max_tokens' is deprecated in favor of 'max_completion_tokens'. Reasoning models refuse it.",
  );
  assert.equal(maxTokens.movedTo, 'max_output_tokens');
  assert.equal(maxTokens.docs, 'https://platform.openai.com/docs/api-reference/chat/create');

  const format = propertyInfo(request, ['body', 'response_format'])!;
  assert.equal(format.movedTo, 'text.format');
  assert.equal(format.docs, 'https://platform.openai.com/docs/guides/structured-outputs');
  assert.equal(format.deprecated, undefined);

  const effort = propertyInfo(request, ['body', 'reasoning_effort'])!;
  assert.ok(effort.values.includes('high'));

  const role = propertyInfo(
    { url: '/v1/chat/completions', body: { messages: [{ role: 'assistant' }] } },
    ['body', 'messages', 0, 'function_call'],
  )!;
  assert.ok(role.deprecated?.includes("'tool_calls'"));

  // The envelope's url takes the manifest's urls.
  assert.deepEqual(propertyInfo({}, ['url'])!.values, [...ENDPOINTS]);
  // A key no schema knows, and an unchecked body.
  assert.equal(propertyInfo(request, ['body', 'nope']), undefined);
  assert.equal(propertyInfo({ url: '/v1/nope', body: {} }, ['body', 'prompt']), undefined);
});

test('the url lists come from the endpoints manifest', () => {
  assert.deepEqual(
    ENDPOINTS,
    manifest.endpoints.map((e) => e.url),
  );
  for (const { url, schema } of manifest.endpoints) {
    const problems = checkText(line(url, { model: 'm' })).problems.map((p) => p.code);
    // A url without a schema gets the note; one with a schema has its body checked instead.
    assert.equal(problems.includes('body_not_checked'), schema === null, `${url}: ${problems}`);
    if (schema !== null) assert.ok(endpointOfSchema(schemaName(schema)) === (url as Endpoint));
  }
  const bad = checkText(line('/v1/nope', { model: 'm' })).problems.find((p) => p.param === 'url');
  assert.ok(bad?.message.includes(ENDPOINTS.map((e) => `'${e}'`).slice(-1)[0]!), bad?.message);
});

function schemaName(file: string): SchemaName {
  return file
    .replace(/\.json$/, '')
    .replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as SchemaName;
}
