// Number literals JavaScript cannot hold exactly must leave the converter character for character.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertLineToResponses } from '../../server/src/core/convert';
import { protectNumbers } from '../../server/src/core/convert/numbers';

const chatLine = (extra: string): string =>
  `{"custom_id":"n","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"hi"}]${extra}}}`;

test('64-bit integers, huge exponents and negative big integers are copied verbatim', () => {
  const result = convertLineToResponses(
    chatLine(',"seed":18446744073709551615,"x_big":[-9007199254740993,1e400],"top_p":1.0'),
  );
  assert.equal(result.status, 'converted');
  assert.match(result.text, /"seed":18446744073709551615[,}]/);
  assert.match(result.text, /"x_big":\[-9007199254740993,1e400\]/);
  assert.match(result.text, /"top_p":1[,}]/); // same value, shortest spelling
  assert.deepEqual(
    result.notCarried.map((n) => n.param),
    ['seed', 'x_big'],
  );
});

test('safe numbers are left alone and text inside strings is never touched', () => {
  const line = '{"a":"12345678901234567890 \\" 1e400","b":9007199254740991,"c":-0.5e-3}';
  const protectedLine = protectNumbers(line);
  assert.equal(protectedLine.text, line);
  const withBig = '{"a":"1e400","b":1e400}';
  const swapped = protectNumbers(withBig);
  assert.notEqual(swapped.text, withBig);
  assert.ok(swapped.text.startsWith('{"a":"1e400","b":"'));
  assert.equal(swapped.restore(JSON.stringify(JSON.parse(swapped.text))), withBig);
});

test('a line that already contains the marker text is not rewritten', () => {
  const line = '{"a":"\\u0000batchlint-number:0","b":1e400}';
  assert.equal(protectNumbers(line).text, line);
});
