// Hover and completion as pure functions of a line's text and a column, without a server.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionsAt, hoverAt } from '../../server/src/core';

const CHAT =
  '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"Hi"}],"max_tokens":5}}';

/** The column just inside `needle` (on its first character after the quote). */
const at = (text: string, needle: string): number => text.indexOf(needle) + 1;

describe('hoverAt', () => {
  it('a body key: its parameter, endpoint, description and the span of the key', () => {
    const hover = hoverAt(CHAT, at(CHAT, '"messages"'));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*messages\*\* — `\/v1\/chat\/completions`/);
    assert.equal(CHAT.slice(hover.start, hover.end), '"messages"');
  });

  it('a deprecated parameter says so first, with what to use instead', () => {
    const hover = hoverAt(CHAT, at(CHAT, '"max_tokens"'));
    assert.ok(hover);
    const [, second] = hover.markdown.split('\n\n');
    assert.match(second!, /^\*\*Deprecated\.\*\*.*max_completion_tokens/);
  });

  it('an unknown key: what the endpoint accepts there', () => {
    const line = CHAT.replace('"messages"', '"mesages"');
    const hover = hoverAt(line, at(line, '"mesages"'));
    assert.ok(hover);
    assert.match(hover.markdown, /does not accept `mesages` here\. It accepts: .*`messages`/);
  });

  it('a key named like a member of every JS object (constructor, toString): unknown too', () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      const line = CHAT.replace('"max_tokens"', `"${key}"`);
      const hover = hoverAt(line, at(line, `"${key}"`));
      assert.ok(hover, key);
      assert.match(hover.markdown, new RegExp(`does not accept \`${key}\` here\\. It accepts: `));
    }
  });

  it("the model value: the model table's facts, over the value's span", () => {
    const hover = hoverAt(CHAT, at(CHAT, '"gpt-4o"'));
    assert.ok(hover);
    assert.match(hover.markdown, /^\*\*gpt-4o\*\* — model table/);
    assert.match(hover.markdown, /Context window: [\d,]+ tokens/);
    assert.equal(CHAT.slice(hover.start, hover.end), '"gpt-4o"');
  });

  it('nothing on another value, outside an object line, or past the end', () => {
    assert.equal(hoverAt(CHAT, at(CHAT, '"Hi"')), undefined);
    assert.equal(hoverAt('not json', 2), undefined);
    assert.equal(hoverAt(CHAT, CHAT.length + 10), undefined);
  });
});

describe('completionsAt', () => {
  const open =
    '{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[],"user":"u","reasoning_effort":"","';

  it("keys of the line's endpoint, minus those present; a new key gets its colon", () => {
    const found = completionsAt(open, open.length);
    assert.ok(found);
    const labels = found.entries.map((e) => e.label);
    assert.ok(labels.includes('temperature'), labels.join(','));
    assert.ok(!labels.includes('model'), 'a key already present is not offered');
    assert.ok(!labels.includes('input'), 'a /v1/responses key is not offered for chat');
    const temperature = found.entries.find((e) => e.label === 'temperature')!;
    assert.equal(temperature.kind, 'property');
    // The cursor is inside the quote being typed: the whole string is replaced.
    assert.equal(open.slice(found.start, found.end), '"');
    assert.equal(temperature.insertText, '"temperature": ');
    assert.equal(temperature.snippet, '"temperature": ${1:1}');
  });

  it('deprecated keys are marked, with the note first', () => {
    const line = open.replace('"user":"u",', '');
    const found = completionsAt(line, line.length);
    const user = found?.entries.find((e) => e.label === 'user');
    assert.ok(user);
    assert.equal(user.deprecated, true);
    assert.match(user.documentation ?? '', /^\*\*Deprecated\.\*\*/);
  });

  it('the values of an enum, replacing the string being typed', () => {
    const column = open.indexOf('"reasoning_effort":"') + '"reasoning_effort":"'.length;
    const found = completionsAt(open, column);
    assert.ok(found);
    const low = found.entries.find((e) => e.label === '"low"');
    assert.ok(low, found.entries.map((e) => e.label).join(','));
    assert.equal(low.kind, 'value');
    assert.equal(open.slice(found.start, found.end), '""');
  });

  it('nothing outside an object line', () => {
    assert.equal(completionsAt('[1, 2', 3), undefined);
  });
});
