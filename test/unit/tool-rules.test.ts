// Conformance table of the tool and parameter rules: for each, a line that breaks it (exactly
// these problems, in the API's words, on this text) and the same line made valid (no problem).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../server/src/core';
import { chat, line, responses } from './builders';

type Json = Record<string, unknown>;

const messages = [{ role: 'user', content: 'Hi' }];
const chatFn = (name: string): Json => ({ type: 'function', function: { name } });
const respFn = (name: string): Json => ({ type: 'function', name, parameters: null });
const moderation = (input: unknown): string =>
  line('/v1/moderations', { model: 'omni-moderation-latest', input });
const image = (url: string): Json => ({ type: 'image_url', image_url: { url } });

interface Row {
  name: string;
  bad: string;
  /** [code, severity, message, underlined text] of every problem the bad line draws. */
  expect: [string, string, string, string][];
  good: string;
}

const rows: Row[] = [
  {
    name: 'chat parallel_tool_calls without tools',
    bad: chat({ messages, parallel_tool_calls: false }),
    expect: [
      [
        'invalid_value',
        'error',
        "Invalid value for 'parallel_tool_calls': 'parallel_tool_calls' is only allowed when 'tools' are specified.",
        '"parallel_tool_calls"',
      ],
    ],
    good: chat({ messages, parallel_tool_calls: false, tools: [chatFn('f')] }),
  },
  {
    name: 'chat tool_choice without tools',
    bad: chat({ messages, tool_choice: 'required', tools: [] }),
    expect: [
      [
        'invalid_value',
        'error',
        "Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.",
        '"tool_choice"',
      ],
    ],
    good: chat({ messages, tool_choice: 'required', tools: [chatFn('f')] }),
  },
  {
    name: 'responses tool_choice naming an undeclared function',
    bad: responses({
      input: 'Hi',
      tools: [respFn('a')],
      tool_choice: { type: 'function', name: 'b' },
    }),
    expect: [['invalid_value', 'error', "Tool choice 'b' not found in 'tools' parameter.", '"b"']],
    good: responses({
      input: 'Hi',
      tools: [respFn('b')],
      tool_choice: { type: 'function', name: 'b' },
    }),
  },
  {
    name: 'duplicate function names (chat)',
    bad: chat({ messages, tools: [chatFn('lookup'), chatFn('lookup')] }),
    expect: [
      [
        'duplicate_tool_name',
        'warning',
        "Tool name 'lookup' is declared twice: 'tools[0].function.name' has it already. The model cannot tell the two apart; the API's answer to this is not documented.",
        '"lookup"',
      ],
    ],
    good: chat({ messages, tools: [chatFn('lookup'), chatFn('lookup_user')] }),
  },
  {
    name: 'duplicate tool names across function and custom (responses)',
    bad: responses({ input: 'Hi', tools: [respFn('run'), { type: 'custom', name: 'run' }] }),
    expect: [
      [
        'duplicate_tool_name',
        'warning',
        "Tool name 'run' is declared twice: 'tools[0].name' has it already. The model cannot tell the two apart; the API's answer to this is not documented.",
        '"run"',
      ],
    ],
    good: responses({ input: 'Hi', tools: [respFn('run'), { type: 'custom', name: 'run_sql' }] }),
  },
  {
    name: 'built-in tools at minimal reasoning effort',
    bad: responses({
      model: 'gpt-5',
      input: 'Hi',
      reasoning: { effort: 'minimal' },
      tools: [{ type: 'web_search' }, { type: 'image_generation' }],
    }),
    expect: [
      [
        'invalid_value',
        'error',
        "The following tools cannot be used with reasoning.effort 'minimal': image_gen, web_search.",
        '"web_search"',
      ],
    ],
    good: responses({
      model: 'gpt-5',
      input: 'Hi',
      reasoning: { effort: 'low' },
      tools: [{ type: 'web_search' }, { type: 'image_generation' }],
    }),
  },
  {
    name: 'moderations: one image at most',
    bad: moderation([
      { type: 'text', text: 'a' },
      image('https://x/1.png'),
      image('https://x/2.png'),
    ]),
    expect: [
      [
        'too_many_images',
        'error',
        'Number of images (2) exceeds maximum of 1',
        '{"type":"image_url","image_url":{"url":"https://x/2.png"}}',
      ],
    ],
    good: moderation([{ type: 'text', text: 'a' }, image('https://x/1.png')]),
  },
  {
    name: 'user longer than the reported 64 characters',
    bad: chat({ messages, user: 'u'.repeat(65) }),
    expect: [
      [
        'string_above_max_length',
        'warning',
        "Invalid 'user': string too long. Expected a string with maximum length 64, but got a string with length 65 instead. Reports of this limit differ (64 or 256 characters).",
        `"${'u'.repeat(65)}"`,
      ],
    ],
    good: chat({ messages, user: 'u'.repeat(64) }),
  },
  {
    name: 'prompt_cache_key of 72 characters (input 3)',
    bad: responses({ input: 'Hi', prompt_cache_key: 'k'.repeat(72) }),
    expect: [
      [
        'string_above_max_length',
        'error',
        "Invalid 'prompt_cache_key': string too long. Expected a string with maximum length 64, but got a string with length 72 instead.",
        `"${'k'.repeat(72)}"`,
      ],
    ],
    good: responses({ input: 'Hi', prompt_cache_key: 'k'.repeat(64) }),
  },
  {
    name: 'code_interpreter container files (input 2)',
    bad: responses({
      input: 'Hi',
      tools: [{ type: 'code_interpreter', container: { type: 'auto', files: ['file-1'] } }],
    }),
    expect: [
      ['unknown_parameter', 'error', "Unknown parameter: 'tools[0].container.files'.", '"files"'],
    ],
    good: responses({
      input: 'Hi',
      tools: [{ type: 'code_interpreter', container: { type: 'auto', file_ids: ['file-1'] } }],
    }),
  },
  {
    name: 'responses function tool in chat shape (input 5)',
    bad: responses({ input: 'Hi', tools: [chatFn('f')] }),
    expect: [
      [
        'missing_required_parameter',
        'error',
        "Missing required parameter: 'tools[0].name'. In the Responses API this object is flat: move the fields of 'function' up into it.",
        '{',
      ],
    ],
    good: responses({ input: 'Hi', tools: [respFn('f')] }),
  },
];

for (const row of rows) {
  test(`tool rule: ${row.name}`, () => {
    // Deprecation notes (the user field) and a model's own deprecation or shutdown (dated facts of
    // the model table, which change with the day the test runs) are other rules'.
    const others = new Set(['deprecated_parameter', 'model_deprecated', 'model_shut_down']);
    const own = (text: string) => checkText(text).problems.filter((p) => !others.has(p.code));
    const problems = own(row.bad);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.message, row.bad.slice(p.column, p.endColumn)]),
      row.expect,
    );
    assert.deepEqual(own(row.good), [], 'the valid line');
  });
}
