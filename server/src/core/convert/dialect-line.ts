// Moving a chat completions line into another provider's batch line: `convert --to anthropic`
// and `--to gemini`, and the quick fix on a dialect_mismatch line. Lossless in the converter's
// sense: what the target has no place for stays in the line where it was (and is reported, so
// the target's check flags exactly it), every value dropped, added or changed is listed.

import { nestsDeeperThan } from '../depth';
import type { JsonObject, Json } from './context';
import { Ctx, isObject } from './context';
import { readExact, setKey, writeExact } from './exact-json';
import type { ExactRead } from './exact-json';
import type { LineConversion } from './index';
import { convertLineToResponses, otherProviderLine, OUTPUT_SHAPE_NOTE, tooDeepLine } from './index';
import { otherProvider } from './other-provider';
import { anthropicBody } from './to-anthropic';
import type { DialectId } from '../dialects/table';
import { dialectInfo, familyOf } from '../dialects/table';
import { geminiRequest } from './to-gemini';

export type DialectTarget = 'anthropic' | 'gemini';

/** The chat completions urls of OpenAI (and Azure's, without /v1). */
const CHAT_URLS = new Set(['/v1/chat/completions', '/chat/completions']);

/** Each target's line: the id key, the body key, and what the body becomes. */
const TARGETS: Record<
  DialectTarget,
  { id: string; body: string; convert: (ctx: Ctx, body: JsonObject) => JsonObject; name: string }
> = {
  anthropic: { id: 'custom_id', body: 'params', convert: anthropicBody, name: 'Anthropic' },
  gemini: { id: 'key', body: 'request', convert: geminiRequest, name: 'Gemini' },
};

/**
 * Converts one chat completions line (OpenAI's or Azure's envelope, or a body without method and
 * url) into `to`'s line. A line already in `to`'s shape is `unchanged`; any other is `not-chat`.
 */
export function convertLineToDialect(lineText: string, to: DialectTarget): LineConversion {
  if (nestsDeeperThan(lineText)) return tooDeepLine(lineText);
  try {
    return convertLine(lineText, to);
  } catch (error) {
    // The stack still ran out (a deep line in a deep call): that line alone, said the same way.
    if (error instanceof RangeError) return tooDeepLine(lineText);
    throw error;
  }
}

function convertLine(lineText: string, to: DialectTarget): LineConversion {
  const same = (status: LineConversion['status'], notes: string[] = [], error?: string) => {
    const result: LineConversion = { status, text: lineText, notCarried: [], changes: [], notes };
    if (error !== undefined) result.error = error;
    return result;
  };
  if (lineText.trim() === '') return same('unchanged');
  let read: ExactRead;
  try {
    JSON.parse(lineText);
    read = readExact(lineText);
  } catch (err) {
    if (err instanceof RangeError) throw err;
    const detail = String(err);
    return same(
      'unparseable',
      [],
      `This line is not valid JSON, so it was not converted (${detail}).`,
    );
  }
  const line = read.value;
  if (!isObject(line)) return same('not-chat', ['Not a request object; nothing to convert.']);
  const target = TARGETS[to];
  if (isObject(line[target.body])) return same('unchanged');
  const provider = otherProvider(line, to);
  if (provider) return otherProviderLine(lineText, provider, to);
  const hasEnvelope = 'method' in line || 'url' in line;
  if (hasEnvelope ? !CHAT_URLS.has(String(line.url)) : !isObject(line.body)) {
    return same('not-chat', [
      `Only chat completions lines are converted; this one's url is ${JSON.stringify(line.url ?? null)}.`,
    ]);
  }
  const ctx = new Ctx();
  for (const { path, key } of read.duplicates) ctx.duplicate(path, key);
  const out: JsonObject = {};
  for (const key of Object.keys(line)) {
    const value = line[key] as Json;
    if (key === 'custom_id') setKey(out, target.id, value);
    else if (key === 'body' && isObject(value))
      setKey(out, target.body, target.convert(ctx, value));
    else if (key === 'method' || key === 'url') continue;
    else {
      setKey(out, key, value);
      ctx.keep([key], [key], `not a key of ${target.name}'s batch line; kept as it was`);
    }
  }
  if (!isObject(line.body))
    ctx.keep(['body'], ['body'], 'the body is not an object; kept as it was');
  if (hasEnvelope) {
    ctx.note(
      `${target.name}'s batch lines have no method or url: the batch is for its generate endpoint.`,
    );
  }
  return {
    status: 'converted',
    text: writeExact(out),
    notCarried: ctx.notCarried,
    changes: ctx.changes,
    notes: ctx.notes,
  };
}

