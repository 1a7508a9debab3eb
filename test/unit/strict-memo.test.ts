// Each distinct strict schema is checked once (strict/memo.ts): the findings are the check's own,
// a schema is known by its JSON text only where that text tells it apart, and a schema too deep
// to write as JSON is still checked.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkStrictSchema, strictFindingsOf } from '../../server/src/core/strict';
import { checkLine } from '../../server/src/core/line-check';
import { defaultContext } from '../../server/src/core/models/context';
import { ModelCatalogue } from '../../server/src/core/models/catalogue';

const CONTEXT = defaultContext(ModelCatalogue.builtIn().asOf);

const SCHEMAS = [
  '{"type":"object","properties":{"a":{"type":"string"}}}',
  '{"type":"object","properties":{"a":{"type":"string","format":"email"}},"required":["a"],"additionalProperties":false}',
  '{"type":"array"}',
  '{"type":"object","properties":{"a":{"$ref":"#/$defs/x"}},"required":["a"],"additionalProperties":false}',
];

test("a schema seen again gives the check's own findings, computed once", () => {
  for (const text of SCHEMAS) {
    const first = strictFindingsOf(JSON.parse(text));
    const again = strictFindingsOf(JSON.parse(text));
    assert.deepEqual(first, checkStrictSchema(JSON.parse(text)), text);
    assert.equal(again, first, 'the second line reuses the first one’s findings');
    assert.ok(Object.isFrozen(first) && first.every((f) => Object.isFrozen(f)));
  }
});

test('a number JSON.parse takes as Infinity is not confused with null (both write "null")', () => {
  const infinite =
    '{"type":"object","properties":{"a":{"type":1e400}},"additionalProperties":false,"required":["a"]}';
  const nulled = infinite.replace('1e400', 'null');
  assert.equal(JSON.stringify(JSON.parse(infinite)), JSON.stringify(JSON.parse(nulled)));
  const a = strictFindingsOf(JSON.parse(infinite));
  const b = strictFindingsOf(JSON.parse(nulled));
  assert.deepEqual(a, checkStrictSchema(JSON.parse(infinite)));
  assert.deepEqual(b, checkStrictSchema(JSON.parse(nulled)));
  assert.notDeepEqual(
    a.map((f) => f.message),
    b.map((f) => f.message),
  );
});

test('a schema nested deeper than JSON.stringify goes is still checked', () => {
  const depth = 100_000;
  const text = '{"type":"object","properties":{"a":'.repeat(depth) + '{}' + '}}'.repeat(depth);
  const schema: unknown = JSON.parse(text);
  assert.throws(() => JSON.stringify(schema), RangeError);
  assert.deepEqual(strictFindingsOf(schema), checkStrictSchema(schema));
});

test('lines sharing one tool schema each get its findings, placed on their own line', () => {
  const tool = {
    type: 'function',
    function: { name: 'f', strict: true, parameters: JSON.parse(SCHEMAS[0]!) as unknown },
  };
  const line = (id: string): string =>
    JSON.stringify({
      custom_id: id,
      method: 'POST',
      url: '/v1/chat/completions',
      body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], tools: [tool] },
    });
  const first = checkLine(line('a'), CONTEXT).problems;
  const second = checkLine(line('a-much-longer-id'), CONTEXT).problems;
  assert.ok(first.length > 0);
  assert.deepEqual(
    second.map((p) => [p.code, p.message]),
    first.map((p) => [p.code, p.message]),
  );
  // The second line's id is longer: the same findings sit further right.
  const shift = 'a-much-longer-id'.length - 'a'.length;
  assert.deepEqual(
    second.map((p) => p.column),
    first.map((p) => p.column + shift),
  );
});
