// A seeded generator of chat completions bodies for the conversion property test. Each random
// choice builds the chat shape and, side by side, the responses shape the mapping table says it
// becomes, so the expectation is constructed independently of the converter's own code.
// Run on its own, this file checks that the generator reaches every shape it knows.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonPath, PathSegment } from '../../server/src/core/types';
import { params } from './convert-gen-params.test';
import { Prng } from './fuzz/prng';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Obj = { [key: string]: Json };

export interface Sample {
  chat: Obj;
  /** The responses body the mapping table gives. */
  responses: Obj;
  /** Every field expected in notCarried: where it sits in the output, and where it was read. */
  kept: Array<{ out: JsonPath; in: PathSegment[] }>;
  /** Input paths removed on purpose: null optional parameters, `n: 1`, `logprobs: false`, and a
   * `max_tokens` equal to `max_completion_tokens` (merged). */
  dropped: PathSegment[][];
  features: Set<string>;
}

const WORDS = ['alpha', 'json', 'Grüße', 'tool', '42', 'x y', 'delta', '“q”', 'zeta', ''];

export class Gen {
  private readonly random: Prng;
  readonly s: Sample = { chat: {}, responses: {}, kept: [], dropped: [], features: new Set() };
  private callCounter = 0;

  constructor(seed: number) {
    this.random = new Prng(seed);
  }
  next(): number {
    return this.random.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
  word(): string {
    return `${this.pick(WORDS)} ${this.int(0, 999)}`;
  }
  feature(name: string): void {
    this.s.features.add(name);
  }
  callId(): string {
    this.callCounter += 1;
    return `call_${this.callCounter}`;
  }
  keep(out: JsonPath, inPath: PathSegment[]): void {
    this.s.kept.push({ out: ['body', ...out], in: inPath });
  }
  /** Maybe adds a key no chat schema has: copied to the output object and reported. */
  unknown(chat: Obj, resp: Obj, out: JsonPath, inPath: PathSegment[], key = 'x_extra'): void {
    if (!this.chance(0.08)) return;
    const value: Json = this.pick<Json>([this.word(), this.int(0, 9), { nested: [1, null] }, null]);
    chat[key] = value;
    resp[key] = value;
    this.keep([...out, key], [...inPath, key]);
    this.feature('unknown-key');
  }
  /** Maybe writes an optional key as null, which the converter drops. */
  nullable(chat: Obj, key: string, inPath: PathSegment[]): boolean {
    if (!this.chance(0.05)) return false;
    chat[key] = null;
    this.s.dropped.push([...inPath, key]);
    this.feature('null-param');
    return true;
  }
}

export function generate(seed: number): Sample {
  const g = new Gen(seed);
  const chat = g.s.chat;
  const resp = g.s.responses;
  chat.model = g.pick(['gpt-4o', 'gpt-5', 'o3', 'ft:gpt-4o:acme::x1']);
  resp.model = chat.model;
  messages(g);
  params(g);
  // Shuffle the chat key order: the output order must not depend on it beyond model/input first.
  const keys = Object.keys(chat).sort(() => g.next() - 0.5);
  const shuffled: Obj = {};
  for (const key of keys) shuffled[key] = chat[key] as Json;
  g.s.chat = shuffled;
  return g.s;
}

type Flavor = 'input' | 'output' | 'text-only';

function part(g: Gen, flavor: Flavor, out: JsonPath, inPath: PathSegment[]): [Json, Json] {
  const kind = g.pick(
    flavor === 'output'
      ? (['text', 'text', 'refusal'] as const)
      : flavor === 'text-only'
        ? (['text'] as const)
        : (['text', 'text', 'image', 'file', 'audio', 'odd'] as const),
  );
  let chat: Obj;
  let resp: Obj;
  switch (kind) {
    case 'text':
      chat = { type: 'text', text: g.word() };
      resp = { type: flavor === 'output' ? 'output_text' : 'input_text', text: chat.text as Json };
      if (flavor !== 'output' && g.chance(0.1)) {
        chat.prompt_cache_breakpoint = resp.prompt_cache_breakpoint = { mode: 'explicit' };
      }
      break;
    case 'refusal':
      chat = { type: 'refusal', refusal: g.word() };
      resp = { ...chat };
      break;
    case 'image': {
      const url = g.pick(['https://example.com/a.png', 'data:image/png;base64,aGk=']);
      const image: Obj = { url };
      resp = { type: 'input_image', image_url: url };
      if (g.chance(0.6)) image.detail = resp.detail = g.pick(['low', 'high', 'auto', 'original']);
      else g.nullable(image, 'detail', [...inPath, 'image_url']);
      chat = { type: 'image_url', image_url: image };
      g.unknown(image, resp, out, [...inPath, 'image_url'], 'x_inner');
      break;
    }
    case 'file': {
      const file: Obj = g.chance(0.5)
        ? { file_id: `file-${g.int(1, 99)}` }
        : { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVA=' };
      chat = { type: 'file', file };
      resp = { type: 'input_file', ...file };
      break;
    }
    case 'audio':
    case 'odd':
      chat =
        kind === 'audio'
          ? { type: 'input_audio', input_audio: { data: 'UklG', format: 'wav' } }
          : { type: g.pick(['audio', 'text_input', 'video']), text: g.word() };
      g.keep(out, inPath);
      g.feature(`part-${kind}`);
      return [chat, chat];
  }
  g.feature(`part-${kind}-${flavor === 'output' ? 'output' : 'input'}`);
  g.unknown(chat, resp, out, inPath);
  return [chat, resp];
}

function content(g: Gen, flavor: Flavor, out: JsonPath, inPath: PathSegment[]): [Json, Json] {
  if (g.chance(0.4)) return [g.word(), null];
  const chatParts: Json[] = [];
  const respParts: Json[] = [];
  for (let k = 0, n = g.int(1, 3); k < n; k++) {
    const [c, r] = part(g, flavor, [...out, 'content', k], [...inPath, 'content', k]);
    chatParts.push(c);
    respParts.push(r);
  }
  return [chatParts, respParts];
}

/** Fills `chat.messages` and the expected `input`, tracking output indices as items are added. */
function messages(g: Gen): void {
  const chatMsgs: Json[] = [];
  const items: Json[] = [];
  const customIds = new Set<string>();
  const openCalls: string[] = [];
  for (let i = 0, n = g.int(1, 6); i < n; i++) {
    const inPath: PathSegment[] = ['messages', i];
    const out: JsonPath = ['input', items.length];
    // Answer open tool calls often, so call/result pairs are common.
    const role =
      openCalls.length > 0 && g.chance(0.6)
        ? 'tool'
        : g.pick([
            'system',
            'developer',
            'user',
            'user',
            'assistant',
            'assistant',
            'tool',
            'function',
            'odd',
          ]);
    const msg: Obj = { role };
    if (role === 'system' || role === 'developer' || role === 'user') {
      const item: Obj = { role };
      // Chat allows only text parts on system and developer messages.
      const [c, r] = content(g, role === 'user' ? 'input' : 'text-only', out, inPath);
      msg.content = c;
      item.content = r ?? c;
      nameField(g, msg, item, out, inPath);
      g.unknown(msg, item, out, inPath);
      items.push(item);
      g.feature(`msg-${role}`);
    } else if (role === 'assistant') {
      assistant(g, msg, items, customIds, openCalls, inPath);
    } else if (role === 'tool' && openCalls.length > 0) {
      const id = openCalls.shift() as string;
      const type = customIds.has(id) ? 'custom_tool_call_output' : 'function_call_output';
      const item: Obj = { type, call_id: id };
      msg.tool_call_id = id;
      if (g.chance(0.5)) {
        msg.content = item.output = g.word();
      } else {
        const text = g.word();
        msg.content = [{ type: 'text', text }];
        item.output = [{ type: 'input_text', text }];
      }
      g.unknown(msg, item, out, inPath);
      items.push(item);
      g.feature(`msg-tool-${type}`);
    } else {
      // Deprecated function results, unknown roles, tool results with no call: kept whole.
      msg.role = role === 'tool' ? 'function' : role;
      msg.content = g.word();
      if (role !== 'odd') msg.name = 'legacy_fn';
      g.keep(out, inPath);
      items.push(msg);
      g.feature(`msg-kept-${msg.role}`);
    }
    chatMsgs.push(msg);
  }
  g.s.chat.messages = chatMsgs;
  g.s.responses.input = items;
}

function nameField(g: Gen, msg: Obj, item: Obj, out: JsonPath, inPath: PathSegment[]): void {
  if (g.nullable(msg, 'name', inPath) || !g.chance(0.1)) return;
  msg.name = item.name = g.word();
  g.keep([...out, 'name'], [...inPath, 'name']);
  g.feature('msg-name');
}

function assistant(
  g: Gen,
  msg: Obj,
  items: Json[],
  customIds: Set<string>,
  openCalls: string[],
  inPath: PathSegment[],
): void {
  const index = items.length;
  const out: JsonPath = ['input', index];
  const item: Obj = { role: 'assistant' };
  const shape = g.pick(['text', 'calls', 'text+calls', 'refusal', 'audio', 'function_call']);
  g.feature(`assistant-${shape}`);
  if (shape === 'text' || shape === 'text+calls') {
    const [c, r] = content(g, 'output', out, inPath);
    msg.content = c;
    item.content = r ?? c;
  } else if (g.chance(0.7)) {
    msg.content = null;
    g.s.dropped.push([...inPath, 'content']);
  }
  if (shape === 'refusal') {
    msg.refusal = g.word();
    item.content = [{ type: 'refusal', refusal: msg.refusal }];
  }
  if (shape === 'audio' || shape === 'function_call') {
    msg[shape] = item[shape] =
      shape === 'audio' ? { id: 'audio_1' } : { name: 'old_fn', arguments: '{}' };
    g.keep([...out, shape], [...inPath, shape]);
  }
  nameField(g, msg, item, out, inPath);
  g.unknown(msg, item, out, inPath);
  const calls: Json[] = [];
  const callItems: Obj[] = [];
  if (shape === 'calls' || shape === 'text+calls') {
    for (let k = 0, n = g.int(1, 3); k < n; k++) {
      const id = g.callId();
      openCalls.push(id);
      const custom = g.chance(0.3);
      if (custom) customIds.add(id);
      const payload = g.word();
      calls.push(
        custom
          ? { id, type: 'custom', custom: { name: 'grammar_tool', input: payload } }
          : { id, type: 'function', function: { name: 'get_weather', arguments: payload } },
      );
      callItems.push(
        custom
          ? { type: 'custom_tool_call', call_id: id, name: 'grammar_tool', input: payload }
          : { type: 'function_call', call_id: id, name: 'get_weather', arguments: payload },
      );
    }
    msg.tool_calls = calls;
  }
  const emit = Object.keys(item).length > 1 || callItems.length === 0;
  if (emit) items.push(item);
  callItems.forEach((callItem, k) => {
    g.unknown(calls[k] as Obj, callItem, ['input', items.length], [...inPath, 'tool_calls', k]);
    items.push(callItem);
  });
}

export function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

const MUST_REACH = [
  'msg-system',
  'msg-developer',
  'msg-user',
  'msg-name',
  'msg-kept-function',
  'msg-kept-odd',
  'msg-tool-function_call_output',
  'msg-tool-custom_tool_call_output',
  'assistant-text',
  'assistant-calls',
  'assistant-text+calls',
  'assistant-refusal',
  'assistant-audio',
  'assistant-function_call',
  'part-text-input',
  'part-text-output',
  'part-refusal-output',
  'part-image-input',
  'part-file-input',
  'part-audio',
  'part-odd',
  'unknown-key',
  'null-param',
  'tool-function',
  'tool-custom',
  'tool-hosted',
  'tool-collides',
  'functions',
  'function-call',
  'choice-string',
  'choice-function',
  'choice-custom',
  'choice-allowed',
  'tokens-legacy',
  'tokens-current',
  'tokens-both-same',
  'tokens-both-differ',
  'tokens-below-minimum',
  'format-text',
  'format-json_object',
  'format-json_schema',
  'format-no-schema',
  'verbosity',
  'reasoning-effort',
  'blocked-target',
  'logprobs-true',
  'logprobs-false',
  'n-1',
  'unknown-body-key',
  'no-equivalent-web_search_options',
];

// Only when run as a test file: the property test imports this module for `generate` alone.
if (require.main === module) {
  test('the generator reaches every message and part shape, reproducibly', () => {
    const counts = new Map<string, number>();
    for (let seed = 1; seed <= 2000; seed++) {
      for (const f of generate(seed).features) counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    assert.deepEqual(generate(7), generate(7));
    assert.notDeepEqual(generate(7).chat, generate(8).chat);
    for (const [name, count] of counts) assert.ok(count >= 20, `${name} only ${count} times`);
    // A shape the generator stopped producing would not show up in `counts` at all.
    for (const name of MUST_REACH) assert.ok(counts.has(name), `never generated: ${name}`);
    assert.ok(counts.size >= 70, `only ${counts.size} features: ${[...counts.keys()].join(', ')}`);
  });
}
