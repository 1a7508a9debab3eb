// What model-aware rules read besides the request: the model table in force and the check date.
// Front ends build one per check (the CLI from --models, the editor from batchlint.models).

import { ModelCatalogue } from './catalogue';
import type { ResolvedModel } from './catalogue';
import type { ModelFacts } from './types';
import type { Severity } from '../types';

export interface RuleContext {
  /** The built-in table, with the user's entries on top. */
  readonly models: ModelCatalogue;
  /** The check date, YYYY-MM-DD (UTC): shutdown dates are compared with it. */
  readonly today: string;
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The built-in table, checked today (or on `today`, for tests). */
export function defaultContext(today?: string): RuleContext {
  if (today !== undefined) return { models: ModelCatalogue.builtIn(), today };
  // Every line asks for it: rebuild only when the UTC day has turned.
  const now = Date.now();
  if (!cached || now >= cachedUntil) {
    cached = { models: ModelCatalogue.builtIn(), today: todayUtc() };
    cachedUntil = (Math.floor(now / DAY) + 1) * DAY;
  }
  return cached;
}

const DAY = 86_400_000;
let cached: RuleContext | undefined;
let cachedUntil = 0;

/** The model a body names, if the table knows it. */
export function modelOf(
  body: Record<string, unknown>,
  context: RuleContext,
): ResolvedModel | undefined {
  return typeof body.model === 'string' ? context.models.resolve(body.model) : undefined;
}

/** `error` for a rule built on sure facts, `info` when the table marks one of them uncertain. */
export function severityFor(
  facts: Readonly<ModelFacts>,
  ...fields: (keyof ModelFacts)[]
): Severity {
  return fields.some((f) => facts.uncertain?.[f] !== undefined) ? 'info' : 'error';
}

/** The API's list of values: `'none', 'low', 'medium', and 'high'`. */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 2) return quoted.join(' and ');
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}
