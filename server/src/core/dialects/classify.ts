// Which dialect one parsed line is written in, from its keys (sure) or, where the keys are the
// same for several providers, from its url or model name (a guess). The file's dialect is the
// majority of its lines (detect.ts); this is the one place that reads a line's shape, so the
// detection of request bodies sent without an envelope can join it here.

import type { DialectId, Family } from './table';
import { isEndpoint } from '../endpoints';
import { familyOf } from './table';
import { modelKind } from './model-kind';
import { elide } from '../words';

export interface LineDialect {
  dialect: DialectId;
  family: Family;
  /** The line's keys (or url) say so; otherwise its model name only suggests it. */
  sure: boolean;
  /** Why, in a few words, for the status bar's evidence. */
  why: string;
  /**
   * The family the line's keys alone show, where its model points elsewhere: a `{custom_id,
   * body}` line naming an OpenAI model is of the OpenAI family but has bare keys. Such a line is
   * read in a chosen dialect of its keys' family (a Together file's line naming gpt-4o).
   */
  keys?: Family;
  /**
   * The line tells its family only: a `{custom_id, body}` line without a model reads the same
   * for Mistral and Fireworks (the job names the model). It counts for the family; the dialect
   * is then the one other lines show, `dialect` only when none does.
   */
  weak?: boolean;
}

/**
 * Body keys only one of the providers whose lines may leave the model to the job documents:
 * Mistral's chat (safe_prompt, random_seed, prompt_mode) and OCR (document, pages,
 * include_image_base64), docs.mistral.ai API reference; Fireworks' sampling extensions
 * (repetition_penalty, min_p, typical_p, mirostat_*, context_length_exceeded_behavior,
 * prompt_truncate_len), docs.fireworks.ai API reference.
 */
const OWN_KEYS: [DialectId, readonly string[]][] = [
  [
    'mistral',
    ['safe_prompt', 'random_seed', 'prompt_mode', 'document', 'pages', 'include_image_base64'],
  ],
  [
    'fireworks',
    [
      'repetition_penalty',
      'min_p',
      'typical_p',
      'mirostat_lr',
      'mirostat_target',
      'context_length_exceeded_behavior',
      'prompt_truncate_len',
    ],
  ],
];

const has = (line: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(line, key);

function of(dialect: DialectId, sure: boolean, why: string, keys?: Family): LineDialect {
  const family = familyOf(dialect);
  return keys !== undefined && keys !== family
    ? { dialect, family, sure, why, keys }
    : { dialect, family, sure, why };
}

/** What most lines are; one object, shared (nobody changes a LineDialect). */
const OPENAI_LINE: LineDialect = Object.freeze(of('openai', false, 'method + url'));

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
  // A GenerateContentRequest written without its request wrapper: Gemini's line missing it.
  if (has(line, 'contents') && !has(line, 'body') && !has(line, 'custom_id')) {
    return has(line, 'key')
      ? of('gemini', false, 'key + contents without request')
      : of('vertex', false, 'contents without request');
  }
  const model = modelName(line.body);
  const kind = model === undefined ? undefined : modelKind(model);
  if (has(line, 'method') || has(line, 'url')) {
    const url = line.url;
    if (typeof url === 'string' && !url.startsWith('/v1/') && isEndpoint(`/v1${url}`)) {
      return of('azure', true, `url '${elide(url)}' without /v1`);
    }
    if (kind === 'open-weight' || kind === 'mistral' || kind === 'fireworks') {
      return of('openai-compatible', false, `model '${elide(String(model))}'`);
    }
    return OPENAI_LINE;
  }
  if (has(line, 'body')) {
    if (model === undefined) return withoutModel(line.body);
    switch (kind) {
      case 'fireworks':
        return of('fireworks', false, `model '${elide(model)}'`);
      case 'mistral':
        return of('mistral', false, `model '${elide(model)}'`);
      // A model of OpenAI's or Anthropic's says whose batch the line was meant for: an OpenAI
      // line missing method and url, an Anthropic request put under body instead of params.
      case 'openai':
        return of('openai', false, `OpenAI model '${elide(model)}'`, 'bare');
      case 'anthropic':
        return of('anthropic', false, `Anthropic model '${elide(model)}' under body`, 'bare');
      default:
        return of('together', false, 'custom_id + body with a model');
    }
  }
  return undefined;
}

function modelName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const model = (body as Record<string, unknown>).model;
  return typeof model === 'string' ? model : undefined;
}

/** A `{custom_id, body}` line that leaves the model to the job: Mistral's or Fireworks'. */
function withoutModel(body: unknown): LineDialect {
  const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  for (const [dialect, own] of OWN_KEYS) {
    const key = keys.find((k) => own.includes(k));
    if (key) return of(dialect, false, `custom_id + body with ${key}, no model`);
  }
  return {
    ...of(
      'mistral',
      false,
      'custom_id + body, no model: Mistral AI and Fireworks AI lines look alike; --dialect chooses',
    ),
    weak: true,
  };
}
