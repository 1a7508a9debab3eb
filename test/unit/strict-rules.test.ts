// Strict schemas on real batch lines: where strict mode applies (chat and Responses, formats
// and function tools), the API's words on the offending node, the note for a Responses tool
// without `strict`, and the fixes, applied, leave the schema strict-clean.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixesFor, applyEdits } from '../../server/src/core';
import type { Problem } from '../../server/src/core';
import { chat, responses } from './builders';

type Json = Record<string, unknown>;

const messages = [{ role: 'user', content: 'Hi' }];
const openObject = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
const strictObject = { ...openObject, additionalProperties: false };

const chatTool = (fn: Json): string =>
  chat({ messages, tools: [{ type: 'function', function: { name: 'f', ...fn } }] });
const responsesTool = (fn: Json): string =>
  responses({ input: 'Hi', tools: [{ type: 'function', name: 'f', ...fn }] });
const chatFormat = (spec: Json): string =>
  chat({
    messages,
    response_format: { type: 'json_schema', json_schema: { name: 'out', ...spec } },
  });
const responsesFormat = (spec: Json): string =>
  responses({ input: 'Hi', text: { format: { type: 'json_schema', name: 'out', ...spec } } });

interface Row {
  name: string;
  text: string;
  /** Exactly these problems (code, message, underlined text), in this order. */
  expect: [string, string, string][];
  severity?: 'error' | 'info';
}

const ADDITIONAL =
  "In context=(), 'additionalProperties' is required to be supplied and to be false.";

const rows: Row[] = [
  {
    name: 'input 1: chat strict function, parameters without properties',
    text: chatTool({
      strict: true,
      name: 'empty_parameters',
      parameters: { type: 'object', title: 'empty_parameters' },
    }),
    expect: [
      [
        'invalid_function_parameters',
        `Invalid schema for function 'empty_parameters': ${ADDITIONAL}`,
        '"parameters"',
      ],
      [
        'invalid_function_parameters',
        "Invalid schema for function 'empty_parameters': In context=(), object schema missing properties.",
        '"parameters"',
      ],
    ],
  },
  {
    name: 'responses strict function',
    text: responsesTool({ strict: true, parameters: openObject }),
    expect: [
      [
        'invalid_function_parameters',
        `Invalid schema for function 'f': ${ADDITIONAL}`,
        '"parameters"',
      ],
    ],
  },
  {
    name: 'chat strict response_format',
    text: chatFormat({ strict: true, schema: openObject }),
    expect: [
      [
        'invalid_json_schema',
        `Invalid schema for response_format 'out': ${ADDITIONAL}`,
        '"schema"',
      ],
    ],
  },
  {
    name: 'responses strict text.format: the message still says response_format',
    text: responsesFormat({
      strict: true,
      schema: { ...strictObject, properties: { a: { type: 'string', minLength: 1 } } },
    }),
    expect: [
      [
        'invalid_json_schema',
        "Invalid schema for response_format 'out': In context=('properties', 'a'), 'minLength' is not permitted.",
        '"minLength"',
      ],
    ],
  },
  {
    name: 'chat function without strict: not checked',
    text: chatTool({ parameters: openObject }),
    expect: [],
  },
  {
    name: 'chat strict: false: not checked',
    text: chatTool({ strict: false, parameters: openObject }),
    expect: [],
  },
  {
    name: 'chat format without strict: not checked',
    text: chatFormat({ schema: openObject }),
    expect: [],
  },
  {
    name: 'responses format with strict: false: not checked',
    text: responsesFormat({ strict: false, schema: openObject }),
    expect: [],
  },
  {
    name: 'responses tool without strict, optional property: a note, not an error',
    text: responsesTool({
      parameters: {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string' } },
        required: ['a'],
      },
    }),
    severity: 'info',
    expect: [
      [
        'strict_omitted',
        "Function 'f' leaves 'strict' out: Responses makes its schema strict, which requires every property, so the model must also fill 'b'. Set 'strict': false to keep them optional.",
        '"parameters"',
      ],
    ],
  },
  {
    name: 'responses tool without strict, schema strict mode refuses: a note',
    text: responsesTool({
      parameters: { ...strictObject, properties: { a: { type: 'string', oneOf: [] } } },
    }),
    severity: 'info',
    expect: [
      [
        'strict_omitted',
        "Function 'f' leaves 'strict' out and its schema is not strict-compatible (In context=('properties', 'a'), 'oneOf' is not permitted.): Responses will call it without strict validation. Set 'strict': false to say so.",
        '"parameters"',
      ],
    ],
  },
  {
    name: 'responses tool without strict, strict-compatible schema: nothing to say',
    text: responsesTool({ parameters: openObject }),
    expect: [],
  },
  {
    name: 'responses tool with strict: false: nothing to say',
    text: responsesTool({ strict: false, parameters: { type: 'object', properties: { a: {} } } }),
    expect: [],
  },
];

