// How a key move marked safe is confirmed: the moves are made on a copy of the request, the copy
// is checked again, and a move at or above whose new place a new error or warning appears is no
// longer safe. The check is stood in for here, so each rule is seen on its own, and the number
// of checks is counted.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmRepairs } from '../../server/src/core/fixes/confirm';
import type { Finding, FixRef, JsonPath } from '../../server/src/core';

type Body = Record<string, unknown>;

const unknown = (path: JsonPath, fix: FixRef): Finding => ({
  code: 'unknown_parameter',
  severity: 'error',
  message: `Unknown parameter: '${String(path[path.length - 1])}'.`,
  path,
  anchor: 'key',
  fix,
});

/** An unknown key with a safe rename to `to`, as the schema phrasing gives it. */
const misspelt = (key: string, to: string): Finding =>
  unknown(['body', key], {
    id: 'remove-key',
    path: ['body', key],
    repair: { id: 'rename-key', path: ['body', key], to, safe: true },
  });

const problem = (code: Finding['code'], path: JsonPath, severity: Finding['severity'] = 'error') =>
  ({ code, severity, message: code, path, anchor: 'value' }) as Finding;

/** Whether each finding's move is still safe, in order (undefined: it has none). */
function safeties(findings: Finding[]): (boolean | undefined)[] {
  return findings.map((f) => {
    if (f.fix?.id === 'remove-key') return f.fix.repair?.safe;
    return f.fix && 'safe' in f.fix ? f.fix.safe : undefined;
  });
}

/** confirmRepairs with a check that answers `after(copy)`, counting the checks and keeping the copies. */
function confirm(request: Body, findings: Finding[], after: (copy: Body) => Finding[]) {
  const copies: Body[] = [];
  const result = confirmRepairs(request, findings, (copy) => {
    copies.push(copy);
    return after(copy);
  });
  return { safe: safeties(result), copies, result };
}

const REQUEST = { custom_id: 'a', body: { model: 'm', temprature: 0.5 } };

test('a move that adds no problem stays safe, after one check of the moved copy', () => {
  const { safe, copies } = confirm(REQUEST, [misspelt('temprature', 'temperature')], () => []);
  assert.deepEqual(safe, [true]);
  assert.deepEqual(copies, [{ custom_id: 'a', body: { model: 'm', temperature: 0.5 } }]);
  assert.deepEqual(REQUEST.body, { model: 'm', temprature: 0.5 }, 'the request is not changed');
});

test('findings without a safe move are returned as they are, with no check', () => {
  const findings = [problem('invalid_type', ['body', 'model'])];
  const { result, copies } = confirm(REQUEST, findings, () => []);
  assert.equal(result, findings);
  assert.equal(copies.length, 0);
});

// [what the check of the moved copy says, whether the rename stays safe]
const AFTER: [string, Finding[], boolean][] = [
  [
    'a new error at the new place',
    [problem('decimal_above_max_value', ['body', 'temperature'])],
    false,
  ],
  [
    'a new warning at the new place',
    [problem('unsupported_value', ['body', 'temperature'], 'warning')],
    false,
  ],
  [
    'a new error on the object that holds it',
    [problem('missing_required_parameter', ['body'])],
    false,
  ],
  ['a new error elsewhere in the request', [problem('invalid_type', ['custom_id'])], false],
  ['a new note only', [problem('unsupported_value', ['body', 'temperature'], 'info')], true],
  [
    'a new error deeper inside the moved value',
    [problem('invalid_type', ['body', 'temperature', 'x'])],
    true,
  ],
  ['the error the request had, still there', [problem('invalid_type', ['body', 'model'])], true],
];

for (const [what, after, stays] of AFTER) {
  test(`the moved copy has ${what}: the move ${stays ? 'stays safe' : 'is no longer safe'}`, () => {
    const findings = [
      problem('invalid_type', ['body', 'model']),
      misspelt('temprature', 'temperature'),
    ];
    assert.deepEqual(confirm(REQUEST, findings, () => after).safe, [undefined, stays]);
  });
}

