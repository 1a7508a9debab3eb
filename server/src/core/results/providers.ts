// Result lines of other providers' batches, read into the one RequestResult shape the matcher
// puts on input lines:
// - Anthropic Message Batches: {"custom_id", "result": {"type": "succeeded", "message"} |
//   {"type": "errored", "error": {"type": "error", "error": {"type", "message"}}} |
//   {"type": "canceled"} | {"type": "expired"}};
// - Gemini API batch mode: {"key", "response": GenerateContentResponse} or {"key", "error" |
//   "status": {"code", "message", "status"}};
// - Vertex AI batch prediction: {"request", "response", "status": ""} (the request echoed, no id:
//   matched by the request itself; a non-empty status is the error);
// - Amazon Bedrock: {"recordId", "modelInput", "modelOutput"} or {…, "error": {"errorCode",
//   "errorMessage"}}.
// Each provider's error words are kept as given; where they name a field (Anthropic's
// `messages.0.content`, Google's `GenerateContentRequest.contents[0]`, Bedrock's `#/messages/0`)
// the problem is put on that value.

import type { JsonPath } from '../types';
import { isObject } from '../json';
import type { RequestResult, ResultError } from './record';
import type { Usage } from './usage';
import { parseParam } from './param-path';
import { elide } from '../words';

type Obj = Record<string, unknown>;

/** The keys of the input line a provider's result is about. */
export interface ResultShape {
  /** The input's request id key (`custom_id`, `key`, `recordId`); null: matched by request. */
  idKey: string | null;
  /** The input's body key, which an error's field path starts in. */
  bodyKey: string;
}

const ANTHROPIC: ResultShape = { idKey: 'custom_id', bodyKey: 'params' };
const GEMINI: ResultShape = { idKey: 'key', bodyKey: 'request' };
const VERTEX: ResultShape = { idKey: null, bodyKey: 'request' };
const BEDROCK: ResultShape = { idKey: 'recordId', bodyKey: 'modelInput' };

/** A provider's result, or a reason it is not one; undefined when the line is OpenAI's shape. */
export type ProviderRead = (RequestResult & { shape: ResultShape }) | { malformed: string };

/** Reads a parsed result line of Anthropic, Gemini, Vertex or Bedrock; undefined for OpenAI's. */
export function readProviderResult(line: Obj): ProviderRead | undefined {
  if (typeof line.custom_id === 'string' && isObject(line.result))
    return anthropic(line.custom_id, line.result);
  if ('recordId' in line) return bedrock(line);
  if ('key' in line && !('custom_id' in line)) return gemini(line);
  if (isObject(line.request) && !('custom_id' in line)) return vertex(line);
  return undefined;
}

function anthropic(customId: string, result: Obj): ProviderRead {
  const base = { customId, shape: ANTHROPIC };
  switch (result.type) {
    case 'succeeded': {
      const message = isObject(result.message) ? result.message : {};
      const out: RequestResult & { shape: ResultShape } = { ...base, status: 'succeeded' };
      const usage = anthropicUsage(message.usage);
      if (usage) out.usage = usage;
      if (typeof message.stop_reason === 'string') out.finishReason = message.stop_reason;
      if (typeof message.model === 'string') out.model = message.model;
      return out;
    }
    case 'errored': {
      // {type: "error", error: {type: "invalid_request_error", message}}
      const outer = isObject(result.error) ? result.error : {};
      const inner = isObject(outer.error) ? outer.error : outer;
      const message = typeof inner.message === 'string' ? inner.message : 'The request failed.';
      const error: ResultError = { message, ...dottedField(message) };
      if (typeof inner.type === 'string') error.code = inner.type;
      return { ...base, status: 'failed', error };
    }
    case 'canceled':
      return {
        ...base,
        status: 'cancelled',
        error: {
          message: "result.type 'canceled': the batch was canceled before this request ran.",
        },
      };
    case 'expired':
      return {
        ...base,
        status: 'expired',
        error: { message: "result.type 'expired': the batch expired before this request ran." },
      };
    default:
      return {
        malformed: `The result for custom_id '${elide(customId)}' has a result.type of ${JSON.stringify(result.type ?? null)}, not succeeded, errored, canceled or expired.`,
      };
  }
}

/** Anthropic's input_tokens leave out the cache's reads and writes: they are added back. */
function anthropicUsage(value: unknown): Usage | undefined {
  if (!isObject(value)) return undefined;
  const input = count(value.input_tokens);
  if (input === undefined) return undefined;
  const read = count(value.cache_read_input_tokens) ?? 0;
  const written = count(value.cache_creation_input_tokens) ?? 0;
  const output = count(value.output_tokens) ?? 0;
  const all = input + read + written;
  return { input: all, output, cachedInput: read, reasoning: 0, total: all + output };
}

/** `messages.0.content.1.type: Input should be …` → the path before the colon. */
function dottedField(message: string): { path?: JsonPath; param?: string } {
  const match = /^([A-Za-z_]\w*(?:\.\w+)*): /.exec(message);
  if (!match) return {};
  const path = match[1]!.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return { path, param: match[1]! };
}

