// Problems (plain core data) ↔ LSP diagnostics. A diagnostic carries everything its fixes need
// in `code` and `data`, so code actions can be computed from the diagnostic alone.

import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver/node';
import { PROBLEMS, docsUrlFor, isObject, isProblemCode } from '../core';
import { isCount } from './guard';
import type { FixRef, Problem, Severity } from '../core';
import { SOURCE } from '../protocol';
import type { DiagnosticData } from '../protocol';

const TO_LSP: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const RELATED: Record<string, string> = {
  duplicate_custom_id: 'First use of this custom_id',
  url_mismatch: 'The first request, whose url sets the batch endpoint',
  model_mismatch: 'The first request, whose model the batch uses',
};

/** Said beside each problem the Batch API's validator refuses. */
export const STAGE_NOTE =
  'Batch validation refuses this: the whole batch fails before any request runs.';

/**
 * The message with the API's parameter path after it, as the API's error gives `param` beside
 * its message, on a line of its own (`…\n(param: messages[0].content[1].type)`), unless the words
 * already name it: the Problems panel shows only the message, and "Invalid value: 'input_text'"
 * alone says not where. A line of its own, because the panel cuts a long first line short and
 * shows the next lines below it.
 */
export function withParam(message: string, param: string | undefined): string {
  if (param === undefined || param === '' || message.includes(`'${param}'`)) return message;
  // "Model parameter is required.": a plain name the words already say.
  if (message.toLowerCase().split(/\W+/).includes(param.toLowerCase())) return message;
  return `${message}\n(param: ${param})`;
}

export function toDiagnostic(
  problem: Problem,
  uri: string,
  version: number,
  /** Where the related line's compared value is, in editor coordinates (the core's line given). */
  relatedRange: (line: number, code: string) => Range = (line) => ({
    start: { line, character: 0 },
    end: { line, character: 0 },
  }),
): Diagnostic {
  const stage = problem.stage ?? PROBLEMS[problem.code].stage;
  const data: DiagnosticData = { version, stage };
  if (problem.fix) data.fix = problem.fix;
  if (problem.param !== undefined) data.param = problem.param;
  const diagnostic: Diagnostic = {
    range: {
      start: { line: problem.line, character: problem.column },
      end: { line: problem.endLine, character: problem.endColumn },
    },
    severity: TO_LSP[problem.severity],
    source: SOURCE,
    code: problem.code,
    message: withParam(problem.message, problem.param),
    data,
  };
  const href = docsUrlFor(problem.code, problem.param);
  if (href) diagnostic.codeDescription = { href };
  const related: DiagnosticRelatedInformation[] = [];
  if (problem.relatedLine !== undefined) {
    related.push({
      location: { uri, range: relatedRange(problem.relatedLine, problem.code) },
      message: RELATED[problem.code] ?? 'The line this problem refers to',
    });
  }
  // Which stage refuses it matters: validation fails the whole batch before anything runs.
  if (stage === 'validation') {
    related.push({
      location: { uri, range: diagnostic.range },
      message: STAGE_NOTE,
    });
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

function isPosition(value: unknown): value is { line: number; character: number } {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

/** The document version one of our diagnostics was computed for (from its `data`). */
export function diagnosticVersion(diagnostic: unknown): number | undefined {
  if (!isObject(diagnostic) || !isObject(diagnostic.data)) return undefined;
  const version = diagnostic.data.version;
  return typeof version === 'number' ? version : undefined;
}

/**
 * Rebuilds the core problem behind one of our diagnostics, in editor coordinates, from the
 * diagnostic alone; undefined for anyone else's and for anything malformed (null, no range).
 */
export function problemFromDiagnostic(diagnostic: unknown): Problem | undefined {
  if (!isObject(diagnostic) || diagnostic.source !== SOURCE) return undefined;
  if (typeof diagnostic.code !== 'string' || !isObject(diagnostic.range)) return undefined;
  if (!isProblemCode(diagnostic.code)) return undefined;
  const { start, end } = diagnostic.range;
  if (!isPosition(start) || !isPosition(end)) return undefined;
  const data: Record<string, unknown> = isObject(diagnostic.data) ? diagnostic.data : {};
  const severity: Severity =
    diagnostic.severity === DiagnosticSeverity.Warning
      ? 'warning'
      : diagnostic.severity === DiagnosticSeverity.Error || diagnostic.severity === undefined
        ? 'error'
        : 'info';
  const message = isObject(diagnostic.message) ? diagnostic.message.value : diagnostic.message;
  const problem: Problem = {
    code: diagnostic.code,
    severity,
    message: typeof message === 'string' ? message : '',
    line: start.line,
    column: start.character,
    endLine: end.line,
    endColumn: end.character,
  };
  if (isObject(data.fix) && typeof data.fix.id === 'string') problem.fix = data.fix as FixRef;
  if (typeof data.param === 'string') problem.param = data.param;
  return problem;
}
