// A chat completions body → the params of an Anthropic Message Batches request (the Messages
// API): leading system turns become `system`, parts become content blocks, tool calls tool_use
// blocks, tool messages tool_result blocks, and the sampling and tool parameters their Anthropic
// names. What Messages has no place for stays where it was, reported.

import { modelKind } from '../dialects/model-kind';
import type { PathSegment } from '../types';
import type { Json, JsonObject } from './context';
import type { Ctx } from './context';
import { has, isObject } from './context';
import { numberOf, setKey } from './exact-json';
import { dataUrl } from './chat-parts';
import { keepOthers, toolCalls, walkTurns } from './turns';
import type { TurnTarget } from './turns';
import { elide } from '../words';
import { ownValue } from '../json';

const OUT = 'params';

/** Why a chat parameter has no Anthropic equivalent (the default reason otherwise). */
const NO_EQUIVALENT: Record<string, string> = {
  n: 'Anthropic returns one answer per request',
  response_format:
    "Messages has no response format; describe the output in the prompt, or use a tool's input_schema",
  reasoning_effort:
    'extended thinking takes a token budget (thinking.budget_tokens), not an effort',
  logprobs: 'Messages returns no log probabilities',
  top_logprobs: 'Messages returns no log probabilities',
  seed: 'Messages has no seed',
  frequency_penalty: 'Messages has no penalties',
  presence_penalty: 'Messages has no penalties',
  logit_bias: 'Messages has no logit bias',
};
const DEFAULT_REASON = "Anthropic's Messages API has no such parameter";

/** Chat parameters mapped here; the others are carried as they are, and reported. */
const MAPPED = new Set([
  'model',
  'messages',
  'max_tokens',
  'max_completion_tokens',
  'temperature',
  'top_p',
  'stop',
  'stream',
  'user',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'metadata',
  'service_tier',
]);

/** The params of an Anthropic request for a chat completions body. */
export function anthropicBody(ctx: Ctx, body: JsonObject): JsonObject {
  const out: JsonObject = {};
  const put = (key: string, value: Json): void => setKey(out, key, value);
  const model = ctx.optional(body, 'model', []);
  if (model !== undefined) {
    put('model', model);
    // The check of the output flags the same names (rules/anthropic-model.ts).
    if (typeof model !== 'string' || modelKind(model) !== 'anthropic')
      ctx.keep(
        [OUT, 'model'],
        ['model'],
        'stays as it was: Anthropic runs Claude models, name one',
      );
  }
  const maxCompletion = ctx.optional(body, 'max_completion_tokens', []);
  const maxTokens = ctx.optional(body, 'max_tokens', []);
  if (maxCompletion !== undefined) {
    put('max_tokens', maxCompletion);
    if (maxTokens !== undefined) {
      ctx.change(
        ['max_tokens'],
        'dropped',
        'max_completion_tokens is given too and becomes max_tokens',
      );
    }
  } else if (maxTokens !== undefined) {
    put('max_tokens', maxTokens);
  } else {
    ctx.keep(
      [OUT, 'max_tokens'],
      ['max_tokens'],
      'Anthropic requires max_tokens and the line sets no limit: add one',
    );
  }
  if (Array.isArray(body.messages)) messages(ctx, body.messages, out);
  else if (has(body, 'messages')) {
    put('messages', body.messages as Json);
    ctx.keep([OUT, 'messages'], ['messages'], 'messages is not a list; kept as it was');
  }
  const temperature = ctx.optional(body, 'temperature', []);
  if (temperature !== undefined) {
    put('temperature', temperature);
    const t = numberOf(temperature);
    if (t !== undefined && t > 1) {
      ctx.keep([OUT, 'temperature'], ['temperature'], 'Anthropic takes a temperature from 0 to 1');
    }
  }
  const topP = ctx.optional(body, 'top_p', []);
  if (topP !== undefined) put('top_p', topP);
  const stop = ctx.optional(body, 'stop', []);
  if (stop !== undefined) put('stop_sequences', typeof stop === 'string' ? [stop] : stop);
  const stream = ctx.optional(body, 'stream', []);
  if (stream !== undefined) put('stream', stream);
  const tier = ctx.optional(body, 'service_tier', []);
  if (tier !== undefined) {
    put('service_tier', tier);
    if (tier !== 'auto') {
      ctx.keep(
        [OUT, 'service_tier'],
        ['service_tier'],
        "Anthropic's service_tier is auto or standard_only",
      );
    }
  }
  metadata(ctx, body, put);
  tools(ctx, body, out);
  for (const key of Object.keys(body)) {
    if (MAPPED.has(key)) continue;
    put(key, body[key] as Json);
    ctx.keep([OUT, key], [key], ownValue(NO_EQUIVALENT, key) ?? DEFAULT_REASON);
  }
  return out;
}

