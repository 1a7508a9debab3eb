// The body-parameter half of the conversion generator (see convert-gen.test.ts): sampling
// parameters, token limits, structured outputs, reasoning, tools and tool choice, parameters with
// no equivalent and unknown keys, each with the responses shape the mapping table gives.

import type { Gen, Json, Obj } from './convert-gen.test';

const SCHEMA: Obj = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] };
const EMPTY_SCHEMA: Obj = { type: 'object', properties: {} };

/** Parameters that keep their name, with a few values each. */
const SAME: Record<string, Json[]> = {
  temperature: [0, 0.7, 2],
  top_p: [0.1, 1],
  store: [true, false],
  metadata: [{ team: 'a' }, {}],
  service_tier: ['auto', 'flex', 'priority'],
  user: ['u-1'],
  safety_identifier: ['hash'],
  prompt_cache_key: ['k'],
  prompt_cache_retention: ['24h'],
  parallel_tool_calls: [true, false],
  top_logprobs: [0, 5],
  stream: [false],
};

/** Chat parameters with no responses equivalent, with values that are not a responses default. */
const NO_EQUIVALENT: Record<string, Json[]> = {
  n: [2, 5],
  stop: ['END', ['\n', '###']],
  seed: [7, 123456],
  logit_bias: [{ '50256': -100 }],
  frequency_penalty: [0, 0.5],
  presence_penalty: [-1],
  modalities: [['text', 'audio']],
  audio: [{ voice: 'alloy', format: 'wav' }],
  prediction: [{ type: 'content', content: 'old' }],
  web_search_options: [{ search_context_size: 'low' }],
};

export function params(g: Gen): void {
  const chat = g.s.chat;
  const resp = g.s.responses;
  const set = (key: string, chatValue: Json, respKey = key, respValue: Json = chatValue): void => {
    chat[key] = chatValue;
    resp[respKey] = respValue;
  };
  for (const [key, values] of Object.entries(SAME)) {
    if (g.nullable(chat, key, [])) continue;
    if (g.chance(0.15)) {
      set(key, g.pick(values));
      g.feature(`same-${key}`);
    }
  }
  for (const [key, values] of Object.entries(NO_EQUIVALENT)) {
    if (g.nullable(chat, key, []) || !g.chance(0.08)) continue;
    set(key, g.pick(values));
    g.keep([key], [key]);
    g.feature(`no-equivalent-${key}`);
  }
  if (!('n' in chat) && g.chance(0.1)) {
    chat.n = 1; // the responses behaviour: dropped with a note
    g.s.dropped.push(['n']);
    g.feature('n-1');
  }
  tokens(g);
  if (g.chance(0.05)) {
    // A responses key already in the chat body blocks the mapping onto it.
    set('reasoning', { summary: 'auto' });
    set('reasoning_effort', 'low');
    g.keep(['reasoning'], ['reasoning']);
    g.keep(['reasoning_effort'], ['reasoning_effort']);
    g.feature('blocked-target');
  } else if (!g.nullable(chat, 'reasoning_effort', []) && g.chance(0.2)) {
    chat.reasoning_effort = g.pick(['minimal', 'low', 'high']);
    resp.reasoning = { effort: chat.reasoning_effort };
    g.feature('reasoning-effort');
  }
  textFormat(g);
  if (!g.nullable(chat, 'logprobs', []) && g.chance(0.15)) {
    chat.logprobs = g.chance(0.7);
    if (chat.logprobs) resp.include = ['message.output_text.logprobs'];
    else g.s.dropped.push(['logprobs']);
    g.feature(`logprobs-${chat.logprobs}`);
  }
  tools(g);
  if (g.chance(0.1)) {
    set('x_vendor', { any: [g.word()] });
    g.keep(['x_vendor'], ['x_vendor']);
    g.feature('unknown-body-key');
  }
}

function tokens(g: Gen): void {
  const chat = g.s.chat;
  const resp = g.s.responses;
  const value = (): number => g.pick([1, 8, 15, 16, 256, 4096]);
  const shape = g.pick(['none', 'none', 'legacy', 'current', 'both-same', 'both-differ']);
  if (shape === 'none') return;
  g.feature(`tokens-${shape}`);
  const current = value();
  let source = 'max_completion_tokens';
  if (shape === 'legacy') {
    chat.max_tokens = current;
    source = 'max_tokens';
  } else {
    chat.max_completion_tokens = current;
    if (shape === 'both-same') {
      chat.max_tokens = current; // merged into the one max_output_tokens, with a note
      g.s.dropped.push(['max_tokens']);
    }
    if (shape === 'both-differ') {
      chat.max_tokens = current + 1;
      resp.max_tokens = current + 1;
      g.keep(['max_tokens'], ['max_tokens']);
    }
  }
  resp.max_output_tokens = current;
  if (current < 16) {
    g.keep(['max_output_tokens'], [source]);
    g.feature('tokens-below-minimum');
  }
}

