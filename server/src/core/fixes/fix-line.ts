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
 * other lines (joining a pretty-printed request, removing a blank line) are the document's
 * business and are left out. If the fixes never settle (two of them undoing each other, or more
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
  const taken: TextEdit[] = [];
  let count = 0;
  for (const problem of checkLine(text, context).problems) {
    const ref =
      problem.fix?.id === 'wrap-envelope' && customId !== undefined
        ? { ...problem.fix, customId }
        : problem.fix;
    const placed = { ...problem, line: 0, endLine: 0, ...(ref && { fix: ref }) };
    const fix = fixesFor(placed, () => text).find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    if (!fix.edits.every((e) => e.line === 0 && e.endLine === 0)) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
    count++;
  }
  return { edits: taken, count };
}

/** Two edits collide when their ranges share a character, or both insert at one offset. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.column === a.endColumn && b.column === b.endColumn) return a.column === b.column;
  return a.column < b.endColumn && b.column < a.endColumn;
}

/** Applies non-overlapping edits within one line, last first so earlier offsets hold. */
function applyLineEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  const ordered = [...edits].sort((a, b) => b.column - a.column || b.endColumn - a.endColumn);
  for (const edit of ordered)
    out = out.slice(0, edit.column) + edit.newText + out.slice(edit.endColumn);
  return out;
}
