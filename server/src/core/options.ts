// What callers can tune (severity per code, a cap on problems) and the shape of a check's result.

import type { Problem, Severity } from './types';
import { atDefault } from './catalogue';
import type { ProblemCollector } from './problems';
import type { TallySummary } from './cross/tally';
import type { ModelCatalogue } from './models/catalogue';
import type { RuleContext } from './models/context';
import { defaultContext, todayUtc } from './models/context';
import type { DialectId } from './dialects/table';

export type SeveritySetting = Severity | 'off';

export interface CheckOptions {
  /** Stop listing problems after this many (the counts still include every problem). */
  maxProblems?: number;
  /** Severity by problem code; 'off' hides the code. */
  severity?: Record<string, SeveritySetting>;
  /** The model table: the built-in one unless a user's file is layered on it (models/load.ts). */
  models?: ModelCatalogue;
  /** The check date, YYYY-MM-DD, that shutdown dates are compared with; today (UTC) by default. */
  today?: string;
  /** The file's dialect (a setting or flag); absent, it is detected from the lines. */
  dialect?: DialectId;
}

/**
 * What the rules read, from the options of one check; `readAs`: the dialect the file's first
 * lines show (detect.ts), used when the options choose none.
 */
export function ruleContext(options: CheckOptions, readAs?: DialectId): RuleContext {
  if (!options.models && !options.today && !options.dialect && !readAs) return defaultContext();
  return {
    ...defaultContext(options.today ?? todayUtc()),
    ...(options.models && { models: options.models }),
    ...(options.dialect && { dialect: options.dialect }),
    ...(readAs && !options.dialect && { readAs }),
  };
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

/** The result of a check from its collected problems and the tally's summary. */
export function finalize(collector: ProblemCollector, tally: TallySummary): CheckResult {
  return { problems: collector.finish(), summary: { ...tally, ...collector.counts } };
}

export function bomProblem(): Problem {
  return atDefault({
    code: 'utf8_bom',
    message:
      'The file starts with a UTF-8 byte order mark. Azure OpenAI rejects such files (with a misleading error about the model deployment name); OpenAI does not document how it treats one. Save the file as UTF-8 without a BOM.',
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    fix: { id: 'remove-bom' },
  });
}
