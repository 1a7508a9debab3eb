// What callers can tune (severity per code, a cap on problems) and the shape of a check's result.

import type { Problem, Severity } from './types';
import { atDefault } from './catalogue';
import type { ProblemCollector } from './problems';
import type { TallySummary } from './cross/tally';
import type { ModelCatalogue } from './models/catalogue';
import type { RuleContext } from './models/context';
import { defaultContext, todayUtc } from './models/context';
import type { DialectId } from './dialects/table';
import { DEFAULT_DIALECT, dialectInfo } from './dialects/table';

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

/**
 * The BOM note of a file read in `dialect`, in what its provider documents (schemas/dialects.json
 * `bom`): Azure's refusal for Azure and, as the nearest documented case, for OpenAI; that the
 * provider documents nothing for the others.
 */
export function bomProblem(dialect: DialectId = DEFAULT_DIALECT): Problem {
  const own = dialectInfo(dialect);
  const azure = dialectInfo('azure');
  const known = own.bom !== undefined ? `${own.name} ${own.bom}.` : undefined;
  const said =
    known ??
    (dialect === DEFAULT_DIALECT && azure.bom !== undefined
      ? `${azure.name} ${azure.bom}; ${own.name} does not document how it treats one.`
      : `${own.name} does not document how it treats one, and it is not part of JSON.`);
  return atDefault({
    code: 'utf8_bom',
    message: `The file starts with a UTF-8 byte order mark. ${said} Save the file as UTF-8 without a BOM.`,
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    fix: { id: 'remove-bom' },
  });
}
