// Builds the problems of file rules: they know a line and a path, the locator knows the columns.

import type { JsonPath, Problem, ProblemCode } from '../types';
import { atDefault } from '../catalogue';
import type { Locator } from '../rules/rule';

/** A problem at its catalogued severity on the value at `path` of `line`. */
export function problemAt(
  locate: Locator,
  line: number,
  path: JsonPath,
  code: ProblemCode,
  message: string,
  param?: string,
): Problem {
  const { column, endColumn } = locate(line, path);
  return atDefault({
    code,
    message,
    ...(param !== undefined && { param }),
    line,
    column,
    endLine: line,
    endColumn,
  });
}
