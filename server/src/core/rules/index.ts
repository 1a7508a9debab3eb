// The one runner of rules. Every rule is a file of this folder exporting `rule` (see rule.ts);
// the build lists them (generated/rules.ts). Per line: envelope rules, then the body's schema,
// then the body rules declared for the line's endpoint; file rules are fed per-line facts by
// the file tally (cross/tally.ts).

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

/** Body rules by endpoint, indexed once so a line pays only for its own endpoint's rules. */
const BODY_RULES = new Map<Endpoint, BodyRule[]>(
  ENDPOINTS.map((e) => [
    e,
    all.filter((r): r is BodyRule => r.scope === 'body' && r.endpoints.includes(e)),
  ]),
);

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
  for (const rule of BODY_RULES.get(endpoint) ?? []) {
    const found = rule.check(body, endpoint, context);
    for (let i = 0; i < found.length; i++) out.push(found[i]!);
  }
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
