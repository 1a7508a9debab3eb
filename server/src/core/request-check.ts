// The check of a parsed request, with no text in sight: which dialect it is read in, its
// envelope, then its body by url (schema, then the body rules), one finding per cause. The line
// check (line-check.ts) parses the text, calls this, and places the findings in the line.

import type { Endpoint, Finding } from './types';
import { PROBLEMS } from './catalogue';
import { checkBodyRules, checkDialectRules, checkEnvelopeRules } from './rules';
import type { LineDialect } from './dialects/classify';
import { classifyLine } from './dialects/classify';
import type { Dialect, DialectId, Family } from './dialects/table';
import { inProviderFile } from './dialects/openai-server-rules';
import { DEFAULT_DIALECT, dialectInfo, familyOf } from './dialects/table';
import { endpointFor } from './dialects/urls';
import { checkDialectEnvelope } from './dialects/envelope';
import { checkDialectBody } from './dialects/body';
import type { RuleContext } from './models/context';
import { defaultContext } from './models/context';
import { validateBody } from './schema';
import { confirmRepairs } from './fixes/confirm';

/**
 * Whether a line is read in a chosen dialect of family `chosen`: its own family, or a body without
 * method and url in an OpenAI file (an OpenAI line missing them, which the envelope check then
 * reports in OpenAI's words), or a line whose keys are of the chosen family though its model
 * points elsewhere (gpt-4o named in a Together file's line).
 */
function readsAlike(shape: LineDialect, chosen: Family): boolean {
  const keys = shape.keys ?? shape.family;
  return shape.family === chosen || keys === chosen || (keys === 'bare' && chosen === 'openai');
}

/**
 * The dialect a line is checked in: the chosen one (a setting or flag) when the line is of its
 * family, else the one its own shape shows. A line of another family than the file's is checked
 * in its own dialect, and the file rule dialect-mix reports it once, rather than a wall of
 * envelope errors.
 */
export function readAs(shape: LineDialect | undefined, chosen: DialectId | undefined): DialectId {
  if (chosen !== undefined && (shape === undefined || readsAlike(shape, familyOf(chosen)))) {
    return chosen;
  }
  return shape?.dialect ?? chosen ?? DEFAULT_DIALECT;
}

/**
 * Every finding on a parsed request line, in the API's order: the envelope rules first, then
 * (for a known url and an object body) the body's schema and the body rules of that endpoint.
 * A key repair stays safe only if the request with it made has no new problem (fixes/confirm.ts).
 */
export function checkRequest(
  request: Record<string, unknown>,
  context: RuleContext = defaultContext(),
  dialect: DialectId = readAs(classifyLine(request), context.dialect ?? context.readAs),
): Finding[] {
  return confirmRepairs(request, requestFindings(request, context, dialect), (repaired) =>
    requestFindings(repaired, context, dialect),
  );
}

function requestFindings(
  request: Record<string, unknown>,
  context: RuleContext,
  dialect: DialectId,
): Finding[] {
  const findings: Finding[] = [];
  const info = dialectInfo(dialect);
  if (info.family !== 'openai') {
    findings.push(...checkDialectEnvelope(request, info));
    const body = request[info.envelope.body];
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      findings.push(...checkDialectBody(info, body as Record<string, unknown>, context));
      checkDialectRules(info, body as Record<string, unknown>, findings, context);
    }
    return findings;
  }
  checkEnvelopeRules(request, findings, dialect);
  const { body } = request;
  const endpoint = endpointFor(request.url, dialect);
  if (!endpoint || typeof body !== 'object' || body === null || Array.isArray(body)) {
    return findings;
  }
  const start = findings.length;
  checkBody(endpoint, body as Record<string, unknown>, findings, context);
  if (dialect === 'openai-compatible') serverOwnParameters(findings, start, dialectInfo(dialect));
  return oneCausePerPlace(findings);
}

/**
 * One problem per cause. The same finding twice (one message at one place, as two branches of a
 * schema can give it) is said once. A note (an info of the hint stage) on a value an error
 * already speaks for is the same cause told twice: 'max_tokens' on o3-mini is refused by the
 * model (the error, with its rename fix); that it is also deprecated adds nothing. The error is
 * kept.
 */
export function oneCausePerPlace(findings: Finding[]): Finding[] {
  // One finding is one cause (most lines have none).
  if (findings.length < 2) return findings;
  const errors = new Set<string>();
  for (const f of findings) if (f.severity === 'error') errors.add(f.path.join('\u0000'));
  const seen = new Set<string>();
  return findings.filter((f) => {
    const at = f.path.join('\u0000');
    const same = `${f.code}\u0000${f.message}\u0000${at}`;
    if (seen.has(same)) return false;
    seen.add(same);
    return !(
      f.severity === 'info' &&
      (f.stage ?? PROBLEMS[f.code].stage) === 'hint' &&
      errors.has(at)
    );
  });
}

/**
 * An OpenAI-compatible server takes parameters of its own (vLLM's top_k, Groq's
 * reasoning_format): one OpenAI's schema does not know is a note, not an error.
 */
function serverOwnParameters(findings: Finding[], start: number, dialect: Dialect): void {
  for (let i = start; i < findings.length; i++) {
    const f = findings[i]!;
    if (f.code !== 'unknown_parameter') {
      findings[i] = inProviderFile(f, dialect) ?? f;
      continue;
    }
    findings[i] = {
      ...f,
      severity: 'info',
      message: `${f.message} OpenAI has no such parameter; the server may take it (batchlint does not know its parameters).`,
    };
  }
}

/**
 * The findings on a request body (an object) sent to `endpoint`: its schema's, then the body
 * rules'. Paths start with 'body'. Appends to `out` when given, and returns it.
 */
export function checkBody(
  endpoint: Endpoint,
  body: Record<string, unknown>,
  out: Finding[] = [],
  context: RuleContext = defaultContext(),
): Finding[] {
  const schema = validateBody(endpoint, body);
  for (let i = 0; i < schema.length; i++) out.push(schema[i]!);
  checkBodyRules(endpoint, body, out, context);
  return out;
}
