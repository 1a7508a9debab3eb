// Builds the problems of file rules: they know a line and a path, the locator knows the columns.

import type { JsonPath, Problem, ProblemCode } from '../types';
import type { Locator } from '../rules/rule';

/** An error on the value at `path` of `line` (a file rule's findings are all errors). */
export function errorAt(
  locate: Locator,
  line: number,
  path: JsonPath,
  code: ProblemCode,
  message: string,
  param?: string,
): Problem {
  const { column, endColumn } = locate(line, path);
  return {
    code,
    severity: 'error',
    message,
    ...(param !== undefined && { param }),
    line,
    column,
    endLine: line,
    endColumn,
  };
}
