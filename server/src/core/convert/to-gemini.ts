// A chat completions body → the request of a Gemini batch line (a GenerateContentRequest):
// leading system turns become systemInstruction, messages contents with parts (assistant is
// `model`), tool calls functionCall parts, tool messages functionResponse parts, and the
// sampling parameters generationConfig's. What Gemini has no place for stays, reported.

import type { PathSegment } from '../types';
import type { Ctx, Json, JsonObject } from './context';
import { has, isObject } from './context';
import { setKey } from './exact-json';
import { ownValue } from '../json';
import { dataUrl } from './chat-parts';
import { keepOthers, toolCalls, walkTurns } from './turns';
import type { TurnTarget } from './turns';
import { elide } from '../words';

const OUT = 'request';
const DEFAULT_REASON = "Gemini's GenerateContentRequest has no such field";

/** Chat parameters that become generationConfig fields, by their Gemini name. */
const GENERATION: Record<string, string> = {
  max_completion_tokens: 'maxOutputTokens',
  max_tokens: 'maxOutputTokens',
  temperature: 'temperature',
  top_p: 'topP',
  n: 'candidateCount',
  seed: 'seed',
  presence_penalty: 'presencePenalty',
  frequency_penalty: 'frequencyPenalty',
  logprobs: 'responseLogprobs',
  top_logprobs: 'logprobs',
};

const MAPPED = new Set([
  ...Object.keys(GENERATION),
  'model',
  'messages',
  'stop',
  'response_format',
  'tools',
  'tool_choice',
]);

/** Audio formats of chat's input_audio as MIME types. */
const AUDIO: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mp3' };

/** The request of a Gemini batch line for a chat completions body. */
export function geminiRequest(ctx: Ctx, body: JsonObject): JsonObject {
  const out: JsonObject = {};
  const config: JsonObject = {};
  if (Array.isArray(body.messages)) contents(ctx, body.messages, out);
  else if (has(body, 'messages')) {
    setKey(out, 'messages', body.messages as Json);
    ctx.keep([OUT, 'messages'], ['messages'], 'messages is not a list; kept as it was');
  }
  const model = ctx.optional(body, 'model', []);
  if (model !== undefined) {
    setKey(out, 'model', model);
    ctx.note(
      "A Gemini batch names its model when it is created; each request's model is kept as it was.",
    );
  }
  for (const [key, name] of Object.entries(GENERATION)) {
    const value = ctx.optional(body, key, []);
    if (value === undefined) continue;
    if (has(config, name)) {
      ctx.change([key], 'dropped', `${name} is already set from another parameter`);
      continue;
    }
    setKey(config, name, value);
  }
  const stop = ctx.optional(body, 'stop', []);
  if (stop !== undefined) setKey(config, 'stopSequences', typeof stop === 'string' ? [stop] : stop);
  responseFormat(ctx, body, config, out);
  if (Object.keys(config).length > 0) setKey(out, 'generationConfig', config);
  tools(ctx, body, out);
  for (const key of Object.keys(body)) {
    if (MAPPED.has(key)) continue;
    setKey(out, key, body[key] as Json);
    ctx.keep([OUT, key], [key], DEFAULT_REASON);
  }
  return out;
}

function responseFormat(ctx: Ctx, body: JsonObject, config: JsonObject, out: JsonObject): void {
  const format = ctx.optional(body, 'response_format', []);
  if (format === undefined) return;
  if (isObject(format) && format.type === 'json_object' && Object.keys(format).length === 1) {
    config.responseMimeType = 'application/json';
  } else if (isObject(format) && format.type === 'json_schema' && isObject(format.json_schema)) {
    const spec = format.json_schema;
    config.responseMimeType = 'application/json';
    if (spec.schema !== undefined) config.responseJsonSchema = spec.schema;
    for (const key of Object.keys(spec)) {
      if (key === 'schema') continue;
      ctx.change(
        ['response_format', 'json_schema', key],
        'dropped',
        'Gemini takes the schema alone',
      );
    }
  } else if (isObject(format) && format.type === 'text' && Object.keys(format).length === 1) {
    ctx.change(['response_format'], 'dropped', "{type: 'text'} is what Gemini does by default");
  } else {
    setKey(out, 'response_format', format);
    ctx.keep([OUT, 'response_format'], ['response_format'], 'no equivalent Gemini response format');
  }
}

function contents(ctx: Ctx, list: Json[], out: JsonObject): void {
  const { system, turns } = walkTurns(ctx, list, TURNS);
  if (system.length > 0) setKey(out, 'systemInstruction', { parts: system });
  setKey(out, 'contents', turns);
  if (turns.length === 0) {
    ctx.keep(
      [OUT, 'contents'],
      ['messages'],
      'Gemini needs at least one content besides the system instruction',
    );
  }
}

