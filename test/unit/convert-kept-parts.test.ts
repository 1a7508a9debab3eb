// A chat line whose part is already in the responses form (input_text: a line half converted by
// hand) converts without a decision: the part is kept as it is, and a note says so.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, convertLineToResponses } from '../../server/src/core';
import { ALREADY_RESPONSES } from '../../server/src/core/convert/parts';
import { chat, chatUser } from './builders';

const parts: [string, unknown][] = [
  ['input_text', { type: 'input_text', text: 'x' }],
  ['input_image', { type: 'input_image', image_url: 'https://example.com/a.png' }],
  ['input_file', { type: 'input_file', file_id: 'file-abc' }],
];

for (const [type, part] of parts) {
  test(`a user ${type} part on a chat line is kept as it is, with a note, and no decision`, () => {
    const converted = convertLineToResponses(chatUser([{ type: 'text', text: 'a' }, part]));
    assert.equal(converted.status, 'converted');
    assert.deepEqual(converted.notCarried, []);
    assert.deepEqual(converted.changes, []);
    assert.ok(converted.notes.includes(ALREADY_RESPONSES));
    const input = (JSON.parse(converted.text) as { body: { input: { content: unknown[] }[] } }).body
      .input;
    assert.deepEqual(input[0]!.content[1], part);
    assert.deepEqual(checkText(converted.text).problems, []);
  });
}

test('an assistant output_text part is kept; an input_text part there still needs a decision', () => {
  const assistant = (part: unknown) =>
    chat({
      messages: [
        { role: 'user', content: 'q' },
        { role: 'assistant', content: [part] },
      ],
    });
  const output = convertLineToResponses(assistant({ type: 'output_text', text: 'a' }));
  assert.deepEqual(output.notCarried, []);
  const input = convertLineToResponses(assistant({ type: 'input_text', text: 'a' }));
  assert.equal(input.notCarried.length, 1);
});

test('an unknown part type still needs a decision', () => {
  const converted = convertLineToResponses(chatUser([{ type: 'video', url: 'x' }]));
  assert.equal(converted.notCarried.length, 1);
  assert.match(converted.notCarried[0]!.reason, /unknown content part type/);
});
