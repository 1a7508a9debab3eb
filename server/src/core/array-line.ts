// Requests saved as one JSON array. On one line (json.dumps of a list): JSON, but not JSONL, and
// the file validator refuses it as a line that is no request; the fix puts each request on a
// line of its own, each one's text as written, and the requests' own problems are reported now,
// where they are in the line, so the split uncovers nothing unseen. Over many lines (with indent):
// arrayRequests gives the requests the editor's one-edit rewrite writes (see array-frame.ts).

import type { Finding } from './types';
import type { LineProblem, LineResult } from './line-check';
import { atDefault } from './catalogue';
import { LineTree, placeFindings } from './locate';
import { parseLine } from './parse-line';
import { hasEnvelopeKey, isRequestLike, lineRepairs } from './syntax/line-repairs';
import { applyReplacements } from './syntax/repair';
import { findBlock } from './syntax/blocks';
import { JSONL_NOT_ARRAY, opensObject } from './syntax/diagnose';
import { elide, plural } from './words';
import { ownValue } from './json';

/**
 * The items of a parsed line that is an array of requests (or of request bodies, which the
 * split lines then wrap), or undefined when it is not one: an empty array, or one holding
 * anything else (a messages list pasted as a line is not a list of requests).
 */
export function requestItems(
  value: readonly unknown[],
): Array<Record<string, unknown>> | undefined {
  if (value.length === 0) return undefined;
  return value.every(isRequestLike) ? (value as Array<Record<string, unknown>>) : undefined;
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
    if (!hasEnvelopeKey(item)) return;
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
  findings.push(...repeatedIds(items));
  const count = plural(items.length, 'request');
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
 * A custom_id used by an earlier request of the same array: what the file's duplicate_custom_id
 * rule says of two lines (rules/duplicate-custom-id.ts), said of two items of one line, which
 * that rule, fed one line at a time, does not see.
 */
function repeatedIds(items: ReadonlyArray<Record<string, unknown>>): Finding[] {
  const first = new Map<string, number>();
  const found: Finding[] = [];
  items.forEach((item, i) => {
    const id = ownValue(item, 'custom_id');
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, i);
      return;
    }
    found.push(
      atDefault({
        code: 'duplicate_custom_id' as const,
        message: `Duplicate custom_id '${elide(id)}': request ${earlier + 1} of this array already uses it. Every custom_id must be unique within the batch, or results cannot be matched to requests.`,
        param: 'custom_id',
        path: [i, 'custom_id'],
        anchor: 'value' as const,
      }),
    );
  });
  return found;
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
    // A request written over "lines" the line reader does not split at (lone "\r") is joined
    // as a pretty-printed one is: each piece trimmed (JSON strings hold no raw line break).
    return text
      .slice(span.start, span.end)
      .split(/\r\n?|\n/)
      .map((piece, _k, all) => (all.length === 1 ? piece : piece.trim()))
      .join('');
  });
}

/**
 * The requests of a JSON array written over lines start..end (its "[" and "]" on lines of their
 * own), each as one line: a request written on a line of its own without the array's comma or
 * bracket, a pretty-printed one joined as its join fix joins it. Undefined when a line between
 * holds anything else (the array is then not one of requests only, or not as check read it).
 */
export function arrayRequests(
  getLine: (line: number) => string,
  start: number,
  end: number,
): string[] | undefined {
  const items: string[] = [];
  for (let line = start + 1; line < end;) {
    const text = getLine(line);
    const whole = text.trim() === '' ? '' : requestLine(text);
    if (whole !== undefined) {
      if (whole !== '') items.push(whole);
      line++;
      continue;
    }
    const block = opensObject(text) ? findBlock(getLine, line, end) : undefined;
    if (!block?.request) return undefined;
    items.push(block.joined);
    line = block.endLine + 1;
  }
  return items.length > 0 ? items : undefined;
}

/** A line that is one request, as written or once its JSON is repaired, trimmed; else undefined. */
function requestLine(text: string): string | undefined {
  const repairs = lineRepairs(text);
  const candidate = applyReplacements(text, repairs.replacements).trim();
  try {
    return isRequestLike(JSON.parse(candidate)) ? candidate : undefined;
  } catch {
    return undefined;
  }
}
