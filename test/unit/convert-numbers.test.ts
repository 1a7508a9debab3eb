// What the converter does not convert leaves it character for character: every number literal
// (64-bit integers, -0, 1e-400, 1e400, 1.0), keys of any name (__proto__ too), strings that look
// like anything at all. No marker is ever written into the user's strings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertLineToResponses } from '../../server/src/core/convert';
import { readExact, writeExact } from '../../server/src/core/convert/exact-json';

const chatLine = (extra: string): string =>
  `{"custom_id":"n","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"hi"}]${extra}}}`;

test('64-bit integers, huge exponents and negative big integers are copied verbatim', () => {
  const result = convertLineToResponses(
    chatLine(',"seed":18446744073709551615,"x_big":[-9007199254740993,1e400],"top_p":1.0'),
  );
  assert.equal(result.status, 'converted');
  assert.match(result.text, /"seed":18446744073709551615[,}]/);
  assert.match(result.text, /"x_big":\[-9007199254740993,1e400\]/);
  assert.match(result.text, /"top_p":1\.0[,}]/);
  assert.deepEqual(
    result.notCarried.map((n) => n.param),
    ['seed', 'x_big'],
  );
});

test('-0, 1e-400, 1E2 and 0.10 keep their spelling', () => {
  const result = convertLineToResponses(
    chatLine(',"temperature":-0,"top_p":1e-400,"metadata":{"a":"x"},"x":[1E2,0.10,-0.0]'),
  );
  assert.match(result.text, /"temperature":-0,"top_p":1e-400,/);
  assert.match(result.text, /"x":\[1E2,0\.10,-0\.0\]/);
});

test('a string that looks like a marker stays a string next to a big integer', () => {
  const line = chatLine(
    ',"seed":123456789012345678901,"x_s":"\\u0000batchlint\\u002dnumber:0","x_t":"\\u0000batchlint-number:0"',
  );
  const result = convertLineToResponses(line);
  assert.equal(result.status, 'converted');
  const body = JSON.parse(result.text).body;
  assert.equal(body.x_s, '\u0000batchlint-number:0');
  assert.equal(body.x_t, '\u0000batchlint-number:0');
  assert.match(result.text, /"seed":123456789012345678901[,}]/);
});

test('__proto__ and other odd keys are kept, where they were', () => {
  const line = chatLine(
    ',"__proto__":{"polluted":1},"constructor":2,"":3,"metadata":{"__proto__":"x","toString":"y"}',
  );
  const result = convertLineToResponses(line);
  const body = JSON.parse(result.text).body;
  assert.deepEqual(Object.keys(body).slice(2), ['__proto__', 'constructor', '', 'metadata']);
  assert.deepEqual(body['__proto__'], { polluted: 1 });
  assert.deepEqual(body.metadata, JSON.parse('{"__proto__":"x","toString":"y"}'));
  assert.ok(
    result.notCarried.some((n) => n.param === '__proto__'),
    'reported as kept, and really kept',
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('readExact and writeExact give back a compact line byte for byte', () => {
  for (const text of [
    '{"a":-0,"b":[1e400,1.0,"\\ud800"],"c":{"__proto__":null},"d":"x"}',
    '[0,-1,1.5e+300,123456789012345678901234567890,1E-7]',
    '"plain"',
  ]) {
    assert.equal(writeExact(readExact(text).value), text);
  }
});

test('duplicate keys are reported with their place; the last value is the one kept', () => {
  const read = readExact('{"body":{"model":"gpt-4o","model":"gpt-4o-mini"},"x":[{"k":1,"k":2}]}');
  assert.deepEqual(read.duplicates, [
    { path: ['body'], key: 'model' },
    { path: ['x', 0], key: 'k' },
  ]);
  assert.equal(writeExact(read.value), '{"body":{"model":"gpt-4o-mini"},"x":[{"k":2}]}');
});
