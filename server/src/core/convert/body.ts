// A chat completions body → a responses body. Each input key is handled once, in its original
// order; a mapped key takes the place of the (first) key it came from, and `model` and `input`
// are moved to the front because that is where readers look for them.

import type { Ctx, Json, JsonObject } from './context';
import { has, isObject, UNKNOWN_KEY } from './context';
import { convertMessages } from './messages';
import { numberOf, setKey, writeExact } from './exact-json';
import {
  convertResponseFormat,
  inputMentionsJson,
  keptReason,
  LOGPROBS_INCLUDE,
  MIN_OUTPUT_TOKENS,
} from './params';
import { chatParamFate } from '../schema/chat-to-responses';
import { schemaFacts } from '../generated';
import { convertToolChoice, convertTools, functionCallToChoice } from './tools';

const BODY = 'body';

/** The top-level parameters of a /v1/responses body (its schema's keys). */
const RESPONSES_KEYS: ReadonlySet<string> = new Set(schemaFacts.responses['#']?.keys ?? []);

/**
 * The chat completions parameters of a body that /v1/responses does not take (`messages`,
 * `max_tokens`, `response_format`, …): on a /v1/responses line they are chat fields to convert.
 */
export function chatOnlyKeys(body: JsonObject): string[] {
  return Object.keys(body).filter(
    (key) => !RESPONSES_KEYS.has(key) && chatParamFate(key).kind !== 'unknown',
  );
}

/**
 * Converts a body's chat completions parameters to their responses form. `from` says what the body
 * is: `chat`, a chat completions body (every key is read as a chat parameter); `responses`, a
 * /v1/responses body written with some chat fields (keys /v1/responses takes are kept as written,
 * only the chat-only ones are converted).
 */
export function convertBody(
  ctx: Ctx,
  body: JsonObject,
  from: 'chat' | 'responses' = 'chat',
): JsonObject {
  const out = new Map<string, Json>();
  const text: { format?: Json; verbosity?: Json } = {};
  const keep = (key: string, reason: string): void => {
    out.set(key, body[key] as Json);
    ctx.keep([BODY, key], [key], reason);
  };
  /** A target already written by the user (under its responses name) blocks the mapping. */
  const blocked = (key: string, target: string): boolean => {
    if (!has(body, target)) return false;
    keep(key, `not converted: the body already has a '${target}' key; kept as it was`);
    return true;
  };
  const tokens = maxTokens(ctx, body);

  for (const key of Object.keys(body)) {
    if (key === 'model' || (from === 'responses' && RESPONSES_KEYS.has(key))) {
      out.set(key, body[key] as Json);
      continue;
    }
    // What maps and what stays for a decision is the schemas' knowledge (x-batchlint annotations).
    const fate = chatParamFate(key);
    if (fate.kind === 'same') {
      const value = ctx.optional(body, key, []);
      if (value !== undefined) out.set(key, value);
      continue;
    }
    const reason = keptReason(fate);
    if (reason !== undefined) {
      const value = ctx.optional(body, key, []);
      if (value === undefined) continue;
      if (key === 'n' && numberOf(value) === 1) {
        ctx.change([key], 'dropped', '1 (responses always returns one generation)');
        continue;
      }
      keep(key, reason);
      continue;
    }
    switch (key) {
      case 'messages': {
        if (blocked(key, 'input')) break;
        const messages = body.messages as Json;
        if (Array.isArray(messages))
          out.set('input', convertMessages(ctx, messages, [BODY, 'input']));
        else keep(key, 'not an array of messages; kept as it was');
        break;
      }
      case 'tools':
      case 'functions':
        convertToolLists(ctx, body, key, out);
        break;
      case 'tool_choice': {
        const value = ctx.optional(body, key, []);
        if (value !== undefined) out.set(key, convertToolChoice(ctx, value, [BODY, key], [key]));
        break;
      }
      case 'function_call': {
        const value = ctx.optional(body, key, []);
        if (value === undefined) break;
        if (body.tool_choice !== undefined && body.tool_choice !== null) {
          keep(key, 'not converted: tool_choice is also given; kept as it was');
          break;
        }
        const choice = functionCallToChoice(ctx, value, [BODY, 'tool_choice'], [key]);
        if (choice === undefined)
          keep(key, 'not a function_call form that maps to tool_choice; kept as it was');
        else out.set('tool_choice', choice);
        break;
      }
      case 'response_format':
      case 'verbosity': {
        const value = ctx.optional(body, key, []);
        if (value === undefined || blocked(key, 'text')) break;
        if (key === 'verbosity') text.verbosity = value;
        else {
          const format = convertResponseFormat(ctx, value, [BODY, 'text', 'format'], [key]);
          if (format === undefined) {
            keep(key, 'not a response format that maps to text.format; kept as it was');
            break;
          }
          text.format = format;
        }
        if (!out.has('text')) out.set('text', null); // reserves the place; filled in below
        break;
      }
      case 'max_tokens':
      case 'max_completion_tokens':
        if (ctx.optional(body, key, []) === undefined || blocked(key, 'max_output_tokens')) break;
        if (tokens.keep === key) {
          keep(
            key,
            'not converted: max_completion_tokens is also given, with another value; kept as it was',
          );
        } else if (!out.has('max_output_tokens'))
          out.set('max_output_tokens', tokens.value ?? null);
        break;
      case 'reasoning_effort': {
        const value = ctx.optional(body, key, []);
        if (value !== undefined && !blocked(key, 'reasoning'))
          out.set('reasoning', { effort: value });
        break;
      }
      case 'logprobs': {
        const value = ctx.optional(body, key, []);
        if (value === undefined || blocked(key, 'include')) break;
        if (value === true) out.set('include', [LOGPROBS_INCLUDE]);
        else if (value === false)
          ctx.change([key], 'dropped', 'false (responses returns no logprobs unless asked)');
        else keep(key, 'not a boolean; kept as it was');
        break;
      }
      default:
        keep(key, UNKNOWN_KEY);
    }
  }

  if (out.has('text')) {
    const value: JsonObject = {};
    if (text.format !== undefined) value.format = text.format;
    if (text.verbosity !== undefined) value.verbosity = text.verbosity;
    out.set('text', value);
  }
  finishNotes(ctx, body, out, tokens, from);
  return order(out);
}