/** Every target of `convert`, in the order the usage lists them. */
export const CONVERT_TARGETS = ['responses', 'anthropic', 'gemini'] as const;
export type ConvertTarget = (typeof CONVERT_TARGETS)[number];

/** Said once per converted file: how the batch's results will look in the target. */
export const RESULTS_NOTE: Record<ConvertTarget, string> = {
  responses: OUTPUT_SHAPE_NOTE,
  anthropic:
    "Anthropic's results are {custom_id, result: {type, message}} lines, the answer in message.content blocks; batches are sent as JSON to POST /v1/messages/batches, this file being the list of its requests.",
  gemini:
    "Gemini's results are {key, response} lines, the answer in response.candidates[0].content.parts; the batch's model is named when it is created.",
};

/** Converts one line for `to`. */
export function convertLineTo(lineText: string, to: ConvertTarget): LineConversion {
  return to === 'responses' ? convertLineToResponses(lineText) : convertLineToDialect(lineText, to);
}

/**
 * Moves a line into the shape of a file's dialect, where that is unambiguous: a chat completions
 * line into an Anthropic or Gemini file; an OpenAI line into a Together, Mistral or Fireworks
 * file (method and url go: the job names the endpoint); a body without method and url into an
 * OpenAI-shaped file (they are added, for the endpoint its keys show). Undefined otherwise.
 */
export function convertLineForDialect(lineText: string, to: DialectId): LineConversion | undefined {
  const family = familyOf(to);
  if (to === 'anthropic' || to === 'gemini') {
    const result = convertLineToDialect(lineText, to);
    return result.status === 'converted' ? result : undefined;
  }
  let line: unknown;
  try {
    line = readExact(lineText).value;
  } catch {
    return undefined;
  }
  if (!isObject(line) || !isObject(line.body)) return undefined;
  const envelope = 'method' in line || 'url' in line;
  if (family === 'bare' && envelope) {
    const out: JsonObject = {};
    for (const key of Object.keys(line)) {
      if (key !== 'method' && key !== 'url') setKey(out, key, line[key] as Json);
    }
    const note = `${dialectInfo(to).name}'s lines have no method or url: the job names the endpoint (it was ${JSON.stringify(line.url ?? null)}).`;
    return {
      status: 'converted',
      text: writeExact(out),
      notCarried: [],
      changes: [],
      notes: [note],
    };
  }
  if (family === 'openai' && !envelope) {
    const body = line.body;
    const path =
      'messages' in body
        ? '/chat/completions'
        : 'input' in body
          ? '/embeddings'
          : 'prompt' in body
            ? '/completions'
            : undefined;
    if (!path) return undefined;
    const url = dialectInfo(to).urls === 'azure' ? path : `/v1${path}`;
    const out: JsonObject = {};
    for (const key of Object.keys(line)) {
      setKey(out, key, line[key] as Json);
      if (key === 'custom_id') {
        out.method = 'POST';
        out.url = url;
      }
    }
    if (!('url' in out)) Object.assign(out, { method: 'POST', url });
    return { status: 'converted', text: writeExact(out), notCarried: [], changes: [], notes: [] };
  }
  return undefined;
}

/** Whether a line of `from` may be moved into a `to` file by convertLineForDialect. */
export function canConvertLine(from: DialectId, to: DialectId): boolean {
  const source = familyOf(from);
  if (to === 'anthropic' || to === 'gemini' || familyOf(to) === 'bare') return source === 'openai';
  return familyOf(to) === 'openai' && source === 'bare';
}
