// Issue 9: convert is lossless or says so. Each value the conversion drops, adds or changes is a
// line on stderr and makes the exit status 1; values it copies keep their exact spelling.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchlint } from './run';

const line = (body: string): string =>
  `{"custom_id":"a","method":"POST","url":"/v1/chat/completions","body":{"model":"gpt-4o","messages":[{"role":"user","content":"hi"${body.startsWith('!') ? body.slice(1) : ''}}]${body.startsWith('!') ? '' : body}}}\n`;

const convert = (input: string) => batchlint(['convert', '--to', 'responses', '-'], input);

for (const [what, body, report] of [
  ['"n":1', ',"n":1', /line 1: 'n' dropped: 1 \(responses always returns one generation\)/],
  ['"logprobs":false', ',"logprobs":false', /line 1: 'logprobs' dropped: false/],
  ['"temperature":null', ',"temperature":null', /line 1: 'temperature' dropped: null/],
  ['"name":null', '!,"name":null', /line 1: 'messages\[0\]\.name' dropped: null/],
  [
    'a function without parameters or strict',
    ',"tools":[{"type":"function","function":{"name":"f"}}]',
    /'tools\[0\]\.function\.parameters' added: function f: an empty object schema[\s\S]*'tools\[0\]\.function\.strict' added: function f: false/,
  ],
  [
    'a duplicate key',
    ',"model":"gpt-4o-mini"',
    /line 1: 'model' dropped: the key is given more than once in one object; only its last value is kept/,
  ],
] as const) {
  test(`convert reports ${what} on stderr and exits 1`, () => {
    const run = convert(line(body));
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, report);
    assert.match(
      run.stderr,
      /converted 1 line; 0 things need a decision; [1-9]\d* values? dropped, added or changed\n$/,
    );
  });
}

test('convert keeps number literals as written: -0, 1e-400, 1.0, a 64-bit integer', () => {
  const run = convert(
    line(',"temperature":-0,"top_p":1e-400,"metadata":{"k":"v"},"x_n":[1.0,18446744073709551615]'),
  );
  assert.match(run.stdout, /"temperature":-0,"top_p":1e-400,/);
  assert.match(run.stdout, /"x_n":\[1\.0,18446744073709551615\]/);
});

test('a marker-like string next to a big integer stays that string; the line stays JSON', () => {
  const run = convert(
    line(',"seed":123456789012345678901,"x_s":"\\u0000batchlint\\u002dnumber:7"'),
  );
  const body = JSON.parse(run.stdout).body;
  assert.equal(body.x_s, '\u0000batchlint-number:7');
  assert.match(run.stdout, /"seed":123456789012345678901,/);
});

test('__proto__ keys are kept, and reported as kept', () => {
  const run = convert(line(',"__proto__":{"a":1},"metadata":{"__proto__":"x"}'));
  assert.equal(run.status, 1);
  assert.match(run.stdout, /"__proto__":\{"a":1\}/);
  assert.match(run.stdout, /"metadata":\{"__proto__":"x"\}/);
  assert.match(run.stderr, /'__proto__' not a chat completions parameter; kept as it was/);
});

test('a lossless line still converts with exit 0 and no report', () => {
  const run = convert(line(',"temperature":0.5'));
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /converted 1 line; 0 things need a decision\n$/);
});
