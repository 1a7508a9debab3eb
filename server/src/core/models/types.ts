// The shape of the model table (data/models.json, schemas/models.schema.json): what batchlint
// knows per model, each fact optional. A missing fact means no rule is built on it.

import type { Endpoint } from '../types';

/** Reasoning efforts, from least to most reasoning (the spec's ReasoningEffort enum). */
export const EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'] as const;
export type Effort = (typeof EFFORTS)[number];

/** USD per 1M tokens. */
export interface Price {
  input: number;
  cachedInput?: number;
  output: number;
}

/**
 * How a model treats temperature, top_p, the penalties, logprobs and logit_bias:
 * - `any`: any value;
 * - `default-only`: only the default (Chat words a refused value "Only the default (1) value is
 *   supported"; Responses refuses the parameter);
 * - `when-effort-none`: any value while the reasoning effort is `none`, else as `default-only`;
 * - `refused`: the parameter itself is refused, on both endpoints.
 * A value equal to the default is never refused (sources show temperature 1 accepted).
 */
export type Sampling = 'any' | 'default-only' | 'when-effort-none' | 'refused';

/**
 * How the model bills an image input (vision guide, "Calculating costs"): `tile` is `base` tokens
 * plus `tile` per 512-px tile (`detail: low` is the base alone); `patch` is 32-px patches, at most
 * 1,536, times `multiplier`.
 */
export type ImageTokens =
  | { kind: 'tile'; base: number; tile: number; source: string }
  | { kind: 'patch'; multiplier: number; source: string };

export type Tier = 'tier1' | 'tier2' | 'tier3' | 'tier4' | 'tier5';

/** The facts of one model. Names of fields are what `uncertain` refers to. */
export interface ModelFacts {
  /** Inherit every fact of this model (an id, alias, snapshot or ft: name); own fields override. */
  base?: string;
  /** Other names of this model (dated snapshots); never inherited. */
  aliases?: string[];
  endpoints?: Endpoint[];
  /** Whether the Batch API runs the model. */
  batch?: boolean;
  /** Tokens in and out of one request. */
  contextWindow?: number;
  maxInputTokens?: number;
  maxOutputTokens?: number;
  inputModalities?: ('text' | 'image' | 'audio' | 'file')[];
  /** The Chat Completions output cap: `max_completion_tokens` only, or either name. */
  tokenLimitParam?: 'max_tokens' | 'max_completion_tokens';
  /** false: the model refuses reasoning parameters. */
  reasoning?: false | { efforts: Effort[]; default?: Effort };
  sampling?: Sampling;
  verbosity?: ('low' | 'medium' | 'high')[];
  /** `refused`: system messages are refused (the API asks for `developer`). */
  systemMessages?: 'accepted' | 'refused';
  structuredOutputs?: boolean;
  tools?: boolean;
  /** Embeddings `dimensions`: the accepted range, or false when the parameter is refused. */
  dimensions?: false | { min: number; max: number };
  /** Deprecated; `shutdown` (YYYY-MM-DD) is when the API stops serving it, where announced. */
  deprecation?: { shutdown?: string; replacement?: string; source: string };
  prices?: { standard?: Price; batch?: Price };
  /** Enqueued prompt tokens per usage tier. */
  batchQueueLimits?: Partial<Record<Tier, number>>;
  tokenizer?: 'o200k_base' | 'cl100k_base';
  /** The image token formula, where published. */
  imageTokens?: ImageTokens;
  /** Where the facts come from (URLs). */
  sources?: string[];
  /** When the facts were last checked (YYYY-MM-DD). */
  asOf?: string;
  /** Fields whose sources disagree or are second-hand, with why; rules on them report info. */
  uncertain?: Partial<Record<keyof ModelFacts, string>>;
}

/** A model table file: the built-in one, or a user's `--models` file. */
export interface ModelsFile {
  asOf?: string;
  notes?: string;
  models: Record<string, ModelFacts>;
}
