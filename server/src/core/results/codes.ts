// The problem codes `batchlint results` reports: the catalogue's entries of stage `result`.
// Result problems are told apart from the linter's own by these codes (and, in editors, by
// their source).

import { PROBLEM_CODES, PROBLEMS } from '../catalogue';
import type { ProblemCode } from '../catalogue';

export type ResultCode = Extract<
  ProblemCode,
  | 'request_failed'
  | 'batch_expired'
  | 'batch_cancelled'
  | 'request_timeout'
  | 'no_result'
  | 'batch_error'
  | 'unknown_custom_id'
  | 'duplicate_result'
  | 'invalid_result_line'
>;

/** Every result code, in catalogue order. */
export const RESULT_CODES: readonly ResultCode[] = PROBLEM_CODES.filter(
  (code): code is ResultCode => PROBLEMS[code].stage === 'result',
);
