// User text quoted in a message is bounded: a 200,000-character model name on line 1 was quoted
// in full by every other line's model_mismatch (1,000 lines: a 200 MB report). Bounded by the
// size of each message, never by the clock.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { elide, QUOTE_MAX } from '../../server/src/core/words';
import { chat, chatUser, line } from './builders';

const LONG = 'm'.repeat(200_000);
/** The API's own words around a quoted value stay under this; the value adds at most QUOTE_MAX. */
const WORDS = 400;

test('elide keeps short text, and cuts long text to QUOTE_MAX characters around an ellipsis', () => {
  assert.equal(elide('gpt-4o-mini'), 'gpt-4o-mini');
  assert.equal(elide('x'.repeat(QUOTE_MAX)), 'x'.repeat(QUOTE_MAX));
  const cut = elide(`head${'x'.repeat(1000)}tail`);
  assert.equal(cut.length, QUOTE_MAX);
  assert.ok(cut.startsWith('head') && cut.endsWith('tail') && cut.includes('…'));
  for (let n = QUOTE_MAX; n < QUOTE_MAX + 4; n++) {
    // No surrogate pair is split, wherever the cut falls.
    const out = elide('😀'.repeat(n));
    assert.ok(out.length <= QUOTE_MAX + 1);
    assert.doesNotMatch(
      out,
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  }
});

test('a 200,000-character model on line 1: no message of the other 100 lines quotes it whole', () => {
  const lines = [chat({ model: LONG, messages: [{ role: 'user', content: 'hi' }] }, 'r0')];
  for (let i = 1; i <= 100; i++) lines.push(chatUser('hi', `r${i}`));
  const { problems } = checkText(lines.join('\n'));
  assert.equal(problems.filter((p) => p.code === 'model_mismatch').length, 100);
  for (const p of problems)
    assert.ok(p.message.length <= WORDS + 2 * QUOTE_MAX, p.message.slice(0, 200));
});

/** Lines where user text of 200,000 characters lands in a message of some rule. */
const quoting: [string, string][] = [
  ['an unknown model', chat({ model: LONG, messages: [{ role: 'user', content: 'hi' }] })],
  ['an unknown envelope key', line('/v1/chat/completions', {}, { [LONG]: 1 })],
  ['an unknown body key', chat({ messages: [{ role: 'user', content: 'hi' }], [LONG]: 1 })],
  ['a wrong enum value', chat({ messages: [{ role: LONG, content: 'hi' }] })],
  ['a url', line(`/v1/${LONG}`, { model: 'gpt-4o-mini' })],
  [
    'a tool_choice name',
    chat({
      messages: [{ role: 'user', content: 'hi' }],
      tool_choice: { type: 'function', function: { name: LONG } },
      tools: [{ type: 'function', function: { name: 'f' } }],
    }),
  ],
  [
    'an image MIME type',
    chatUser([{ type: 'image_url', image_url: { url: `data:image/${LONG};base64,AAAA` } }]),
  ],
  [
    'a duplicate key',
    `{"custom_id":"a","${LONG}":1,"${LONG}":2,"method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}`,
  ],
  [
    'a reasoning effort',
    line('/v1/chat/completions', {
      model: 'o3-mini',
      reasoning_effort: LONG,
      messages: [{ role: 'user', content: 'hi' }],
    }),
  ],
  ['a placeholder-looking content', chatUser(`{{${'x'.repeat(50_000)}}}`)],
];

for (const [what, text] of quoting) {
  test(`${what} of 200,000 characters is quoted in at most ${QUOTE_MAX} characters`, () => {
    // A duplicate custom_id quotes the id of both lines too.
    const { problems } = checkText(`${text}\n${text}`);
    assert.ok(problems.length > 0);
    for (const p of problems) {
      assert.ok(p.message.length <= WORDS + 2 * QUOTE_MAX, `${p.code}: ${p.message.slice(0, 200)}`);
    }
  });
}

test('a duplicate custom_id of 200,000 characters is quoted in at most 100 characters', () => {
  const text = chatUser('hi', LONG);
  const { problems } = checkText(`${text}\n${text}`);
  const duplicate = problems.find((p) => p.code === 'duplicate_custom_id');
  assert.ok(duplicate);
  assert.ok(duplicate.message.length <= WORDS + QUOTE_MAX, duplicate.message.slice(0, 200));
});