for (const row of rows) {
  test(`strict line: ${row.name}`, () => {
    const problems = checkText(row.text).problems;
    assert.deepEqual(
      problems.map((p) => [p.code, p.message, row.text.slice(p.column, p.endColumn)]),
      row.expect,
    );
    for (const p of problems) assert.equal(p.severity, row.severity ?? 'error');
  });
}

function applyFirstFix(text: string, problem: Problem): string {
  const [fix] = fixesFor(problem, () => text);
  assert.ok(fix, `no fix for ${problem.message}`);
  return applyEdits([text], fix.edits)[0]!;
}

test('fixes: additionalProperties added, missing keys required, and the schema is then clean', () => {
  let text = chatTool({
    strict: true,
    parameters: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'object', properties: {}, required: [] } },
      required: ['a'],
      'x-keep': 1,
    },
  });
  for (let round = 0; round < 5; round++) {
    const problems = checkText(text).problems;
    if (problems.length === 0) break;
    text = applyFirstFix(text, problems[0]!);
  }
  assert.deepEqual(checkText(text).problems, []);
  const fixed = JSON.parse(text) as { body: { tools: { function: { parameters: Json } }[] } };
  const parameters = fixed.body.tools[0]!.function.parameters;
  assert.deepEqual(parameters.required, ['a', 'b']);
  assert.equal(parameters.additionalProperties, false);
  assert.equal(parameters['x-keep'], 1);
});

test('fix: a required list is created when absent, with every key in order', () => {
  const text = responsesFormat({
    strict: true,
    schema: {
      type: 'object',
      properties: { x: { type: 'string' }, y: { type: 'number' } },
      additionalProperties: false,
    },
  });
  const [problem] = checkText(text).problems;
  assert.equal(problem!.fix?.id, 'strict-require-keys');
  const fixes = fixesFor(problem!, () => text);
  assert.equal(fixes[0]!.title, "Add 'x' and 'y' to \"required\"");
  assert.equal(fixes[0]!.safe, false);
  assert.deepEqual(checkText(applyEdits([text], fixes[0]!.edits)[0]!).problems, []);
});

test('fix: strict turned off where no repair is unambiguous, and for a tool that leaves it out', () => {
  const refused = chatTool({
    strict: true,
    parameters: { ...strictObject, properties: { a: { type: 'string', maxLength: 5 } } },
  });
  const [problem] = checkText(refused).problems;
  assert.equal(problem!.fix?.id, 'strict-off');
  assert.deepEqual(checkText(applyFirstFix(refused, problem!)).problems, []);
  const omitted = responsesTool({ parameters: { type: 'object', properties: { a: {} } } });
  const [note] = checkText(omitted).problems;
  const fixed = applyFirstFix(omitted, note!);
  assert.match(fixed, /"strict":false/);
  assert.deepEqual(checkText(fixed).problems, []);
});
