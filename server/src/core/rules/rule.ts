// The one interface every check beyond JSON syntax implements. A rule is one file in this folder
// that exports `rule`; the build lists every such file (scripts/index-rules.mjs), and the runner
// (./index.ts) calls each rule for its scope. Rules run on every line of 50,000-line files: a
// rule returns early and allocates nothing when it has nothing to say.

import type { Endpoint, Finding, JsonPath, LineFacts, Problem } from '../types';
import type { RuleContext } from '../models/context';
import type { Dialect, DialectId } from '../dialects/table';
export type { RuleContext } from '../models/context';

/** A request body, parsed. */
export type Body = Record<string, unknown>;

/**
 * A rule on a line's envelope (`custom_id`, `method`, `url`, `body` and stray keys). Runs on
 * every line that parses to an object and is read in a dialect of OpenAI's envelope (OpenAI,
 * Azure, OpenAI-compatible servers: `dialect` says which). Paths start at the line's root.
 */
export interface EnvelopeRule {
  readonly scope: 'envelope';
  check(request: Record<string, unknown>, dialect: DialectId): Finding[];
}

/**
 * A rule on the body of lines read in one of `dialects` (other providers' batch files: the
 * Anthropic `params`, the Gemini `request`, the Bedrock `modelInput`), run after the dialect's
 * schema. Paths start with the body's key in the line (`params`).
 */
export interface DialectRule {
  readonly scope: 'dialect';
  readonly dialects: readonly DialectId[];
  check(body: Body, dialect: Dialect, context: RuleContext): Finding[];
}

/**
 * A rule on the body of requests to the given endpoints, run after the endpoint's schema.
 * Paths start with 'body'; params are the API's, relative to the body.
 *
 * @example
 * // rules/logit-bias-size.ts: the whole rule, plus its rows in test/unit/line-rules.test.ts.
 * export const rule: BodyRule = {
 *   scope: 'body',
 *   endpoints: ['/v1/chat/completions'],
 *   check(body) {
 *     const bias = body.logit_bias;
 *     if (!isObject(bias) || Object.keys(bias).length <= 300) return NONE;
 *     return [{ code: 'object_above_max_properties', severity: 'error', message: '…',
 *               param: 'logit_bias', path: ['body', 'logit_bias'], anchor: 'value' }];
 *   },
 * };
 */
export interface BodyRule {
  readonly scope: 'body';
  readonly endpoints: readonly Endpoint[];
  /**
   * The body keys without which the rule finds nothing. When given, the runner calls the rule
   * only on bodies that hold at least one of them (a body holds a handful of keys, so most such
   * rules are skipped on most lines); a rule that reports a key's absence cannot declare them.
   * A function gives them per endpoint, `undefined` meaning every body of that endpoint.
   */
  readonly keys?: readonly string[] | ((endpoint: Endpoint) => readonly string[] | undefined);
  /** `context`: the model table in force and the check date, for rules that depend on the model. */
  check(body: Body, endpoint: Endpoint, context: RuleContext): Finding[];
}

/** Where a path of a given line sits, for file rules (the caller may still hold the text). */
export type Locator = (line: number, path: JsonPath) => { column: number; endColumn: number };

/** One pass of a file rule over one file: fed each line's facts in order, never its text. */
export interface FileCheck {
  /**
   * Takes the facts of one line (0-based `line`; `bytes` is its size in bytes with its line
   * ending) and returns the problems that line brings, if any.
   */
  add(line: number, facts: LineFacts, bytes: number): Problem[] | undefined;
  /** Problems only the end of the file can tell; `lineCount` is the number of lines read. */
  finish?(lineCount: number): Problem[];
}

/**
 * A rule across the lines of a file (duplicate ids, one url, limits). It sees per-line facts
 * only, so a 200 MB file is checked as a stream and an open document is re-checked from cached
 * facts without re-reading unchanged lines.
 */
export interface FileRule {
  readonly scope: 'file';
  /** Starts a pass over one file. */
  start(locate: Locator, context: RuleContext): FileCheck;
}

export type Rule = EnvelopeRule | BodyRule | DialectRule | FileRule;

/** The empty result, shared: most rules find nothing on most lines. */
export const NONE: Finding[] = Object.freeze([]) as unknown as Finding[];
