// Every safe fix of one line, applied until none is left: all fixes whose edits do not overlap
// go in together, then the line is checked again for what the first round uncovered (a repaired
// JSON line may then show a part of the wrong shape). Pure, per line, so a streaming fixer can
// call it line by line.

import type { TextEdit } from '../types';
import { checkLine } from '../line-check';
import { fixesFor } from './index';
import type { RuleContext } from '../models/context';
import { defaultContext } from '../models/context';

/** More rounds than any real chain of fixes needs (a round applies every fix that fits). */
const MAX_ROUNDS = 64;

export interface LineFixOutcome {
  /** The line after every safe fix; the input itself when none applies. */
  text: string;
  /** How many fixes were applied. */
  applied: number;
}

/**
 * Applies every safe single-line fix to `text` (a line without its line ending). `customId` is
 * the id a bare request body gets when it is wrapped (the caller knows the file's other ids). Fixes that touch
 * other lines (joining a pretty-printed request, removing a blank line, splitting an array of
 * requests) are the document's business and are left out. If the fixes never settle (two of them undoing each other, or more
 * than MAX_ROUNDS rounds), the line is left exactly as it was, so fixing twice gives the same text.
 */
export function fixLine(
  text: string,
  context: RuleContext = defaultContext(),
  customId?: string,
): LineFixOutcome {
  const seen = new Set([text]);
  let current = text;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = safeEdits(current, context, customId);
    if (edits.count === 0) return { text: current, applied };
    current = applyLineEdits(current, edits.edits);
    applied += edits.count;
    if (seen.has(current)) break;
    seen.add(current);
  }
  return { text, applied: 0 };
}

/** The edits of every safe fix of the line that fits beside the fixes taken before it. */
function safeEdits(
  text: string,
  context: RuleContext,
  customId: string | undefined,
): { edits: TextEdit[]; count: number } {
  // Sorted by column and pairwise disjoint: a new edit is compared with its neighbours only, so
  // a line with N fixes costs N log N, not N² (20,000 fixes in one line took 20 s).
  const taken: TextEdit[] = [];
  let count = 0;
  for (const problem of checkLine(text, context).problems) {
    const ref =
      problem.fix?.id === 'wrap-envelope' && customId !== undefined
        ? { ...problem.fix, customId }
        : problem.fix;
    const placed = { ...problem, line: 0, endLine: 0, ...(ref && { fix: ref }) };
    // A split makes lines: the document's business, like a join (fix-document.ts).
    if (ref?.id === 'split-array' || ref?.id === 'array-to-jsonl') continue;
    const fix = fixesFor(placed, () => text).find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    if (!fix.edits.every((e) => e.line === 0 && e.endLine === 0)) continue;
    if (fix.edits.some((e) => overlapsAny(taken, e))) continue;
    for (const e of fix.edits) insertSorted(taken, e);
    count++;
  }
  return { edits: taken, count };
}

/** Two edits collide when their ranges share a character, or both insert at one offset. */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.column === a.endColumn && b.column === b.endColumn) return a.column === b.column;
  return a.column < b.endColumn && b.column < a.endColumn;
}

/** The index of the first edit of `sorted` whose column is `column` or more. */
function firstFrom(sorted: readonly TextEdit[], column: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.column < column) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Whether `edit` collides with an edit of `taken` (pairwise disjoint, in insertSorted's order).
 * Only neighbours can: to the right those starting within `edit`, to the left those reaching
 * into it (their ends are in order too, so the walk left stops at once).
 */
export function overlapsAny(taken: readonly TextEdit[], edit: TextEdit): boolean {
  const at = firstFrom(taken, edit.column);
  for (let i = at; i < taken.length && taken[i]!.column <= edit.endColumn; i++)
    if (overlaps(edit, taken[i]!)) return true;
  for (let i = at - 1; i >= 0 && taken[i]!.endColumn >= edit.column; i--)
    if (overlaps(edit, taken[i]!)) return true;
  return false;
}

/** Whether `a` sorts before `b`, or with it: by column, then by end (an insertion first). */
function inOrder(a: TextEdit, b: TextEdit): boolean {
  return a.column < b.column || (a.column === b.column && a.endColumn <= b.endColumn);
}

/**
 * Inserts `edit` into `sorted`, keeping it sorted by column, then by end: disjoint edits in that
 * order end in order too, which overlapsAny's walk to the left relies on (an insertion and a
 * range may start at one column). Fixes mostly come in order, so this mostly appends.
 */
export function insertSorted(sorted: TextEdit[], edit: TextEdit): void {
  const last = sorted[sorted.length - 1];
  if (last === undefined || inOrder(last, edit)) {
    sorted.push(edit);
    return;
  }
  let at = firstFrom(sorted, edit.column);
  while (at < sorted.length && inOrder(sorted[at]!, edit)) at++;
  sorted.splice(at, 0, edit);
}

/**
 * Applies non-overlapping edits within one line: the text between them is copied once, in
 * order, so N edits to a line of L characters cost N + L (one slice per edit made it N × L).
 */
export function applyLineEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.column - b.column || a.endColumn - b.endColumn);
  const parts: string[] = [];
  let from = 0;
  for (const edit of ordered) {
    parts.push(text.slice(from, edit.column), edit.newText);
    from = edit.endColumn;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
