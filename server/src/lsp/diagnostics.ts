// Problems (plain core data) ↔ LSP diagnostics. A diagnostic carries everything its fixes need
// in `code` and `data`, so code actions can be computed from the diagnostic alone.

import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver/node';
import { docsUrlFor } from '../core';
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

export function toDiagnostic(
  problem: Problem,
  uri: string,
  version: number,
  relatedSpan: (line: number, code: string) => [number, number] = () => [0, 0],
): Diagnostic {
  const data: DiagnosticData = { version };
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
    message: problem.message,
    data,
  };
  const href = docsUrlFor(problem.code, problem.param);
  if (href) diagnostic.codeDescription = { href };
  if (problem.relatedLine !== undefined) {
    const [start, end] = relatedSpan(problem.relatedLine, problem.code);
    const related: DiagnosticRelatedInformation = {
      location: {
        uri,
        range: {
          start: { line: problem.relatedLine, character: start },
          end: { line: problem.relatedLine, character: end },
        },
      },
      message: RELATED[problem.code] ?? 'The line this problem refers to',
    };
    diagnostic.relatedInformation = [related];
  }
  return diagnostic;
}

/** Rebuilds the core problem behind one of our diagnostics; undefined for anyone else's. */
export function problemFromDiagnostic(diagnostic: Diagnostic): Problem | undefined {
  if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const data = (diagnostic.data ?? {}) as DiagnosticData;
  const severity: Severity =
    diagnostic.severity === DiagnosticSeverity.Warning
      ? 'warning'
      : diagnostic.severity === DiagnosticSeverity.Error || diagnostic.severity === undefined
        ? 'error'
        : 'info';
  const { start, end } = diagnostic.range;
  const problem: Problem = {
    code: diagnostic.code,
    severity,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    line: start.line,
    column: start.character,
    endLine: end.line,
    endColumn: end.character,
  };
  if (data.fix && typeof data.fix.id === 'string') problem.fix = data.fix as FixRef;
  if (typeof data.param === 'string') problem.param = data.param;
  return problem;
}
