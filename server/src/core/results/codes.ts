// The problem codes `batchlint results` reports, with their default severities. Result problems
// are told apart from the linter's own by these codes (and, in editors, by their source).

import type { Severity } from '../types';

export const RESULT_CODES = {
  /** The request ran and failed: HTTP status 400 or more, or an error the API did not name. */
  request_failed: 'error',
  /** `batch_expired`: the completion window ended before the request ran. */
  batch_expired: 'warning',
  /** `batch_cancelled`: the batch was cancelled before the request ran. */
  batch_cancelled: 'warning',
  /** `request_timeout`: the call to the model timed out. */
  request_timeout: 'warning',
  /** No result line names this request's custom_id. */
  no_result: 'warning',
  /** An entry of a failed batch's `errors.data`. */
  batch_error: 'error',
  /** A result line whose custom_id is in no line of the input. */
  unknown_custom_id: 'warning',
  /** A second result line for one custom_id. */
  duplicate_result: 'warning',
  /** A result line that cannot be read as a result. */
  invalid_result_line: 'warning',
} as const satisfies Record<string, Severity>;

export type ResultCode = keyof typeof RESULT_CODES;
