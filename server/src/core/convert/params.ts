// Top-level body parameters: the reason shown for one that stays as it was (which ones do is
// the schemas' knowledge, read through chatParamFate), and structured outputs.

import type { JsonPath, PathSegment } from '../types';
import type { ChatParamFate } from '../schema/chat-to-responses';
import type { Ctx, Json, JsonObject } from './context';
import { canFlatten, carryUnknown, has, isObject } from './context';

/**
 * Why a chat parameter stays as it was, from its fate (read from the schemas' annotations, see
 * core/schema/chat-to-responses.ts); undefined when the converter maps it.
 */
export function keptReason(fate: ChatParamFate): string | undefined {
  if (fate.kind === 'none') {
    return `no equivalent: ${fate.why}; kept as it was${fate.hint ? ` (${fate.hint})` : ''}`;
  }
  if (fate.kind === 'undecided') return `${fate.why}; kept as it was`;
  return undefined;
}

export const LOGPROBS_INCLUDE = 'message.output_text.logprobs';

/** Responses rejects a smaller max_output_tokens; chat accepted any positive value. */
export const MIN_OUTPUT_TOKENS = 16;

const FORMAT_KNOWN = new Set(['type', 'json_schema']);
const SIMPLE_FORMAT_KNOWN = new Set(['type']);
const SCHEMA_KNOWN = new Set(['name', 'description', 'schema', 'strict']);
const FORMAT_RESERVED = new Set(['type', 'name', 'description', 'schema', 'strict']);

/**
 * `response_format` → the value of `text.format`, or undefined when it cannot be converted (the
 * caller then keeps it as it was). `out` is where the format will sit: `['body','text','format']`.
 */
export function convertResponseFormat(
  ctx: Ctx,
  format: Json,
  out: JsonPath,
  inPath: readonly PathSegment[],
): JsonObject | undefined {
  if (!isObject(format)) return undefined;
  if (format.type === 'text' || format.type === 'json_object') {
    if (!canFlatten([[format, SIMPLE_FORMAT_KNOWN]], new Set(['type']))) return undefined;
    const result: JsonObject = { type: format.type };
    carryUnknown(ctx, format, SIMPLE_FORMAT_KNOWN, result, out, inPath);
    return result;
  }
  const spec = format.json_schema;
  if (
    format.type !== 'json_schema' ||
    !isObject(spec) ||
    !canFlatten(
      [
        [format, FORMAT_KNOWN],
        [spec, SCHEMA_KNOWN],
      ],
      FORMAT_RESERVED,
    )
  ) {
    return undefined;
  }
  const specPath = [...inPath, 'json_schema'];
  const result: JsonObject = { type: 'json_schema' };
  if (has(spec, 'name')) result.name = spec.name as Json;
  const description = ctx.optional(spec, 'description', specPath);
  if (description !== undefined) result.description = description;
  const schema = ctx.optional(spec, 'schema', specPath);
  if (schema !== undefined) result.schema = schema;
  else {
    // Optional in chat, required in responses. Inventing a schema would change what the model
    // is asked to produce, so the user decides.
    ctx.keep(
      out,
      [...specPath, 'schema'],
      'needs a decision: responses requires text.format.schema, and the chat json_schema has none',
    );
  }
  // Both APIs default strict to false for structured outputs, so an unset value stays unset.
  const strict = ctx.optional(spec, 'strict', specPath);
  if (strict !== undefined) result.strict = strict;
  carryUnknown(ctx, format, FORMAT_KNOWN, result, out, inPath);
  carryUnknown(ctx, spec, SCHEMA_KNOWN, result, out, specPath);
  return result;
}

/** Whether any text the input messages carry contains "json" (JSON mode needs it in the input). */
export function inputMentionsJson(input: Json): boolean {
  const texts: string[] = [];
  const collect = (value: Json): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      for (const key of ['content', 'text', 'output'] as const) {
        if (has(value, key)) collect(value[key] as Json);
      }
    }
  };
  if (Array.isArray(input)) input.forEach((item) => isObject(item) && collect(item));
  return texts.some((text) => /json/i.test(text));
}