test('a problem that moves with its key is the same problem', () => {
  const request = { body: { maxTokens: 10 ** 9 } };
  const findings = [
    misspelt('maxTokens', 'max_tokens'),
    problem('integer_above_max_value', ['body', 'maxTokens']),
  ];
  const after = () => [problem('integer_above_max_value', ['body', 'max_tokens'])];
  assert.deepEqual(confirm(request, findings, after).safe, [true, undefined]);
});

test('two moves to one place: neither is safe, and nothing is checked', () => {
  const request = { body: { Temperature: 0.5, temprature: 0.7 } };
  const findings = [misspelt('Temperature', 'temperature'), misspelt('temprature', 'temperature')];
  const { safe, copies } = confirm(request, findings, () => []);
  assert.deepEqual(safe, [false, false]);
  assert.equal(copies.length, 0);
});

test('only the move to blame loses safe; the others are checked again without it', () => {
  const request = { body: { temprature: 5, maxTokens: 10 } };
  const findings = [misspelt('temprature', 'temperature'), misspelt('maxTokens', 'max_tokens')];
  const { safe, copies } = confirm(request, findings, (copy) =>
    (copy.body as Body).temperature === 5
      ? [problem('decimal_above_max_value', ['body', 'temperature'])]
      : [],
  );
  assert.deepEqual(safe, [false, true]);
  assert.deepEqual(copies, [
    { body: { temperature: 5, max_tokens: 10 } },
    { body: { temprature: 5, max_tokens: 10 } },
  ]);
});

test('a key moved into an object that is there, and one moved into a new one', () => {
  const request = { body: { audio: { voice: 'alloy' }, format: 'wav', effort: 'low' } };
  const findings = [
    unknown(['body', 'format'], {
      id: 'remove-key',
      path: ['body', 'format'],
      repair: { id: 'nest-keys', path: ['body'], into: 'audio', keys: ['format'], safe: true },
    }),
    unknown(['body', 'effort'], {
      id: 'move-param',
      path: ['body', 'effort'],
      to: 'reasoning.effort',
    }),
  ];
  const { safe, copies } = confirm(request, findings, () => []);
  assert.deepEqual(safe, [true, undefined], 'a move-param is safe unless it says otherwise');
  assert.deepEqual(copies, [
    { body: { audio: { voice: 'alloy', format: 'wav' }, reasoning: { effort: 'low' } } },
  ]);
});

test('a key named __proto__ is moved as a key, not as a prototype', () => {
  const request = JSON.parse('{"body":{"__proto__":{"x":1}}}') as Body;
  const findings = [misspelt('__proto__', 'metadata')];
  const { copies } = confirm(request, findings, () => []);
  const body = copies[0]!.body as Body;
  assert.deepEqual(Object.keys(body), ['metadata']);
  assert.equal(Object.getPrototypeOf(body), Object.prototype);
});

test('10,000 parts, each with a key to move: one check of the moved copy for them all', () => {
  const parts = Array.from({ length: 10_000 }, () => ({ type: 'image_url', url: 'u' }));
  const request = { body: { messages: [{ role: 'user', content: parts }] } };
  const findings = parts.map((_, i) => {
    const path = ['body', 'messages', 0, 'content', i];
    return unknown([...path, 'url'], {
      id: 'nest-keys',
      path,
      into: 'image_url',
      keys: ['url'],
      safe: true,
    });
  });
  const { safe, copies } = confirm(request, findings, () => []);
  assert.equal(copies.length, 1);
  assert.ok(safe.every((s) => s === true));
  const content = ((copies[0]!.body as Body).messages as Body[])[0]!.content as Body[];
  assert.deepEqual(content[9_999], { type: 'image_url', image_url: { url: 'u' } });
  assert.deepEqual(parts[0], { type: 'image_url', url: 'u' }, 'the request is not changed');
});