/** How a GenerateContentRequest writes a conversation's pieces (the walk is turns.ts'). */
const TURNS: TurnTarget = {
  name: 'Gemini',
  turnsAt: [OUT, 'contents'],
  systemBlock: (text) => ({ text }),
  toolResult(_ctx, m, _at, names) {
    const name = typeof m.tool_call_id === 'string' ? names.get(m.tool_call_id) : undefined;
    if (name === undefined) return undefined;
    return {
      functionResponse: {
        id: m.tool_call_id as Json,
        name,
        response: { content: m.content ?? null },
      },
    };
  },
  toolKept: 'a tool message whose call is not in the conversation; kept as it was',
  laterSystem:
    'Gemini takes system text only as systemInstruction, before the conversation; this one comes later',
  blocks: { key: 'parts', isResult: (p) => isObject(p) && 'functionResponse' in p },
  role: (role) => (role === 'assistant' ? 'model' : 'user'),
  extraKey: "Gemini's contents have only role and parts",
  body(ctx, m, at, outAt, out) {
    const parts: Json[] = [];
    const content = m.content;
    if (typeof content === 'string') parts.push({ text: content });
    else if (Array.isArray(content)) {
      content.forEach((p, j) =>
        parts.push(part(ctx, p, [...at, 'content', j], [...outAt, 'parts', parts.length])),
      );
    } else if (content === null) {
      if (!Array.isArray(m.tool_calls)) ctx.change([...at, 'content'], 'dropped', 'null content');
    } else if (content !== undefined) {
      setKey(out, 'content', content);
      ctx.keep([...outAt, 'content'], [...at, 'content'], 'content that is neither text nor parts');
    }
    const calls = toolCalls(ctx, m, at, outAt, (call, fn, args) => {
      const fc: JsonObject = { name: fn.name as Json, args };
      if (typeof call.id === 'string') fc.id = call.id;
      return { functionCall: fc };
    });
    parts.push(...calls.made);
    calls.keep(out);
    setKey(out, 'parts', parts);
  },
};

/** One chat content part → one Gemini part. */
function part(ctx: Ctx, p: Json, at: PathSegment[], outAt: PathSegment[]): Json {
  if (!isObject(p)) return p;
  const extras = (known: string[], out: JsonObject): JsonObject =>
    keepOthers(ctx, p, known, out, at, outAt, 'no equivalent in a Gemini part');
  if (p.type === 'text') return extras(['type', 'text'], { text: p.text as Json });
  if (p.type === 'image_url' && isObject(p.image_url)) {
    const image = p.image_url;
    const data = dataUrl(image.url);
    const out: JsonObject = data
      ? { inlineData: { mimeType: data.mediaType, data: data.data } }
      : { fileData: { fileUri: image.url as Json } };
    if (!data)
      ctx.keep(
        [...outAt, 'fileData'],
        [...at, 'image_url', 'url'],
        "Gemini needs the file's mimeType beside its fileUri: add it",
      );
    keepOthers(ctx, image, ['url'], out, [...at, 'image_url'], outAt, (key) =>
      key === 'detail'
        ? 'Gemini sets the resolution with mediaResolution, not a detail'
        : 'no equivalent in a Gemini part',
    );
    return extras(['type', 'image_url'], out);
  }
  if (p.type === 'input_audio' && isObject(p.input_audio)) {
    const { data, format } = p.input_audio;
    const mimeType = typeof format === 'string' ? ownValue(AUDIO, format) : undefined;
    if (typeof data === 'string' && mimeType && Object.keys(p.input_audio).length === 2) {
      return extras(['type', 'input_audio'], { inlineData: { mimeType, data } });
    }
  }
  if (p.type === 'file' && isObject(p.file)) {
    const data = dataUrl(p.file.file_data);
    if (data && Object.keys(p.file).every((k) => k === 'file_data' || k === 'filename')) {
      const blob: JsonObject = { mimeType: data.mediaType, data: data.data };
      if (p.file.filename !== undefined) blob.displayName = p.file.filename;
      return extras(['type', 'file'], { inlineData: blob });
    }
  }
  ctx.keep(
    outAt,
    at,
    p.type === 'file'
      ? "an OpenAI file id means nothing to Gemini; give the file's data"
      : `Gemini has no part for '${elide(String(p.type))}'`,
  );
  return p;
}

function tools(ctx: Ctx, body: JsonObject, out: JsonObject): void {
  const list = ctx.optional(body, 'tools', []);
  if (Array.isArray(list)) {
    const declarations: Json[] = [];
    const others: Json[] = [];
    list.forEach((tool, i) => {
      if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function)) {
        others.push(tool);
        ctx.keep(
          [OUT, 'tools', 1, others.length - 1],
          ['tools', i],
          'only function tools map to Gemini function declarations',
        );
        return;
      }
      const fn = tool.function;
      const declaration: JsonObject = { name: fn.name as Json };
      if (fn.description !== undefined) declaration.description = fn.description;
      if (fn.parameters !== undefined) declaration.parameters = fn.parameters;
      keepOthers(
        ctx,
        fn,
        ['name', 'description', 'parameters'],
        declaration,
        ['tools', i, 'function'],
        [OUT, 'tools', 0, 'functionDeclarations', declarations.length],
        'no equivalent in a Gemini function declaration',
      );
      declarations.push(declaration);
    });
    const mapped: Json[] = [];
    if (declarations.length > 0) mapped.push({ functionDeclarations: declarations });
    if (others.length > 0) mapped.push(...others);
    setKey(out, 'tools', mapped);
  } else if (list !== undefined) {
    setKey(out, 'tools', list);
    ctx.keep([OUT, 'tools'], ['tools'], 'tools is not a list; kept as it was');
  }
  const choice = ctx.optional(body, 'tool_choice', []);
  if (choice === undefined) return;
  const modes: Record<string, string> = { auto: 'AUTO', none: 'NONE', required: 'ANY' };
  const mode = typeof choice === 'string' ? ownValue(modes, choice) : undefined;
  let config: JsonObject | undefined;
  if (mode !== undefined) config = { mode };
  else if (isObject(choice) && choice.type === 'function' && isObject(choice.function)) {
    config = { mode: 'ANY', allowedFunctionNames: [choice.function.name as Json] };
  }
  if (config) setKey(out, 'toolConfig', { functionCallingConfig: config });
  else {
    setKey(out, 'tool_choice', choice);
    ctx.keep([OUT, 'tool_choice'], ['tool_choice'], 'no equivalent Gemini tool config');
  }
}