/** `user` becomes metadata.user_id; OpenAI's metadata map has no place in Messages. */
function metadata(ctx: Ctx, body: JsonObject, put: (key: string, value: Json) => void): void {
  const user = ctx.optional(body, 'user', []);
  const meta = ctx.optional(body, 'metadata', []);
  if (meta !== undefined) {
    put('metadata', meta);
    ctx.keep([OUT, 'metadata'], ['metadata'], "Anthropic's metadata holds only user_id");
    if (user !== undefined) {
      put('user', user);
      ctx.keep([OUT, 'user'], ['user'], 'metadata.user_id would take it, but metadata is taken');
    }
  } else if (user !== undefined) {
    put('metadata', { user_id: user });
  }
}

function messages(ctx: Ctx, list: Json[], out: JsonObject): void {
  const { system, turns } = walkTurns(ctx, list, TURNS);
  if (system.length > 0) {
    setKey(out, 'system', system.length === 1 ? system[0]!.text! : system);
  }
  setKey(out, 'messages', turns);
  if (turns.length === 0) {
    ctx.keep(
      [OUT, 'messages'],
      ['messages'],
      'Anthropic needs at least one message besides the system text',
    );
  }
}

/** How Messages writes a conversation's pieces (the walk is turns.ts'). */
const TURNS: TurnTarget = {
  name: 'Anthropic',
  turnsAt: [OUT, 'messages'],
  systemBlock: (text) => ({ type: 'text', text }),
  toolResult(ctx, m, at, names) {
    if (typeof m.tool_call_id !== 'string') return undefined;
    const block: JsonObject = { type: 'tool_result', tool_use_id: m.tool_call_id };
    if (m.content !== undefined && m.content !== null) block.content = toolContent(m.content);
    if (typeof m.name === 'string' && names.get(m.tool_call_id) !== m.name) {
      ctx.change(
        [...at, 'name'],
        'dropped',
        "a tool result names its call by id; the call's name is not repeated",
      );
    }
    return block;
  },
  laterSystem:
    'Anthropic takes system text only before the conversation (as system); this one comes later',
  blocks: { key: 'content', isResult: (block) => isObject(block) && block.type === 'tool_result' },
  role: (role) => role,
  extraKey: "Anthropic's messages have only role and content",
  body(ctx, m, at, outAt, out) {
    const calls = m.role === 'assistant' && Array.isArray(m.tool_calls);
    // An assistant turn of tool calls only has null content in chat: its blocks are the calls.
    const blocks =
      calls && m.content === null
        ? undefined
        : content(ctx, m.content, [...at, 'content'], [...outAt, 'content']);
    if (!calls) {
      if (blocks !== undefined) setKey(out, 'content', blocks);
      return;
    }
    const uses = toolCalls(ctx, m, at, outAt, (call, fn, input) =>
      typeof call.id === 'string'
        ? { type: 'tool_use', id: call.id, name: fn.name as Json, input }
        : undefined,
    );
    const list =
      blocks === undefined
        ? []
        : typeof blocks === 'string'
          ? [{ type: 'text', text: blocks }]
          : Array.isArray(blocks)
            ? blocks
            : [blocks];
    setKey(out, 'content', [...list, ...uses.made]);
    uses.keep(out);
  },
};

/** A tool message's content: a string, or its text parts as text blocks. */
function toolContent(content: Json): Json {
  if (!Array.isArray(content)) return content;
  return content.map((p) =>
    isObject(p) && p.type === 'text' ? { type: 'text', text: p.text as Json } : p,
  );
}

function content(
  ctx: Ctx,
  value: Json | undefined,
  at: PathSegment[],
  outAt: PathSegment[],
): Json | undefined {
  if (value === undefined) return undefined;
  if (value === null) {
    ctx.change(at, 'dropped', 'null content (an assistant turn of tool calls only)');
    return undefined;
  }
  if (!Array.isArray(value)) return value;
  return value.map((part, i) => block(ctx, part, [...at, i], [...outAt, i]));
}

