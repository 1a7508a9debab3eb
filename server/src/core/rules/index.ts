// The one runner of rules. Every rule is a file of this folder exporting `rule` (see rule.ts);
// the build lists them (generated/rules.ts). Per line: envelope rules, then the body's schema,
// then the body rules declared for the line's endpoint (of those with keys, the ones the body's
// keys call); file rules are fed per-line facts by the file tally (cross/tally.ts).

import type { Endpoint, Finding } from '../types';
import type {
  Body,
  BodyRule,
  DialectRule,
  EnvelopeRule,
  FileRule,
  Rule,
  RuleContext,
} from './rule';
import type { Dialect, DialectId } from '../dialects/table';
import { RULES } from '../generated/rules';
import { ENDPOINTS } from '../endpoints';
import { PROBLEMS } from '../catalogue';

const all: readonly Rule[] = Object.values(RULES);

const ENVELOPE_RULES = all.filter((r): r is EnvelopeRule => r.scope === 'envelope');

/**
 * An endpoint's body rules, in the order they run, and which of them run on a given body: a rule
 * that declares keys (rule.ts) runs when the body holds one of them, the others always. Built
 * once, so a line pays for its own endpoint's rules and, of those, for the ones its keys call.
 */
class BodyDispatch {
  readonly rules: BodyRule[];
  /** Per rule: its bit in the mask of called rules, or 0 when it runs on every body. */
  private readonly bits: number[];
  /** The bits each key calls. */
  private readonly byKey = new Map<string, number>();

  constructor(endpoint: Endpoint) {
    this.rules = all.filter(
      (r): r is BodyRule => r.scope === 'body' && r.endpoints.includes(endpoint),
    );
    let next = 0;
    this.bits = this.rules.map((rule) => {
      const keys = typeof rule.keys === 'function' ? rule.keys(endpoint) : rule.keys;
      // 31 bits: a number's bitwise range. Past that a rule simply runs on every body.
      if (keys === undefined || next >= 31) return 0;
      const bit = 1 << next++;
      for (const key of keys) this.byKey.set(key, (this.byKey.get(key) ?? 0) | bit);
      return bit;
    });
  }

  /** Runs the rules `body`'s keys call, and the rules without keys, in order. */
  run(endpoint: Endpoint, body: Body, out: Finding[], context: RuleContext): void {
    let called = 0;
    for (const key in body) {
      const bits = this.byKey.get(key);
      if (bits !== undefined) called |= bits;
    }
    for (let i = 0; i < this.rules.length; i++) {
      const bit = this.bits[i]!;
      if (bit !== 0 && (called & bit) === 0) continue;
      const found = this.rules[i]!.check(body, endpoint, context);
      for (let j = 0; j < found.length; j++) out.push(found[j]!);
    }
  }
}

const BODY_RULES = new Map<Endpoint, BodyDispatch>(ENDPOINTS.map((e) => [e, new BodyDispatch(e)]));

/** The file rules, started afresh for each pass over a file. */
export const FILE_RULES: readonly FileRule[] = all.filter((r): r is FileRule => r.scope === 'file');

const DIALECT_RULES = all.filter((r): r is DialectRule => r.scope === 'dialect');

/**
 * Runs the envelope rules on a parsed line read in `dialect` (of OpenAI's envelope). Their
 * findings are refused when the batch is validated, so a code whose usual stage is `execution`
 * (a schema error) is marked `validation`.
 */
export function checkEnvelopeRules(
  request: Record<string, unknown>,
  out: Finding[],
  dialect: DialectId = 'openai',
): void {
  for (const rule of ENVELOPE_RULES) {
    for (const finding of rule.check(request, dialect)) {
      out.push(
        PROBLEMS[finding.code].stage === 'execution'
          ? { ...finding, stage: 'validation' }
          : finding,
      );
    }
  }
}

/** Runs the body rules declared for `endpoint` on a body (an object), appending to `out`. */
export function checkBodyRules(
  endpoint: Endpoint,
  body: Body,
  out: Finding[],
  context: RuleContext,
): void {
  BODY_RULES.get(endpoint)?.run(endpoint, body, out, context);
}

/** Runs the rules of `dialect` on a line's body (an object), appending to `out`. */
export function checkDialectRules(
  dialect: Dialect,
  body: Body,
  out: Finding[],
  context: RuleContext,
): void {
  for (const rule of DIALECT_RULES) {
    if (!rule.dialects.includes(dialect.id)) continue;
    const found = rule.check(body, dialect, context);
    for (let i = 0; i < found.length; i++) out.push(found[i]!);
  }
}