function textFormat(g: Gen): void {
  const chat = g.s.chat;
  const text: Obj = {};
  if (!g.nullable(chat, 'verbosity', []) && g.chance(0.15)) {
    chat.verbosity = text.verbosity = g.pick(['low', 'medium', 'high']);
    g.feature('verbosity');
  }
  if (!g.nullable(chat, 'response_format', []) && g.chance(0.25)) {
    const kind = g.pick(['text', 'json_object', 'json_schema', 'json_schema', 'no-schema']);
    g.feature(`format-${kind}`);
    if (kind === 'text' || kind === 'json_object') {
      chat.response_format = { type: kind };
      text.format = { type: kind };
    } else {
      const spec: Obj = { name: 'out' };
      if (g.chance(0.5)) spec.description = g.word();
      if (kind === 'json_schema') spec.schema = SCHEMA;
      else g.keep(['text', 'format'], ['response_format', 'json_schema', 'schema']);
      if (g.chance(0.5)) spec.strict = g.chance(0.5);
      chat.response_format = { type: 'json_schema', json_schema: spec };
      text.format = { type: 'json_schema', ...spec };
    }
  }
  if (Object.keys(text).length > 0) g.s.responses.text = text;
}

function tools(g: Gen): void {
  const chat = g.s.chat;
  const resp = g.s.responses;
  const names: string[] = [];
  if (!g.nullable(chat, 'tools', []) && g.chance(0.35)) {
    const chatTools: Json[] = [];
    const respTools: Json[] = [];
    for (let k = 0, n = g.int(1, 3); k < n; k++) {
      const [c, r] = tool(g, k);
      chatTools.push(c);
      respTools.push(r);
      if (typeof (r as Obj).name === 'string') names.push((r as Obj).name as string);
    }
    chat.tools = chatTools;
    resp.tools = respTools;
  }
  if (g.chance(0.08)) {
    // Deprecated `functions`: flattened after any tools, strict written as false.
    const fn: Obj = { name: 'legacy' };
    const flat: Obj = { type: 'function', name: 'legacy' };
    if (g.chance(0.5)) fn.parameters = flat.parameters = SCHEMA;
    else flat.parameters = EMPTY_SCHEMA;
    flat.strict = false;
    chat.functions = [fn];
    resp.tools = [...(Array.isArray(resp.tools) ? resp.tools : []), flat];
    g.feature('functions');
  }
  if (g.nullable(chat, 'tool_choice', [])) return;
  if (g.chance(0.25)) {
    const name = names[0] ?? 'get_weather';
    const shape = g.pick(['string', 'function', 'custom', 'allowed']);
    g.feature(`choice-${shape}`);
    if (shape === 'string')
      chat.tool_choice = resp.tool_choice = g.pick(['none', 'auto', 'required']);
    else if (shape === 'allowed') {
      chat.tool_choice = {
        type: 'allowed_tools',
        allowed_tools: {
          mode: 'auto',
          tools: [
            { type: 'function', function: { name } },
            { type: 'custom', custom: { name: 'c' } },
          ],
        },
      };
      resp.tool_choice = {
        type: 'allowed_tools',
        mode: 'auto',
        tools: [
          { type: 'function', name },
          { type: 'custom', name: 'c' },
        ],
      };
    } else {
      chat.tool_choice = { type: shape, [shape]: { name } };
      resp.tool_choice = { type: shape, name };
    }
  } else if (g.chance(0.05)) {
    chat.function_call = g.pick<Json>(['auto', 'none', { name: 'legacy' }]);
    resp.tool_choice =
      typeof chat.function_call === 'string'
        ? chat.function_call
        : { type: 'function', name: 'legacy' };
    g.feature('function-call');
  }
}

function tool(g: Gen, k: number): [Json, Json] {
  const kind = g.pick(['function', 'function', 'custom', 'hosted', 'collides']);
  g.feature(`tool-${kind}`);
  if (kind === 'hosted' || kind === 'collides') {
    // Not chat shapes: a responses-style hosted tool, and a wrapper whose `name` would collide.
    const chat: Obj =
      kind === 'hosted'
        ? { type: 'web_search' }
        : { type: 'function', name: 'x', function: { name: 'x' } };
    g.keep(['tools', k], ['tools', k]);
    return [chat, chat];
  }
  if (kind === 'custom') {
    const custom: Obj = { name: `c${k}` };
    const flat: Obj = { type: 'custom', name: custom.name as Json };
    const format = g.pick(['none', 'text', 'grammar']);
    if (format === 'text') custom.format = flat.format = { type: 'text' };
    if (format === 'grammar') {
      custom.format = { type: 'grammar', grammar: { definition: 'start: "a"', syntax: 'lark' } };
      flat.format = { type: 'grammar', syntax: 'lark', definition: 'start: "a"' };
    }
    return [{ type: 'custom', custom }, flat];
  }
  const fn: Obj = { name: `f${k}` };
  const flat: Obj = { type: 'function', name: fn.name as Json };
  if (g.chance(0.5)) fn.description = flat.description = g.word();
  if (g.chance(0.7)) fn.parameters = flat.parameters = SCHEMA;
  else {
    g.nullable(fn, 'parameters', ['tools', k, 'function']);
    flat.parameters = EMPTY_SCHEMA;
  }
  if (g.chance(0.5)) fn.strict = flat.strict = g.chance(0.5);
  else flat.strict = false;
  const wrapper: Obj = { type: 'function', function: fn };
  g.unknown(wrapper, flat, ['tools', k], ['tools', k], 'x_group');
  return [wrapper, flat];
}
