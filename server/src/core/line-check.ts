// Checks one line on its own: syntax, envelope, body by url. The fast path is `JSON.parse` plus
// compiled validators; offsets are computed (with a second, offset-aware parse) only for lines
// that have something to report.

import type { Endpoint, Finding, LineFacts, ProblemCode, Severity, Stage, FixRef } from './types';
import { atDefault } from './catalogue';
import { isBlank } from './lines';
import { placeFindings } from './locate';
import { diagnoseSyntax } from './syntax/diagnose';
import { checkBodyRules, checkDialectRules, checkEnvelopeRules } from './rules';
import type { LineDialect } from './dialects/classify';
import { classifyLine } from './dialects/classify';
import type { Dialect, DialectId, Family } from './dialects/table';
import { inProviderFile } from './dialects/openai-server-rules';
import { DEFAULT_DIALECT, dialectInfo, familyOf } from './dialects/table';
import { endpointFor } from './dialects/urls';
import { checkDialectEnvelope } from './dialects/envelope';
import { checkDialectBody } from './dialects/body';
import { applyReplacements } from './syntax/repair';
import { lineRepairs } from './syntax/line-repairs';
import { placeOnLine } from './syntax/content';
import { splitAtLoneCarriageReturns } from './syntax/carriage-return';
import type { RuleContext } from './models/context';
import { defaultContext } from './models/context';
import { validateBody } from './schema';
import { formatParam, gotLabel, elide } from './words';
import { findRepeatedKeys } from './json';
import { parseLine } from './parse-line';
import { arrayLineResult, requestItems } from './array-line';
import type { RepeatedKey } from './json';
import { bareBodyOf } from './bare-body';
import { PROBLEMS } from './catalogue';
import type { BareBody } from './bare-body';
import { confirmRepairs } from './fixes/confirm';

/** A problem on one line, before it knows which line it is on. */
export interface LineProblem {
  code: ProblemCode;
  severity: Severity;
  stage?: Stage;
  message: string;
  param?: string;
  column: number;
  endColumn: number;
  fix?: FixRef;
}

export interface LineResult {
  problems: LineProblem[];
  facts: LineFacts;
  /** The line does not parse but opens an object: maybe the start of a pretty-printed request. */
  opensBlock: boolean;
  /**
   * The line is only the "[" or "]" of an array (a list of requests saved as one JSON array): its
   * problem's fix removes it, where the block finder sees it outside every request.
   */
  arrayBracket?: boolean;
}

const NO_FACTS: LineFacts = { isRequest: false };
/** What most lines have: one array, shared (results are never changed, see line-memo.ts). */
const NO_PROBLEMS: LineProblem[] = Object.freeze([]) as unknown as LineProblem[];
/** Facts of a line that holds something other than a request; its own problem says what. */
const UNREADABLE: LineFacts = { isRequest: false, unreadable: true };

/** Checks one line; `context` is the model table and date the model-aware rules read. */
export function checkLine(text: string, context: RuleContext = defaultContext()): LineResult {
  if (isBlank(text)) {
    return {
      problems: [
        atDefault({
          code: 'blank_line',
          message:
            'Blank line. Every line of a batch file must be a request; a blank line may be rejected as a line that is not valid JSON.',
          column: 0,
          endColumn: text.length,
          fix: { id: 'remove-line' },
        }),
      ],
      facts: NO_FACTS,
      opensBlock: false,
    };
  }
  let value: unknown;
  try {
    value = parseLine(text);
  } catch {
    // Requests separated by a lone "\r": whether the API splits there is not documented.
    const split = splitAtLoneCarriageReturns(text, (piece) => checkLine(piece, context));
    if (split) return split;
    const syntax = diagnoseSyntax(text);
    const behind = syntax.fix?.id === 'repair-json' ? behindRepairs(text, context) : undefined;
    return {
      problems: [
        atDefault({
          code: 'invalid_json_line',
          message: syntax.message,
          column: syntax.start,
          endColumn: syntax.end,
          ...(syntax.fix ? { fix: syntax.fix } : {}),
        }),
        ...(behind?.problems ?? []),
      ],
      facts: behind?.facts ?? UNREADABLE,
      opensBlock: syntax.opensBlock,
      ...(syntax.arrayBracket === true && { arrayBracket: true }),
    };
  }
  const items = Array.isArray(value) ? requestItems(value) : undefined;
  if (items) return arrayLineResult(text, items, (request) => checkRequest(request, context));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problems: [
        atDefault({
          code: 'invalid_type',
          message: `Each line must be one request object, but this line is ${gotLabel(value)}.`,
          // A line that is no request has no envelope: the file validator refuses the whole
          // batch, as it does a line that is not JSON (invalid_type's own stage is execution).
          stage: 'validation',
          column: 0,
          endColumn: text.length,
        }),
      ],
      facts: UNREADABLE,
      opensBlock: false,
    };
  }
  const request = value as Record<string, unknown>;
  const repeatedKeys = findRepeatedKeys(text, value);
  const repeated = repeatedKeys.length > 0 ? repeatedKeys.map(repeatedKeyProblem) : NO_PROBLEMS;
  const shape = classifyLine(request);
  const dialect = readAs(shape, context.dialect ?? context.readAs);
  // A request body without any envelope, in a file read in OpenAI's (see bare-body.ts).
  const bare =
    shape === undefined && familyOf(dialect) === 'openai'
      ? bareBodyOf(request, context)
      : undefined;
  if (bare) return bareBodyResult(text, request, bare, repeated, context);
  let findings: Finding[];
  try {
    findings = checkRequest(request, context, dialect);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // JSON.parse copes with any depth; recursive validators do not. Say so rather than crash.
    return {
      problems: [tooDeep(text)],
      facts: factsOf(request, dialect, shape),
      opensBlock: false,
    };
  }
  const placed = findings.length > 0 ? placeFindings(text, findings) : NO_PROBLEMS;
  return {
    problems: repeated.length > 0 ? [...repeated, ...placed] : placed,
    facts: factsOf(request, dialect, shape),
    opensBlock: false,
  };
}

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
function readAs(shape: LineDialect | undefined, chosen: DialectId | undefined): DialectId {
  if (chosen !== undefined && (shape === undefined || readsAlike(shape, familyOf(chosen)))) {
    return chosen;
  }
  return shape?.dialect ?? chosen ?? DEFAULT_DIALECT;
}

