// Which dialect one parsed line is written in, from its keys (sure) or, where the keys are the
// same for several providers, from its url or model name (a guess). The file's dialect is the
// majority of its lines (detect.ts); this is the one place that reads a line's shape, so the
// detection of request bodies sent without an envelope can join it here.

import type { DialectId, Family } from './table';
import { isEndpoint } from '../endpoints';
import { familyOf } from './table';

export interface LineDialect {
  dialect: DialectId;
  family: Family;
  /** The line's keys (or url) say so; otherwise its model name only suggests it. */
  sure: boolean;
  /** Why, in a few words, for the status bar's evidence. */
  why: string;
}

/** Open-weight model names that OpenAI-compatible servers (vLLM, SGLang, Groq) serve. */
const OPEN_WEIGHT =
  /^(?:[\w.-]+\/|llama|meta-llama|mixtral|mistral|qwen|gemma|deepseek|phi-|falcon|gpt-oss|kimi|moonshot|allam|compound)/i;
const MISTRAL_MODEL =
  /^(?:mistral|open-mistral|open-mixtral|codestral|pixtral|ministral|magistral|devstral|voxtral)/i;

const has = (line: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(line, key);

function of(dialect: DialectId, sure: boolean, why: string): LineDialect {
  return { dialect, family: familyOf(dialect), sure, why };
}

/**
 * The dialect a request line is written in, or undefined when its keys fit none (a line with
 * only a custom_id, a bare request body): such a line is read in the file's dialect.
 */
export function classifyLine(line: Record<string, unknown>): LineDialect | undefined {
  if (has(line, 'recordId') || has(line, 'modelInput')) {
    return of('bedrock', true, 'recordId/modelInput');
  }
  if (has(line, 'params')) return of('anthropic', true, 'a params object');
  if (has(line, 'request')) {
    return has(line, 'key')
      ? of('gemini', true, 'key + request')
      : of('vertex', true, 'request without key');
  }
  const model = modelName(line.body);
  if (has(line, 'method') || has(line, 'url')) {
    const url = line.url;
    if (typeof url === 'string' && !url.startsWith('/v1/') && isEndpoint(`/v1${url}`)) {
      return of('azure', true, `url '${url}' without /v1`);
    }
    if (model !== undefined && OPEN_WEIGHT.test(model)) {
      return of('openai-compatible', false, `model '${model}'`);
    }
    return of('openai', false, 'method + url');
  }
  if (has(line, 'body')) {
    if (model === undefined) return of('mistral', false, 'custom_id + body, no model');
    if (model.startsWith('accounts/')) return of('fireworks', false, `model '${model}'`);
    if (MISTRAL_MODEL.test(model)) return of('mistral', false, `model '${model}'`);
    return of('together', false, 'custom_id + body with a model');
  }
  return undefined;
}

function modelName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const model = (body as Record<string, unknown>).model;
  return typeof model === 'string' ? model : undefined;
}