/** One chat content part → one Anthropic content block. */
function block(ctx: Ctx, part: Json, at: PathSegment[], outAt: PathSegment[]): Json {
  if (!isObject(part)) return part;
  const extras = (known: string[], out: JsonObject): JsonObject =>
    keepOthers(ctx, part, known, out, at, outAt, 'no equivalent in an Anthropic content block');
  if (part.type === 'text')
    return extras(['type', 'text'], { type: 'text', text: part.text as Json });
  if (part.type === 'image_url' && isObject(part.image_url)) {
    const image = part.image_url;
    const url = image.url;
    const data = dataUrl(url);
    const source: JsonObject = data
      ? { type: 'base64', media_type: data.mediaType, data: data.data }
      : { type: 'url', url: url as Json };
    const out = keepOthers(
      ctx,
      image,
      ['url'],
      { type: 'image', source },
      [...at, 'image_url'],
      outAt,
      (key) =>
        key === 'detail'
          ? 'Anthropic has no image detail setting'
          : 'no equivalent in an Anthropic image block',
    );
    return extras(['type', 'image_url'], out);
  }
  if (part.type === 'file' && isObject(part.file)) {
    const data = dataUrl(part.file.file_data);
    const extra = Object.keys(part.file).filter((k) => k !== 'file_data' && k !== 'filename');
    if (data && extra.length === 0) {
      const out: JsonObject = {
        type: 'document',
        source: { type: 'base64', media_type: data.mediaType, data: data.data },
      };
      if (part.file.filename !== undefined) out.title = part.file.filename;
      return extras(['type', 'file'], out);
    }
  }
  ctx.keep(
    outAt,
    at,
    part.type === 'file'
      ? "an OpenAI file id means nothing to Anthropic; give the file's data"
      : `Anthropic has no '${elide(String(part.type))}' content block`,
  );
  return part;
}

function tools(ctx: Ctx, body: JsonObject, out: JsonObject): void {
  const list = ctx.optional(body, 'tools', []);
  if (Array.isArray(list)) {
    setKey(
      out,
      'tools',
      list.map((tool, i) => {
        if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function)) {
          ctx.keep([OUT, 'tools', i], ['tools', i], 'only function tools map to Anthropic tools');
          return tool;
        }
        const fn = tool.function;
        const mapped: JsonObject = { name: fn.name as Json };
        if (fn.description !== undefined) mapped.description = fn.description;
        mapped.input_schema = (fn.parameters as Json | undefined) ?? {
          type: 'object',
          properties: {},
        };
        if (fn.parameters === undefined)
          ctx.change(
            ['tools', i, 'function', 'parameters'],
            'added',
            'an empty object schema (Anthropic requires input_schema)',
          );
        if (fn.strict !== undefined && fn.strict !== null) mapped.strict = fn.strict;
        return keepOthers(
          ctx,
          fn,
          ['name', 'description', 'parameters', 'strict'],
          mapped,
          ['tools', i, 'function'],
          [OUT, 'tools', i],
          'no equivalent in an Anthropic tool',
        );
      }),
    );
  } else if (list !== undefined) {
    setKey(out, 'tools', list);
    ctx.keep([OUT, 'tools'], ['tools'], 'tools is not a list; kept as it was');
  }
  const choice = ctx.optional(body, 'tool_choice', []);
  let mapped: JsonObject | undefined;
  if (choice === 'auto' || choice === 'none') mapped = { type: choice };
  else if (choice === 'required') mapped = { type: 'any' };
  else if (isObject(choice) && choice.type === 'function' && isObject(choice.function)) {
    mapped = { type: 'tool', name: choice.function.name as Json };
  } else if (choice !== undefined) {
    setKey(out, 'tool_choice', choice);
    ctx.keep([OUT, 'tool_choice'], ['tool_choice'], 'no equivalent Anthropic tool_choice');
  }
  const parallel = ctx.optional(body, 'parallel_tool_calls', []);
  if (parallel === false && (mapped === undefined || mapped.type !== 'none')) {
    mapped ??= { type: 'auto' };
    if (choice === undefined)
      ctx.change(['tool_choice'], 'added', "{type: 'auto'}, to carry disable_parallel_tool_use");
    mapped.disable_parallel_tool_use = true;
  } else if (parallel === true) {
    ctx.change(['parallel_tool_calls'], 'dropped', 'true is what Anthropic does by default');
  } else if (parallel !== undefined) {
    setKey(out, 'parallel_tool_calls', parallel);
    ctx.keep([OUT, 'parallel_tool_calls'], ['parallel_tool_calls'], DEFAULT_REASON);
  }
  if (mapped) setKey(out, 'tool_choice', mapped);
}
