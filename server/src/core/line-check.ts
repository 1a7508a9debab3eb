// Checks one line on its own: its text (blank, syntax and what the syntax fix would show, a JSON
// array of requests, repeated keys), then the request it holds (request-check.ts: envelope, body
// by url), placed in the line. The fast path is `JSON.parse` plus compiled validators; offsets are
// computed (with a second, offset-aware parse) only for lines that have something to report.

import type { Finding, LineFacts, ProblemCode, Severity, Stage, FixRef } from './types';
import { atDefault } from './catalogue';
import { isBlank } from './lines';
import { placeFindings } from './locate';
import { diagnoseSyntax } from './syntax/diagnose';
import type { LineDialect } from './dialects/classify';
import { classifyLine } from './dialects/classify';
import type { DialectId } from './dialects/table';
import { dialectInfo, familyOf } from './dialects/table';
import { endpointFor } from './dialects/urls';
import { applyReplacements } from './syntax/repair';
import { lineRepairs } from './syntax/line-repairs';
import { placeOnLine } from './syntax/content';
import { splitAtLoneCarriageReturns } from './syntax/carriage-return';
import type { RuleContext } from './models/context';
import { defaultContext } from './models/context';
import { formatParam, gotLabel, elide } from './words';
import { findRepeatedKeys } from './json';
import { parseLine } from './parse-line';
import { checkBody, checkRequest, oneCausePerPlace, readAs } from './request-check';
import { arrayLineResult, requestItems } from './array-line';
import type { RepeatedKey } from './json';
import { bareBodyOf } from './bare-body';
import type { BareBody } from './bare-body';

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
  /**
   * The line's syntax fix removes the comma or bracket of an array around its request: applied
   * only where the block finder sees no array that is not one of requests (array-frame.ts).
   */
  arrayPunctuation?: boolean;
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
      // An array's bracket holds no request, not even one being typed (the status bar's count).
      facts: behind?.facts ?? (syntax.arrayBracket === true ? NO_FACTS : UNREADABLE),
      opensBlock: syntax.opensBlock,
      ...(syntax.arrayBracket === true && { arrayBracket: true }),
      ...(syntax.fix?.id === 'repair-json' &&
        syntax.fix.kinds.includes('array-punctuation') && { arrayPunctuation: true }),
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
