// Chat `messages` → responses `input` items. Every message keeps its relative order; assistant tool
// calls become their own items right after the assistant message, and tool results become
// function_call_output items. System and developer messages stay items (never `instructions`), so
// their order is kept and the "json" word rule of JSON mode still sees them.

import type { JsonPath, PathSegment } from '../types';
import type { Ctx, Json, JsonObject } from './context';
import { carryUnknown, has, isObject } from './context';
import { convertToolCall, convertToolResult } from './calls';
import { convertParts } from './parts';
import type { PartFlavor } from './parts';

const PLAIN_KNOWN = new Set(['role', 'content', 'name']);
const ASSISTANT_KNOWN = new Set([
  'role',
  'content',
  'refusal',
  'name',
  'audio',
  'tool_calls',
  'function_call',
]);

const NAME_REASON =
  'no equivalent: responses messages have no participant name; kept as it was (merge it into the text, or remove it)';
const AUDIO_REASON =
  'no equivalent: responses cannot refer to an earlier audio response; kept as it was';
const FUNCTION_CALL_REASON =
  'no safe mapping: the deprecated function_call has no call id to pair with a result; kept as it was (rewrite it as tool_calls)';
const FUNCTION_ROLE_REASON =
  'no safe mapping: deprecated function-role results have no call id; kept as it was (rewrite it as a tool message)';

/** The state carried across messages: ids of custom tool calls, so their results get the right type. */
interface Conversation {
  readonly customCallIds: Set<string>;
}

export function convertMessages(ctx: Ctx, messages: Json[], outPath: JsonPath): Json[] {
  const items: Json[] = [];
  const conv: Conversation = { customCallIds: new Set() };
  messages.forEach((message, i) => {
    const inPath = ['messages', i];
    const at = (): JsonPath => [...outPath, items.length];
    if (!isObject(message)) {
      ctx.keep(at(), inPath, 'not a message object; kept as it was');
      items.push(message);
      return;
    }
    switch (message.role) {
      case 'system':
      case 'developer':
      case 'user':
        items.push(plainMessage(ctx, message, at(), inPath));
        return;
      case 'assistant':
        items.push(...assistantMessage(ctx, message, conv, outPath, items.length, inPath));
        return;
      case 'tool':
        items.push(convertToolResult(ctx, message, conv.customCallIds, at(), inPath));
        return;
      case 'function':
        ctx.keep(at(), inPath, FUNCTION_ROLE_REASON);
        items.push(message);
        return;
      default:
        ctx.keep(at(), inPath, 'unknown message role; kept as it was');
        items.push(message);
    }
  });
  return items;
}

function plainMessage(
  ctx: Ctx,
  message: JsonObject,
  out: JsonPath,
  inPath: readonly PathSegment[],
): JsonObject {
  const item: JsonObject = { role: message.role as Json };
  if (has(message, 'content')) {
    item.content = convertContent(ctx, message.content as Json, 'input', out, inPath);
  }
  keepName(ctx, message, item, out, inPath);
  carryUnknown(ctx, message, PLAIN_KNOWN, item, out, inPath);
  return item;
}

/** Content is required on these roles, so even a null is copied as it was, never dropped. */
export function convertContent(
  ctx: Ctx,
  content: Json,
  flavor: PartFlavor,
  out: JsonPath,
  inPath: readonly PathSegment[],
): Json {
  if (Array.isArray(content)) {
    return convertParts(ctx, content, flavor, [...out, 'content'], [...inPath, 'content']);
  }
  if (typeof content !== 'string' && content !== null) {
    ctx.keep(
      [...out, 'content'],
      [...inPath, 'content'],
      'content is neither a string nor an array; kept as it was',
    );
  }
  return content;
}

function keepName(
  ctx: Ctx,
  message: JsonObject,
  item: JsonObject,
  out: JsonPath,
  inPath: readonly PathSegment[],
): void {
  const name = ctx.optional(message, 'name', inPath);
  if (name === undefined) return;
  item.name = name;
  ctx.keep([...out, 'name'], [...inPath, 'name'], NAME_REASON);
}

/**
 * One assistant message → an optional message item followed by one item per tool call. The
 * message item is left out only when it would hold nothing but its role (content null or absent,
 * no refusal, nothing kept on it), the usual shape of a tool-calling turn.
 */
function assistantMessage(
  ctx: Ctx,
  message: JsonObject,
  conv: Conversation,
  outPath: JsonPath,
  index: number,
  inPath: readonly PathSegment[],
): Json[] {
  const out: JsonPath = [...outPath, index];
  const item: JsonObject = { role: 'assistant' };
  const content = ctx.optional(message, 'content', inPath);
  if (content !== undefined) item.content = convertContent(ctx, content, 'output', out, inPath);
  addRefusal(ctx, message, item, out, inPath);
  keepName(ctx, message, item, out, inPath);
  for (const [key, reason] of [
    ['audio', AUDIO_REASON],
    ['function_call', FUNCTION_CALL_REASON],
  ] as const) {
    const value = ctx.optional(message, key, inPath);
    if (value === undefined) continue;
    item[key] = value;
    ctx.keep([...out, key], [...inPath, key], reason);
  }
  carryUnknown(ctx, message, ASSISTANT_KNOWN, item, out, inPath);

  const calls = ctx.optional(message, 'tool_calls', inPath);
  if (calls !== undefined && !(Array.isArray(calls) && calls.length > 0)) {
    // An empty or non-array tool_calls is invalid in chat; there is nothing to turn into items.
    item.tool_calls = calls;
    ctx.keep(
      [...out, 'tool_calls'],
      [...inPath, 'tool_calls'],
      'not a non-empty array of tool calls; kept as it was',
    );
  }
  const callList = Array.isArray(calls) && calls.length > 0 ? calls : [];
  const emitItem = Object.keys(item).length > 1 || callList.length === 0;
  const result: Json[] = emitItem ? [item] : [];
  callList.forEach((call, k) => {
    const callOut: JsonPath = [...outPath, index + result.length];
    result.push(
      convertToolCall(ctx, call, conv.customCallIds, callOut, [...inPath, 'tool_calls', k]),
    );
  });
  return result;
}

/** Chat's message-level `refusal` string becomes a refusal content part, after any content. */
function addRefusal(
  ctx: Ctx,
  message: JsonObject,
  item: JsonObject,
  out: JsonPath,
  inPath: readonly PathSegment[],
): void {
  const refusal = ctx.optional(message, 'refusal', inPath);
  if (refusal === undefined) return;
  if (typeof refusal !== 'string' || (has(item, 'content') && !isContentList(item.content))) {
    item.refusal = refusal;
    ctx.keep(
      [...out, 'refusal'],
      [...inPath, 'refusal'],
      'refusal could not be added to the content; kept as it was',
    );
    return;
  }
  const part: JsonObject = { type: 'refusal', refusal };
  const content = item.content;
  if (content === undefined) item.content = [part];
  else if (typeof content === 'string')
    item.content = [{ type: 'output_text', text: content }, part];
  else (content as Json[]).push(part);
}

function isContentList(content: Json | undefined): boolean {
  return typeof content === 'string' || Array.isArray(content);
}
