// A fix adds envelope keys only to a line that is a request, and never edits inside a
// pretty-printed request it has not joined: one longer than the block search looks (5,000 lines)
// holds message objects on lines of their own, which are pieces of the user's request.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, DocumentChecker } from '../../server/src/core';
import { checkStream } from '../../server/src/core/node';
import { bothFixes } from './both-fixes';
import { MAX_BLOCK_LINES } from '../../server/src/core/syntax/blocks';

/** A chat request with `messages` user messages, pretty-printed two spaces deep. */
function prettyRequest(messages: number): string {
  const body = {
    model: 'gpt-4o-mini',
    messages: Array.from({ length: messages }, (_, i) => ({ role: 'user', content: `m${i}` })),
  };
  const request = { custom_id: 'r1', method: 'POST', url: '/v1/chat/completions', body };
  return `${JSON.stringify(request, null, 2)}\n`;
}

test('a message object on a line of its own gets no method: it is not a request', async () => {
  const input = '{"role":"user","content":"hello"}\n';
  const missing = checkText(input).problems.find((p) => p.message.includes("'method'"));
  assert.ok(missing, 'the missing method is still reported');
  assert.equal(missing.fix, undefined);
  assert.deepEqual(await bothFixes(input), { document: input, stream: input });
});

test('a request line missing only its method still gets it', async () => {
  const input =
    '{"custom_id":"a","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}\n';
  const fixed = await bothFixes(input);
  assert.equal(fixed.document, fixed.stream);
  assert.match(fixed.document, /^\{"method":"POST","custom_id":"a"/);
});

test('a request pretty-printed over more lines than the block search looks: no line of it is edited', async () => {
  const input = prettyRequest(3000);
  const lines = input.split('\n').length - 1;
  assert.ok(lines > MAX_BLOCK_LINES, `${lines} lines`);
  const fixed = await bothFixes(input);
  assert.equal(fixed.document, input, 'the whole-file fix');
  assert.equal(fixed.stream, input, 'the streaming fix');
  // Neither the check of the document nor the stream offers a fix inside it or a block of it.
  const document = new DocumentChecker(input).check().problems;
  const streamed = (await checkStream([Buffer.from(input)])).problems;
  for (const problems of [document, streamed]) {
    assert.equal(problems.filter((p) => p.fix).length, 0);
    assert.equal(problems.filter((p) => p.code === 'multiline_request').length, 0);
  }
});

test('the same request within the bound is still joined', async () => {
  const input = prettyRequest(1000);
  assert.ok(input.split('\n').length - 1 < MAX_BLOCK_LINES);
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  const out = fixed.document.split('\n');
  assert.equal(out.length, 2, 'one line and its ending');
  assert.deepEqual(JSON.parse(out[0]!), JSON.parse(input));
});

test('after an object left open past the bound, request lines are still fixed, pieces are not', async () => {
  const request =
    '{"custom_id":"a","url":"/v1/chat/completions","body":{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}}';
  const piece = '{"role":"user","content":"hello"}';
  const input = `{"custom_id": "open",\n${`${piece}\n`.repeat(MAX_BLOCK_LINES)}${request}\n`;
  const fixed = await bothFixes(input);
  assert.equal(fixed.stream, fixed.document);
  const out = fixed.document.split('\n');
  assert.equal(out.filter((l) => l === piece).length, MAX_BLOCK_LINES, 'pieces as they were');
  assert.match(out[MAX_BLOCK_LINES + 1]!, /^\{"method":"POST","custom_id":"a"/);
});
