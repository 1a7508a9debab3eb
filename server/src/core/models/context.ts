// What model-aware rules read besides the request: the model table in force and the check date.
// Front ends build one per check (the CLI from --models, the editor from batchlint.models).

import { ModelCatalogue } from './catalogue';
import type { ResolvedModel } from './catalogue';
import type { ModelFacts } from './types';
import type { Severity } from '../types';
import type { DialectId } from '../dialects/table';
import { isCalendarDate, offCalendar } from '../dates';

export interface RuleContext {
  /** The built-in table, with the user's entries on top. */
  readonly models: ModelCatalogue;
  /** The check date, YYYY-MM-DD (UTC): shutdown dates are compared with it. */
  readonly today: string;
  /** The dialect a setting or flag chose; absent, each file's is detected from its lines. */
  readonly dialect?: DialectId;
  /**
   * Without a chosen dialect: the one the file's first lines show. Lines of its family are read
   * in it (an Azure file's typo gets an Azure url suggested); others in their own.
   */
  readonly readAs?: DialectId;
  /**
   * Every custom_id of the file, when all of it is at hand (an editor's document; a stream has
   * not read its later lines): the id a duplicate is offered is then one no line uses, not only
   * no earlier line. Called only once a duplicate is found.
   */
  readonly idsInFile?: () => ReadonlySet<string>;
}

/**
 * The environment variable that pins the check date (YYYY-MM-DD): a CI run then reports the same
 * problems whatever day it runs, until the pin is moved (shutdown dates are otherwise compared
 * with the real date, and a retired model turns a clean file into errors overnight).
 */
export const TODAY_VARIABLE = 'BATCHLINT_TODAY';

/** `BATCHLINT_TODAY` as set, or `undefined` when unset, empty or where there is no environment (a web worker). */
function pinnedText(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.[TODAY_VARIABLE];
  return value === '' ? undefined : value;
}

/**
 * `BATCHLINT_TODAY` as set in the environment: the date when it is a calendar date written
 * YYYY-MM-DD, `invalid` when set to anything else (`pinnedTodayOffCalendar` says why for a date off the calendar), `undefined`
 * when unset or where there is no environment (a web worker).
 */
export function pinnedToday(): string | 'invalid' | undefined {
  const value = pinnedText();
  if (value === undefined) return undefined;
  return isCalendarDate(value) ? value : 'invalid';
}

/**
 * Why `BATCHLINT_TODAY`, written YYYY-MM-DD, is off the calendar (see `offCalendar`); `undefined`
 * when it is unset, a date, or of another shape (which the usage message already describes).
 */
export function pinnedTodayOffCalendar(): string | undefined {
  const value = pinnedText();
  return value === undefined ? undefined : offCalendar(value);
}

/** The check date, YYYY-MM-DD: `BATCHLINT_TODAY` when it holds a date, else today in UTC. */
export function todayUtc(): string {
  const pinned = pinnedToday();
  if (pinned !== undefined && pinned !== 'invalid') return pinned;
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