/** Settles max_tokens vs max_completion_tokens before the walk (either may come first). */
function maxTokens(ctx: Ctx, body: JsonObject): { value?: Json; source?: string; keep?: string } {
  // Read without ctx.optional: the walk reads each key again and records dropped nulls in order.
  const legacy = body.max_tokens ?? undefined;
  const current = body.max_completion_tokens ?? undefined;
  if (legacy !== undefined && current !== undefined) {
    if (writeExact(legacy) === writeExact(current)) {
      ctx.change(
        ['max_tokens'],
        'dropped',
        'the same value as max_completion_tokens, which is kept',
      );
      return { value: current, source: 'max_completion_tokens' };
    }
    // The non-deprecated one wins; the other stays for the user to resolve.
    return { value: current, source: 'max_completion_tokens', keep: 'max_tokens' };
  }
  if (current !== undefined) return { value: current, source: 'max_completion_tokens' };
  if (legacy !== undefined) return { value: legacy, source: 'max_tokens' };
  return {};
}

function convertToolLists(
  ctx: Ctx,
  body: JsonObject,
  key: 'tools' | 'functions',
  out: Map<string, Json>,
): void {
  const value = ctx.optional(body, key, []);
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    out.set(key, value);
    ctx.keep([BODY, key], [key], 'not an array of tools; kept as it was');
    return;
  }
  // `tools` comes first in the merged list whichever key came first, so indices are stable.
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const start = key === 'functions' ? tools.length : 0;
  if (
    key === 'functions' &&
    body.tools !== undefined &&
    body.tools !== null &&
    !Array.isArray(body.tools)
  ) {
    out.set(key, value);
    ctx.keep(
      [BODY, key],
      [key],
      'not converted: tools is not an array to add these to; kept as it was',
    );
    return;
  }
  const converted = convertTools(ctx, value, [BODY, 'tools'], start, key);
  const existing = out.get('tools');
  if (Array.isArray(existing)) {
    if (key === 'functions') existing.push(...converted);
    else existing.unshift(...converted);
  } else out.set('tools', converted);
}

function finishNotes(
  ctx: Ctx,
  body: JsonObject,
  out: Map<string, Json>,
  tokens: { value?: Json; source?: string },
  from: 'chat' | 'responses',
): void {
  const limit = numberOf(out.get('max_output_tokens'));
  if (
    limit !== undefined &&
    limit < MIN_OUTPUT_TOKENS &&
    tokens.source &&
    !has(body, 'max_output_tokens')
  ) {
    // Raising the limit would change the request; the user decides.
    ctx.keep(
      [BODY, 'max_output_tokens'],
      [tokens.source],
      `needs a decision: responses requires max_output_tokens >= ${MIN_OUTPUT_TOKENS}; the value ${limit} was kept`,
    );
  }
  const format = out.get('text');
  if (isObject(format) && isObject(format.format) && format.format.type === 'json_object') {
    if (!inputMentionsJson(out.get('input') ?? null)) {
      ctx.note(
        'JSON mode: responses requires the word "json" in the input messages (instructions do not count).',
      );
    }
  }
  const stream = out.get('stream_options');
  if (isObject(stream) && has(stream, 'include_usage')) {
    ctx.keep(
      [BODY, 'stream_options', 'include_usage'],
      ['stream_options', 'include_usage'],
      'no equivalent: responses streams always end with usage; kept as it was',
    );
  }
  if (from === 'chat' && (body.store === undefined || body.store === null)) {
    ctx.note(
      'responses stores responses by default (store: true); chat did not. Add store: false to keep that.',
    );
  }
}

/** `model` and `input` first, then everything else in the order it was written. */
function order(out: Map<string, Json>): JsonObject {
  const result: JsonObject = {};
  for (const key of ['model', 'input']) if (out.has(key)) result[key] = out.get(key) as Json;
  for (const [key, value] of out) if (!has(result, key)) setKey(result, key, value);
  return result;
}