/**
 * The check of a line once its JSON is repaired (quotes straightened, Python literals, trailing
 * commas), placed on the line as written (see syntax/content.ts): the fix that repairs it must
 * not uncover problems the user was not shown. Undefined when the repair does not make it parse.
 */
function behindRepairs(text: string, context: RuleContext): LineResult | undefined {
  const { replacements } = lineRepairs(text);
  const repaired = applyReplacements(text, replacements);
  try {
    JSON.parse(repaired);
  } catch {
    return undefined;
  }
  const inner = checkLine(repaired, context);
  return { ...inner, problems: placeOnLine(inner.problems, replacements) };
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
function oneCausePerPlace(findings: Finding[]): Finding[] {
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

/**
 * A key given twice in one object. JSON does not forbid it and the API documents nothing, so this
 * is a warning in our words: JSON.parse and Python's json module keep the last value.
 */
function repeatedKeyProblem(repeat: RepeatedKey): LineProblem {
  const inBody = repeat.path[0] === 'body' ? repeat.path.slice(1) : repeat.path;
  const param = formatParam([...inBody, repeat.key]);
  return atDefault({
    code: 'duplicate_key',
    message: `Duplicate key '${elide(param)}': only one of its values is used. By our reading the API keeps the last one, as JSON parsers such as Python's do (this is not documented); the earlier values are ignored.`,
    param,
    column: repeat.offset,
    endColumn: repeat.offset + repeat.length,
  });
}

function tooDeep(text: string): LineProblem {
  return atDefault({
    code: 'nesting_too_deep',
    message:
      'This request is nested too deeply to check. No real request nests this deep; the API is likely to refuse it.',
    column: 0,
    endColumn: text.length,
  });
}

/**
 * A request body without its envelope (see bare-body.ts): one problem saying what the line is,
 * with a fix that wraps it per endpoint it may be for; when that endpoint is clear, the body's
 * own findings too, where they are, so wrapping it uncovers nothing the user was not shown.
 * Their fixes are left for after the wrap (their paths assume the envelope).
 */
function bareBodyResult(
  text: string,
  body: Record<string, unknown>,
  bare: BareBody,
  repeated: LineProblem[],
  context: RuleContext,
): LineResult {
  const [only] = bare.endpoints;
  const what =
    bare.endpoints.length === 1
      ? `a ${only} request body`
      : `a request body (by its keys, for ${bare.endpoints.join(' or ')})`;
  const problem: LineProblem = atDefault({
    code: 'missing_envelope',
    message: `This line is ${what} without the batch envelope: every line must be a request {"custom_id": ..., "method": "POST", "url": ..., "body": {...}} with the body inside.`,
    column: 0,
    endColumn: text.length,
    fix: { id: 'wrap-envelope', urls: bare.endpoints },
  });
  const findings: Finding[] = [];
  if (bare.endpoints.length === 1) {
    try {
      for (const f of oneCausePerPlace(checkBody(only!, body, [], context))) {
        const { fix: _fix, ...rest } = f;
        findings.push({ ...rest, path: f.path.slice(1) });
      }
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return { problems: [problem, tooDeep(text)], facts: bareFacts(body), opensBlock: false };
    }
  }
  const placed = findings.length > 0 ? placeFindings(text, findings) : [];
  return {
    problems: [problem, ...repeated, ...placed],
    facts: bareFacts(body),
    opensBlock: false,
  };
}

/** A bare body counts as a request (it is one, once wrapped) with its model; it names no url. */
function bareFacts(body: Record<string, unknown>): LineFacts {
  return { isRequest: true, bareBody: true, model: body.model as string };
}

/**
 * What the rules across lines need of a request. The id is the dialect's (custom_id, key,
 * recordId); url and model are OpenAI's one-per-file facts, so only lines of its envelope (and
 * of the bare-body dialects, whose job names one model) give them.
 */
function factsOf(
  request: Record<string, unknown>,
  dialect: DialectId,
  shape: LineDialect | undefined,
): LineFacts {
  const facts: LineFacts = { isRequest: true };
  if (shape) facts.dialect = shape;
  const info = dialectInfo(dialect);
  const id = info.envelope.id === null ? undefined : request[info.envelope.id];
  if (typeof id === 'string') {
    facts.customId = id;
    if (info.envelope.id !== 'custom_id') facts.idKey = info.envelope.id!;
  }
  if (info.family !== 'openai' && info.family !== 'bare') return facts;
  if (typeof request.url === 'string') facts.url = request.url;
  const body = request.body as Record<string, unknown> | null | undefined;
  if (typeof body === 'object' && body !== null) {
    if (typeof body.model === 'string') facts.model = body.model;
    if (endpointFor(request.url, dialect) === '/v1/embeddings') {
      facts.embeddingInputs = countEmbeddingInputs(body.input);
    }
  }
  return facts;
}

/** An embeddings `input` is one input (a string or a token array) or an array of them. */
function countEmbeddingInputs(input: unknown): number {
  if (!Array.isArray(input)) return input === undefined ? 0 : 1;
  if (input.length === 0) return 0;
  return typeof input[0] === 'number' ? 1 : input.length;
}
