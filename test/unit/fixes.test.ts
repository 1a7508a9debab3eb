// Every fix, applied, makes its problem go away, touches only its own lines and keeps every
// field it does not understand.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, fixesFor, applyEdits, splitLines } from '../../server/src/core';
import type { DialectId, Problem } from '../../server/src/core';
import { chat, chatUser, line, responses, PNG_1PX, JPEG_HEAD } from './builders';

interface Case {
  name: string;
  text: string;
  code: string;
  /** The fix's expected effect on the line (a substring of the fixed text). */
  expect: string | RegExp;
  /** Values of the original line the fix replaces or removes on purpose; every other survives. */
  replaces?: unknown[];
  /** The file's dialect, when the line alone would be read in another one. */
  dialect?: DialectId;
}

const image = `data:image/png;base64,${PNG_1PX}`;
const cases: Case[] = [
  {
    name: 'chat input_text part → text',
    text: chatUser([{ type: 'input_text', text: 'hi', x_note: 1 }]),
    code: 'invalid_value',
    expect: '{"type":"text","text":"hi","x_note":1}',
    replaces: ['input_text'],
  },
  {
    name: 'chat input_image part with url → image_url object',
    text: chatUser([{ type: 'input_image', url: image, detail: 'low' }]),
    code: 'invalid_value',
    expect: `{"type":"image_url","image_url":{"url":"${image}","detail":"low"}}`,
    replaces: ['input_image'],
  },
  {
    name: 'chat image_url given as a string → wrapped',
    text: chatUser([{ type: 'image_url', image_url: image }]),
    code: 'invalid_type',
    expect: `{"type":"image_url","image_url":{"url":"${image}"}}`,
  },
  {
    name: 'responses messages → input',
    text: responses({ messages: [{ role: 'user', content: 'hi' }], temperature: 0.2 }),
    code: 'unsupported_parameter',
    expect: '"input":[{"role":"user","content":"hi"}],"temperature":0.2',
  },
  {
    name: 'responses input_image with url → image_url string',
    text: responses({
      input: [{ role: 'user', content: [{ type: 'input_image', url: 'https://x.test/a.png' }] }],
    }),
    code: 'unknown_parameter',
    expect: '{"type":"input_image","image_url":"https://x.test/a.png"}',
  },
  {
    name: 'responses input_image with image_url {url} → string',
    text: responses({
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_image', image_url: { url: 'https://x.test/a.png' }, detail: 'high' },
          ],
        },
      ],
    }),
    code: 'invalid_type',
    expect: '"image_url":"https://x.test/a.png","detail":"high"',
  },
  {
    name: 'responses chat-style text part → input_text',
    text: responses({ input: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] }),
    code: 'invalid_value',
    expect: '{"type":"input_text","text":"hi"}',
    replaces: ['text'],
  },
  {
    name: 'method GET → POST',
    text: chatUser('hi').replace('"POST"', '"GET"'),
    code: 'invalid_value',
    expect: '"method":"POST"',
    replaces: ['GET'],
  },
  {
    name: 'missing method is added',
    text: chatUser('hi').replace('"method":"POST",', ''),
    code: 'missing_required_parameter',
    expect: '{"method":"POST","custom_id"',
  },
  {
    name: 'url without /v1 → the endpoint, in an OpenAI file',
    dialect: 'openai',
    text: chatUser('hi').replace('/v1/chat/completions', '/chat/completions'),
    code: 'invalid_value',
    expect: '"url":"/v1/chat/completions"',
    replaces: ['/chat/completions'],
  },
  {
    name: 'stream: true is removed',
    text: chat({ messages: [{ role: 'user', content: 'hi' }], stream: true }),
    code: 'streaming_unsupported',
    expect: /"content":"hi"\}\]\}\}$/,
    replaces: [true],
  },
  {
    name: 'unknown top-level key is removed',
    text: line(
      '/v1/chat/completions',
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] },
      { note: 'x' },
    ),
    code: 'unknown_parameter',
    expect: /"content":"hi"\}\]\}\}$/,
    replaces: ['x'],
  },
  {
    name: 'data URL type that does not match the bytes',
    text: chatUser([
      { type: 'image_url', image_url: { url: `data:image/png;base64,${JPEG_HEAD}` } },
    ]),
    code: 'image_type_mismatch',
    expect: '"url":"data:image/jpeg;base64,',
    replaces: [`data:image/png;base64,${JPEG_HEAD}`],
  },
  {
    name: 'typographic quotes straightened',
    text: '{“custom_id”: “req-1”, “method”: “POST”, “url”: “/v1/chat/completions”, “body”: {“model”: “gpt-4o”, “messages”: [{“role”: “user”, “content”: “it’s fine”}]}}',
    code: 'invalid_json_line',
    expect:
      '{"custom_id": "req-1", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o", "messages": [{"role": "user", "content": "it’s fine"}]}}',
  },
  {
    name: 'Python literals and trailing comma',
    text: `{'custom_id': 'a', 'method': 'POST', 'url': '/v1/chat/completions', 'body': {'model': 'gpt-4o', 'messages': [{'role': 'user', 'content': "it's"}], 'store': True, 'metadata': None,},}`,
    code: 'invalid_json_line',
    expect: `{"custom_id": "a", "method": "POST", "url": "/v1/chat/completions", "body": {"model": "gpt-4o", "messages": [{"role": "user", "content": "it's"}], "store": true, "metadata": null}}`,
  },
  {
    name: 'a value below its minimum is set to the minimum',
    text: responses({ input: 'hi', max_output_tokens: 10 }),
    code: 'integer_below_min_value',
    expect: '"max_output_tokens":16',
    replaces: [10],
  },
  {
    name: 'reasoning model max_tokens → max_completion_tokens',
    text: chat({ model: 'o3-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 100 }),
    code: 'unsupported_parameter',
    expect: '"max_completion_tokens":100',
  },
];

function firstFixable(text: string, code: string, dialect?: DialectId): Problem {
  const problem = checkText(text, dialect ? { dialect } : {}).problems.find(
    (p) => p.code === code && p.fix,
  );
  assert.ok(problem, `expected a fixable ${code} in ${text}`);
  return problem;
}

for (const c of cases) {
  test(`fix: ${c.name}`, () => {
    const problem = firstFixable(c.text, c.code, c.dialect);
    const lines = splitLines(c.text).lines;
    const [fix] = fixesFor(problem, (n) => lines[n] ?? '');
    assert.ok(fix, 'a fix is offered');
    assert.ok(fix.title.length > 0);
    for (const edit of fix.edits)
      assert.ok(edit.line >= problem.line && edit.endLine <= problem.endLine);
    const fixed = applyEdits(lines, fix.edits).join('\n');
    if (typeof c.expect === 'string') assert.ok(fixed.includes(c.expect), fixed);
    else assert.match(fixed, c.expect);
    const after = checkText(fixed).problems;
    const same = after.filter(
      (p) => p.code === problem.code && p.param === problem.param && p.message === problem.message,
    );
    assert.deepEqual(same, [], `the problem is gone: ${fixed}`);
    assert.equal(
      after.filter((p) => p.code === 'invalid_json_line').length,
      0,
      'still one valid JSON line',
    );
    // Nothing the fix does not understand is dropped: every value of the line survives, but
    // those the fix replaces on purpose.
    const before = tryParse(c.text);
    if (before) {
      const left = leaves(tryParse(fixed));
      const expected = leaves(before);
      for (const value of c.replaces ?? []) take(expected, JSON.stringify(value));
      for (const [value, count] of expected) {
        assert.ok((left.get(value) ?? 0) >= count, `${value} survives the fix`);
      }
    }
  });
}

test('a pretty-printed request is joined into one line, and the next line is untouched', () => {
  const next = chatUser('b', 'b');
  const text = [
    '{',
    '  "custom_id": "a",',
    '  "method": "POST",',
    '  "url": "/v1/chat/completions",',
    '  "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "x"}]}',
    '}',
    next,
  ].join('\n');
  const problem = firstFixable(text, 'multiline_request');
  assert.deepEqual([problem.line, problem.endLine], [0, 5]);
  const lines = splitLines(text).lines;
  const fixed = applyEdits(lines, fixesFor(problem, (n) => lines[n]!)[0]!.edits);
  assert.equal(fixed.length, 2);
  assert.equal(fixed[1], next);
  assert.deepEqual(JSON.parse(fixed[0]!), JSON.parse(lines.slice(0, 6).join('')));
  assert.equal(checkText(fixed.join('\n')).summary.errors, 0);
});

test('a blank line is removed without touching its neighbours', () => {
  const lines = [chatUser('a', 'a'), '', chatUser('b', 'b')];
  const problem = firstFixable(lines.join('\n'), 'blank_line');
  const fixed = applyEdits(lines, fixesFor(problem, (n) => lines[n] ?? '')[0]!.edits);
  assert.deepEqual(fixed, [lines[0], lines[2]]);
});

test('a duplicate custom_id is offered a fresh id, but not as a safe fix', () => {
  const lines = [chatUser('a', 'x'), chatUser('b', 'x')];
  const problem = firstFixable(lines.join('\n'), 'duplicate_custom_id');
  const [fix] = fixesFor(problem, (n) => lines[n]!);
  assert.equal(fix?.safe, false);
  assert.equal(checkText(applyEdits(lines, fix!.edits).join('\n')).summary.errors, 0);
});

/**
 * Every primitive value in a JSON value, with how often it occurs. Keys are left out: renaming
 * them (messages → input, url → image_url) is what several fixes are for.
 */
function leaves(value: unknown, counts = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(value)) for (const item of value) leaves(item, counts);
  else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) leaves(item, counts);
  } else {
    const key = JSON.stringify(value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function take(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) - 1);
}

function tryParse(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
