// What callers can tune (severity per code, a cap on problems) and the shape of a check's result.

import type { Problem, Severity } from './types';
import type { TallySummary } from './cross/tally';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Stop listing problems after this many (the counts still include every problem). */
  maxProblems?: number;
  /** Severity by problem code; 'off' hides the code. */
  severity?: Record<string, SeveritySetting>;
}

export interface Summary extends TallySummary {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckResult {
  /** Sorted by position; at most `maxProblems`. */
  problems: Problem[];
  summary: Summary;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Applies the severity settings, sorts, counts and caps. */
export function finalize(
  problems: Problem[],
  tally: TallySummary,
  options: CheckOptions,
): CheckResult {
  const overrides = options.severity ?? {};
  const kept: Problem[] = [];
  for (const problem of problems) {
    const setting = overrides[problem.code];
    if (setting === 'off') continue;
    kept.push(setting ? { ...problem, severity: setting } : problem);
  }
  kept.sort(
    (a, b) => a.line - b.line || a.column - b.column || RANK[a.severity] - RANK[b.severity],
  );
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const p of kept) {
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else infos++;
  }
  const max = options.maxProblems;
  const capped = max !== undefined && max >= 0 && kept.length > max ? kept.slice(0, max) : kept;
  return { problems: capped, summary: { ...tally, errors, warnings, infos } };
}

export function bomProblem(): Problem {
  return {
    code: 'utf8_bom',
    severity: 'warning',
    message:
      'The file starts with a UTF-8 byte order mark. Azure OpenAI rejects such files (with a misleading error about the model deployment name); OpenAI does not document how it treats one. Save the file as UTF-8 without a BOM.',
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    fix: { id: 'remove-bom' },
  };
}
