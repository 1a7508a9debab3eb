// The core's entry point. Front ends (CLI, language server) import from here, or from ./node for
// what needs Node (files, streams, bytes). Nothing reachable from here imports a Node built-in:
// the language server also runs in a web worker.

export type * from './types';
export type { CheckOptions, CheckResult, Summary, SeveritySetting } from './options';
export type { Range } from './document';
export { DocumentChecker } from './document';
export { fixesFor, applyEdits } from './fixes';
export { ModelCatalogue, ModelsFileError } from './models/catalogue';
export { catalogueFromText, catalogueWith } from './models/load';
export { BatchEstimator, costUsd } from './models/estimate';
export type { FileEstimate, ModelEstimate } from './models/estimate';
export { countTokens } from './models/tokens';
export { fixLine } from './fixes/fix-line';
export { docsUrlFor } from './docs-links';
export { PROBLEMS, PROBLEM_CODES, isProblemCode } from './catalogue';
export type { ProblemEntry } from './catalogue';
export { spliceLarge, splitLines } from './lines';
export { locateValue } from './locate';
export { isObject } from './json';
export { formatParam } from './words';
export { convertLineToResponses, OUTPUT_SHAPE_NOTE } from './convert';
export {
  convertLineTo,
  convertLineToDialect,
  CONVERT_TARGETS,
  RESULTS_NOTE,
} from './convert/dialect-line';
export type { ConvertTarget, DialectTarget } from './convert/dialect-line';
export type { LineConversion, NotCarried } from './convert';
export {
  propertyInfo,
  bodyPropertyInfo,
  lineSchemasAt,
  keysOf,
  valuesOf,
  typesOf,
  descriptionOf,
} from './schema/info';
export type { PropertyInfo, SchemaNode } from './schema/info';
export { hoverAt, completionsAt } from './assist';
export type { HoverInfo, CompletionEntry, Completions } from './assist';
export type { Annotation, Deprecation, ResponsesEquivalent } from './schema/annotations';
export { ENDPOINTS, endpointInfo, isEndpoint } from './endpoints';
export {
  DIALECT_IDS,
  DEFAULT_DIALECT,
  isDialectId,
  dialectInfo,
  dialectLabel,
} from './dialects/table';
export type { DialectId, Dialect } from './dialects/table';
export { MB, formatBytes } from './sizes';

import { DocumentChecker } from './document';
import type { CheckOptions, CheckResult } from './options';
import { mentionsBareBody } from './bare-body';

/** Checks a whole text in memory (for documents the editor holds; files go through checkFile). */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  return new DocumentChecker(text, options).check();
}

const SAMPLE_LINES = 5;

/**
 * A line of a batch's output or error file (OpenAI's `response`, Anthropic's `result`) rather than
 * a request: it carries custom_id too, but linting it as input would flag every line. A request
 * line has `method` (or, in other dialects, at least no `response`/`result` member).
 */
function isResultLine(line: string): boolean {
  return (
    (/(?:^|[^\\])"(?:response|result)"\s*:\s*(?:\{|null)/.test(line) &&
      !/"method"\s*:/.test(line)) ||
    // Bedrock's output records repeat the modelInput beside the modelOutput (or an error).
    /"modelOutput"\s*:/.test(line)
  );
}

/**
 * Whether a line names a request the way one of the dialects does: custom_id or body (OpenAI,
 * Azure, Anthropic, Together…), recordId or modelInput (Bedrock), or a request object holding
 * contents (Gemini, Vertex AI).
 */
function namesRequest(line: string): boolean {
  return (
    /["\u201c\u201d'](custom_id|body|recordId|modelInput)["\u201c\u201d']/.test(line) ||
    (/"request"\s*:\s*\{/.test(line) && /"contents"/.test(line))
  );
}

/**
 * Whether a .jsonl text looks like batch input rather than other JSONL data: one of its first
 * non-blank lines names a request as a dialect does (namesRequest), or is a request body without
 * its envelope (model and messages, input or prompt: see bare-body.ts),
 * so the linter never floods a data file with false alarms. Result files (a batch's output and
 * errors) are not batch input. An empty file counts as batch input.
 */
export function looksLikeBatch(text: string): boolean {
  let seen = 0;
  let start = 0;
  while (seen < SAMPLE_LINES && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 4096));
    start = end + 1;
    if (line.trim() === '') continue;
    seen++;
    if (namesRequest(line) && !isResultLine(line)) return true;
    if (mentionsBareBody(line)) return true;
  }
  return seen === 0;
}
