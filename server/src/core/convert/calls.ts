// Tool-call history: assistant `tool_calls[]` entries → function_call / custom_tool_call items, and
// `tool` messages → function_call_output / custom_tool_call_output items. Chat pairs a call and
// its result by `id` / `tool_call_id`; responses by `call_id` on both sides.

import type { JsonPath, PathSegment } from '../types';
import type { Ctx, Json, JsonObject } from './context';
import { canFlatten, carryUnknown, has, isObject } from './context';
import { convertParts } from './parts';

const FUNCTION_CALL_KNOWN = new Set(['id', 'type', 'function']);
const CUSTOM_CALL_KNOWN = new Set(['id', 'type', 'custom']);
const FUNCTION_INNER_KNOWN = new Set(['name', 'arguments']);
const CUSTOM_INNER_KNOWN = new Set(['name', 'input']);
const CALL_RESERVED = new Set(['type', 'call_id', 'name', 'arguments', 'input']);
const TOOL_MESSAGE_KNOWN = new Set(['role', 'tool_call_id', 'content']);
const RESULT_RESERVED = new Set(['type', 'call_id', 'output']);

export function convertToolCall(
  ctx: Ctx,
  call: Json,
  customCallIds: Set<string>,
  out: JsonPath,
  inPath: readonly PathSegment[],
): Json {
  const keepWhole = (reason: string): Json => {
    ctx.keep(out, inPath, reason);
    return call;
  };
  if (!isObject(call)) return keepWhole('not a tool call object; kept as it was');
  const kind = call.type;
  if (kind !== 'function' && kind !== 'custom') {
    return keepWhole('unknown tool call type; kept as it was');
  }
  const inner = call[kind];
  const innerKnown = kind === 'function' ? FUNCTION_INNER_KNOWN : CUSTOM_INNER_KNOWN;
  const callKnown = kind === 'function' ? FUNCTION_CALL_KNOWN : CUSTOM_CALL_KNOWN;
  if (
    !isObject(inner) ||
    !canFlatten(
      [
        [call, callKnown],
        [inner, innerKnown],
      ],
      CALL_RESERVED,
    )
  ) {
    return keepWhole(`tool call without a usable ${kind} object; kept as it was`);
  }
  const item: JsonObject = { type: kind === 'function' ? 'function_call' : 'custom_tool_call' };
  if (has(call, 'id')) {
    item.call_id = call.id as Json;
    if (kind === 'custom' && typeof call.id === 'string') customCallIds.add(call.id);
  }
  if (has(inner, 'name')) item.name = inner.name as Json;
  const payload = kind === 'function' ? 'arguments' : 'input';
  if (has(inner, payload)) item[payload] = inner[payload] as Json;
  carryUnknown(ctx, call, callKnown, item, out, inPath);
  carryUnknown(ctx, inner, innerKnown, item, out, [...inPath, kind]);
  return item;
}

/**
 * A `tool` message → the output item for the call it answers. The type follows the call: results
 * of custom tool calls must be custom_tool_call_output. Array content becomes input_text parts
 * (responses rejects output_text inside a call output).
 */
export function convertToolResult(
  ctx: Ctx,
  message: JsonObject,
  customCallIds: ReadonlySet<string>,
  out: JsonPath,
  inPath: readonly PathSegment[],
): Json {
  if (!canFlatten([[message, TOOL_MESSAGE_KNOWN]], RESULT_RESERVED)) {
    ctx.keep(
      out,
      inPath,
      'tool message with keys that would collide when converted; kept as it was',
    );
    return message;
  }
  const id = message.tool_call_id;
  const custom = typeof id === 'string' && customCallIds.has(id);
  const item: JsonObject = { type: custom ? 'custom_tool_call_output' : 'function_call_output' };
  if (has(message, 'tool_call_id')) item.call_id = id as Json;
  if (has(message, 'content')) {
    const content = message.content as Json;
    if (Array.isArray(content)) {
      item.output = convertParts(ctx, content, 'input', [...out, 'output'], [...inPath, 'content']);
    } else {
      item.output = content;
      if (typeof content !== 'string' && content !== null) {
        ctx.keep(
          [...out, 'output'],
          [...inPath, 'content'],
          'content is neither a string nor an array; kept as it was',
        );
      }
    }
  }
  carryUnknown(ctx, message, TOOL_MESSAGE_KNOWN, item, out, inPath);
  return item;
}