function gemini(line: Obj): ProviderRead {
  const key = line.key;
  if (typeof key !== 'string')
    return { malformed: 'This result line has no key, so it cannot be matched to a request.' };
  return googleResult(key, line, GEMINI);
}

function vertex(line: Obj): ProviderRead {
  return googleResult(requestKey(line.request), line, VERTEX);
}

/** Gemini's and Vertex's outcome: a response, or an error (an object, or Vertex's status text). */
function googleResult(id: string, line: Obj, shape: ResultShape): ProviderRead {
  const base = { customId: id, shape };
  const failure = isObject(line.error)
    ? line.error
    : isObject(line.status)
      ? line.status
      : undefined;
  const statusText =
    typeof line.status === 'string' && line.status !== '' ? line.status : undefined;
  if (failure || statusText) {
    const message =
      statusText ??
      (typeof failure!.message === 'string' ? failure!.message : 'The request failed.');
    const error: ResultError = { message, ...googleField(message) };
    if (failure && typeof failure.status === 'string') error.code = failure.status;
    const out: RequestResult & { shape: ResultShape } = { ...base, status: 'failed', error };
    if (failure && typeof failure.code === 'number') out.statusCode = failure.code;
    return out;
  }
  const response = line.response;
  if (!isObject(response))
    return {
      malformed: `The result for ${shape.idKey ? `key '${elide(id)}'` : 'this request'} has neither a response nor an error.`,
    };
  const out: RequestResult & { shape: ResultShape } = { ...base, status: 'succeeded' };
  const meta = response.usageMetadata;
  if (isObject(meta)) {
    const input = count(meta.promptTokenCount) ?? 0;
    const thoughts = count(meta.thoughtsTokenCount) ?? 0;
    const output = (count(meta.candidatesTokenCount) ?? 0) + thoughts;
    out.usage = {
      input,
      output,
      cachedInput: count(meta.cachedContentTokenCount) ?? 0,
      reasoning: thoughts,
      total: count(meta.totalTokenCount) ?? input + output,
    };
  }
  const candidate = Array.isArray(response.candidates) ? response.candidates[0] : undefined;
  if (isObject(candidate) && typeof candidate.finishReason === 'string')
    out.finishReason = candidate.finishReason;
  if (typeof response.modelVersion === 'string') out.model = response.modelVersion;
  return out;
}

/**
 * Google's field names in its errors: `* GenerateContentRequest.contents[0].parts: …` or
 * `Unknown name "x" at 'generation_config': …`.
 */
function googleField(message: string): { path?: JsonPath; param?: string } {
  const match =
    /GenerateContentRequest\.([\w.[\]]+):/.exec(message) ?? / at '([\w.[\]]+)'/.exec(message);
  const path = match ? parseParam(match[1]!) : undefined;
  return path
    ? { path: path.map((s) => (typeof s === 'string' ? camel(s) : s)), param: match![1]! }
    : {};
}

/** Proto field names are written in snake_case in errors; request lines mostly use camelCase. */
function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function bedrock(line: Obj): ProviderRead {
  const id = line.recordId;
  if (typeof id !== 'string')
    return { malformed: 'This result line has no recordId, so it cannot be matched to a record.' };
  const base = { customId: id, shape: BEDROCK };
  if (isObject(line.error)) {
    const { errorCode, errorMessage } = line.error;
    const message = typeof errorMessage === 'string' ? errorMessage : 'The record failed.';
    const pointer = /(#(?:\/[^\s:/]+)*): /.exec(message)?.[1];
    const path = pointer
      ?.split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const error: ResultError = {
      message,
      ...(path && path.length > 0 && { path, param: pointer }),
    };
    const out: RequestResult & { shape: ResultShape } = { ...base, status: 'failed', error };
    if (typeof errorCode === 'number') out.statusCode = errorCode;
    return out;
  }
  const output = line.modelOutput;
  if (!isObject(output))
    return {
      malformed: `The result for recordId '${elide(id)}' has neither a modelOutput nor an error.`,
    };
  const out: RequestResult & { shape: ResultShape } = { ...base, status: 'succeeded' };
  // Claude's usage {input_tokens, output_tokens}, Nova's {inputTokens, outputTokens}.
  const usage = isObject(output.usage) ? output.usage : undefined;
  const input = count(usage?.input_tokens) ?? count(usage?.inputTokens);
  if (input !== undefined) {
    const produced = count(usage?.output_tokens) ?? count(usage?.outputTokens) ?? 0;
    out.usage = { input, output: produced, cachedInput: 0, reasoning: 0, total: input + produced };
  }
  const stop = output.stop_reason ?? output.stopReason;
  if (typeof stop === 'string') out.finishReason = stop;
  if (typeof output.model === 'string') out.model = output.model;
  return out;
}

/**
 * The id of a Vertex request: its JSON with keys sorted and in camelCase (Vertex echoes the
 * request through its own JSON writer, which may reorder and rename them).
 */
export function requestKey(request: unknown): string {
  return JSON.stringify(canonical(request));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isObject(value)) return value;
  const out: Obj = {};
  for (const key of Object.keys(value)
    .map((k) => [camel(k), k] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out[key[0]] = canonical(value[key[1]]);
  return out;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
