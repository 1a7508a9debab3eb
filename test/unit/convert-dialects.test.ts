// `convert --to anthropic` and `--to gemini`: every chat completions parameter either maps or is
// reported. For every parameter the chat schema declares (and values of every shape it allows),
// what the conversion reports as staying for a decision is exactly what the target dialect's
// check flags on the converted line; the valid chat corpus converts with the same agreement;
// a few golden conversions pin the mapping itself.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkText, convertLineToDialect } from '../../server/src/core';
import type { DialectTarget } from '../../server/src/core';
import { CHAT, samples } from './chat-samples';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const TARGETS: DialectTarget[] = ['anthropic', 'gemini'];

/** The top-level key a param (`messages[0].content`) or a body path starts with. */
function topKey(param: string): string {
  return /^[^.[]*/.exec(param)![0];
}

/** What the target's check flags on a converted line, by top-level body key. */
function flagged(lineText: string, to: DialectTarget): { keys: Set<string>; problems: string[] } {
  const problems = checkText(lineText, { dialect: to }).problems;
  return {
    keys: new Set(problems.map((p) => topKey(p.param ?? ''))),
    problems: problems.map((p) => `${p.code} ${p.param}: ${p.message}`),
  };
}

/** What a conversion left for a decision, by top-level body key. */
function decided(notCarried: { path: readonly (string | number)[] }[]): Set<string> {
  return new Set(notCarried.map((n) => topKey(String(n.path[1] ?? n.path[0] ?? ''))));
}

const BASE = { model: 'some-model', messages: [{ role: 'user', content: 'Answer in json.' }] };
const WITH_TOOLS: Record<string, unknown> = {
  tool_choice: [{ type: 'function', function: { name: 'f' } }],
  parallel_tool_calls: [{ type: 'function', function: { name: 'f' } }],
};

for (const to of TARGETS) {
  test(`convert --to ${to} and the ${to} check agree on every chat completions parameter`, () => {
    let compared = 0;
    let decisions = 0;
    const seen = new Set<string>();
    for (const param of Object.keys(CHAT.properties!)) {
      for (const value of samples(CHAT.properties![param]!, param)) {
        const tools = WITH_TOOLS[param];
        const body = { ...BASE, ...(tools ? { tools } : {}), [param]: value };
        const line = JSON.stringify({
          custom_id: 'r1',
          method: 'POST',
          url: '/v1/chat/completions',
          body,
        });
        if (checkText(line, { dialect: 'openai' }).problems.some((p) => p.severity !== 'info'))
          continue;
        const converted = convertLineToDialect(line, to);
        assert.equal(converted.status, 'converted', line);
        const left = decided(converted.notCarried);
        const after = flagged(converted.text, to);
        assert.deepEqual(
          [...after.keys].sort(),
          [...left].sort(),
          `${line}\n→ ${converted.text}\nconvert reports: ${JSON.stringify(converted.notCarried)}\ncheck flags: ${after.problems.join('\n')}`,
        );
        compared++;
        decisions += left.size;
        seen.add(param);
      }
    }
    assert.ok(seen.size >= 30, `only ${seen.size} parameters reached the comparison`);
    assert.ok(decisions >= 20 && compared >= 60, `${decisions} decisions in ${compared} lines`);
  });

  test(`the valid chat corpus converts --to ${to} with what is left reported and flagged alike`, () => {
    const lines = readFileSync(
      path.join(ROOT, 'test/fixtures/valid/chat-completions.jsonl'),
      'utf8',
    )
      .split('\n')
      .filter((l) => l.trim() !== '');
    let clean = 0;
    for (const line of lines) {
      const converted = convertLineToDialect(line, to);
      assert.equal(converted.status, 'converted', line);
      const left = decided(converted.notCarried);
      const after = flagged(converted.text, to);
      assert.deepEqual(
        [...after.keys].sort(),
        [...left].sort(),
        `${line}\n→ ${converted.text}\n${after.problems.join('\n')}`,
      );
      // Anthropic requires max_tokens, which most chat lines leave out, and runs Claude models,
      // which an OpenAI corpus does not name: those alone are decisions.
      const open = [...left].filter(
        (k) => !(to === 'anthropic' && (k === 'max_tokens' || k === 'model')),
      );
      if (open.length === 0) clean++;
    }
    assert.ok(clean >= 5, `${clean} lines converted with nothing to decide`);
  });
}

const CHAT_LINE = {
  custom_id: 'r1',
  method: 'POST',
  url: '/v1/chat/completions',
  body: {
    model: 'gpt-4o',
    messages: [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'look', arguments: '{"q":"x"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: 'a cat' },
    ],
    max_completion_tokens: 100,
    temperature: 0.5,
    stop: 'END',
    tools: [
      {
        type: 'function',
        function: { name: 'look', description: 'Look it up', parameters: { type: 'object' } },
      },
    ],
    tool_choice: 'required',
  },
};

test('golden: a chat line as an Anthropic request', () => {
  const converted = convertLineToDialect(JSON.stringify(CHAT_LINE), 'anthropic');
  // The model is OpenAI's: Anthropic runs Claude models, so it is the one decision left.
  assert.deepEqual(converted.notCarried, [
    {
      param: 'model',
      path: ['params', 'model'],
      reason: 'stays as it was: Anthropic runs Claude models, name one',
    },
  ]);
  assert.deepEqual(converted.changes, []);
  assert.deepEqual(JSON.parse(converted.text), {
    custom_id: 'r1',
    params: {
      model: 'gpt-4o',
      max_tokens: 100,
      system: 'Be brief.',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            {
              type: 'image',
              source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
            },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'c1', name: 'look', input: { q: 'x' } }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c1', content: 'a cat' }] },
      ],
      temperature: 0.5,
      stop_sequences: ['END'],
      tools: [{ name: 'look', description: 'Look it up', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any' },
    },
  });
  // A Claude model is carried with nothing to decide.
  const claude = { ...CHAT_LINE, body: { ...CHAT_LINE.body, model: 'claude-sonnet-4-5' } };
  assert.deepEqual(convertLineToDialect(JSON.stringify(claude), 'anthropic').notCarried, []);
});

test('golden: a chat line as a Gemini request', () => {
  const converted = convertLineToDialect(JSON.stringify(CHAT_LINE), 'gemini');
  assert.deepEqual(converted.notCarried, []);
  assert.deepEqual(JSON.parse(converted.text), {
    key: 'r1',
    request: {
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      contents: [
        {
          role: 'user',
          parts: [
            { text: 'What is this?' },
            { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          ],
        },
        { role: 'model', parts: [{ functionCall: { name: 'look', args: { q: 'x' }, id: 'c1' } }] },
        {
          role: 'user',
          parts: [{ functionResponse: { id: 'c1', name: 'look', response: { content: 'a cat' } } }],
        },
      ],
      model: 'gpt-4o',
      generationConfig: { maxOutputTokens: 100, temperature: 0.5, stopSequences: ['END'] },
      tools: [
        {
          functionDeclarations: [
            { name: 'look', description: 'Look it up', parameters: { type: 'object' } },
          ],
        },
      ],
      toolConfig: { functionCallingConfig: { mode: 'ANY' } },
    },
  });
});

test('conversion keeps every number literal and key as written, and a key given twice is reported', () => {
  const line =
    '{"custom_id":"r1","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":100,"temperature":0.50,"seed":12345678901234567890,"seed":1}}';
  for (const to of TARGETS) {
    const converted = convertLineToDialect(line, to);
    assert.match(converted.text, /0\.50/);
    assert.ok(
      converted.changes.some((c) => c.param === 'seed' && c.kind === 'dropped'),
      to,
    );
  }
});

test('lines that are not chat completions are left alone', () => {
  const embeddings = JSON.stringify({
    custom_id: 'a',
    method: 'POST',
    url: '/v1/embeddings',
    body: { model: 'm', input: 'x' },
  });
  const anthropic = JSON.stringify({
    custom_id: 'a',
    params: { model: 'm', max_tokens: 1, messages: [] },
  });
  assert.equal(convertLineToDialect(embeddings, 'anthropic').status, 'not-chat');
  assert.equal(convertLineToDialect(anthropic, 'anthropic').status, 'unchanged');
  assert.equal(convertLineToDialect('{not json', 'gemini').status, 'unparseable');
  assert.equal(convertLineToDialect('', 'gemini').status, 'unchanged');
});

test("a function's keys the target's tool has no place for are kept on it and reported", () => {
  const line = JSON.stringify({
    custom_id: 'r1',
    method: 'POST',
    url: '/v1/chat/completions',
    body: {
      model: 'm',
      max_tokens: 10,
      messages: [{ role: 'user', content: 'hi' }],
      tools: [{ type: 'function', function: { name: 'f', x_owner: 'team-a', parameters: {} } }],
    },
  });
  const expected: Record<DialectTarget, (string | number)[]> = {
    anthropic: ['params', 'tools', 0, 'x_owner'],
    gemini: ['request', 'tools', 0, 'functionDeclarations', 0, 'x_owner'],
  };
  const valueAt = (value: unknown, at: (string | number)[]): unknown =>
    at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
  for (const to of TARGETS) {
    const converted = convertLineToDialect(line, to);
    const kept = converted.notCarried.find((n) => n.path.at(-1) === 'x_owner');
    assert.ok(kept, `${to}: x_owner is reported`);
    assert.deepEqual(kept.path, expected[to], to);
    assert.equal(valueAt(JSON.parse(converted.text), expected[to]), 'team-a', to);
  }
});
