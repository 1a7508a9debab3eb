// A line that is a whole JSON array of requests: what json.dumps of a list of requests writes.
// JSON, but not JSONL: the file validator refuses it as a line that is no request. The fix puts
// each request on a line of its own, each one's text exactly as written; the requests' own
// problems are reported now, where they are in the line, so the split uncovers nothing unseen.

import type { Finding } from './types';
import type { LineProblem, LineResult } from './line-check';
import { atDefault } from './catalogue';
import { LineTree, placeFindings } from './locate';
import { parseLine } from './parse-line';
import { isRequestLike } from './syntax/line-repairs';
import { JSONL_NOT_ARRAY } from './syntax/diagnose';
import { isObject } from './json';

/**
 * The items of a parsed line that is an array of requests (or of request bodies, which the
 * split lines then wrap), or undefined when it is not one: an empty array, or one holding
 * anything else (a messages list pasted as a line is not a list of requests).
 */
export function requestItems(
  value: readonly unknown[],
): Array<Record<string, unknown>> | undefined {
  if (value.length === 0) return undefined;
  const isItem = (item: unknown): boolean =>
    isRequestLike(item) || (isObject(item) && Object.prototype.hasOwnProperty.call(item, 'model'));
  return value.every(isItem) ? (value as Array<Record<string, unknown>>) : undefined;
}

/**
 * The check of a line that is an array of requests: the problem that says so, with the fix
 * that splits it, then each request's findings (from `check`, without their fixes, which apply
 * to the split lines) placed in the line. Bodies without an envelope are checked once split.
 */
export function arrayLineResult(
  text: string,
  items: ReadonlyArray<Record<string, unknown>>,
  check: (request: Record<string, unknown>) => Finding[],
): LineResult {
  const findings: Finding[] = [];
  items.forEach((item, i) => {
    if (!isRequestLike(item)) return;
    let found: Finding[];
    try {
      found = check(item);
    } catch (error) {
      // Nested too deep for the validators: the split line says so once it is a line.
      if (error instanceof RangeError) return;
      throw error;
    }
    for (const { fix: _fix, ...finding } of found)
      findings.push({ ...finding, path: [i, ...finding.path] });
  });
  const count = `${items.length} request${items.length === 1 ? '' : 's'}`;
  const problem: LineProblem = atDefault({
    code: 'invalid_type' as const,
    message: `Each line must be one request object, but this line is an array. It holds ${count}: ${JSONL_NOT_ARRAY}`,
    // As for any line that is no request: the file validator refuses the whole batch.
    stage: 'validation' as const,
    column: 0,
    endColumn: text.length,
    fix: { id: 'split-array' as const },
  });
  return {
    problems: [problem, ...placeFindings(text, findings)],
    facts: { isRequest: false, unreadable: true },
    opensBlock: false,
  };
}

/**
 * The text of each request of a line that is an array of them (requestItems), exactly as
 * written; undefined for any other line.
 */
export function arrayItems(text: string): string[] | undefined {
  let value: unknown;
  try {
    value = parseLine(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || requestItems(value) === undefined) return undefined;
  const tree = new LineTree(text);
  return value.map((_, i) => {
    const span = tree.locate([i], 'value');
    return text.slice(span.start, span.end);
  });
}
