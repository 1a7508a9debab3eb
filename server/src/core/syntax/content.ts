// What a request holds behind a syntax problem. A line with typographic quotes, or a request
// pretty-printed over several lines, is reported for its syntax; but its fix (straighten the
// quotes, join the lines) then shows the request's own problems (JSON mode without the word
// "json", a part of the wrong shape). A fix's output must hold nothing the check did not show, so
// the check reports those problems now, on the text as written. They carry no fix: their fixes
// apply to the repaired text, once the syntax fix has run.

import type { Problem } from '../types';
import type { LineProblem } from '../line-check';
import type { Replacement } from './repair';
import type { Block } from './blocks';
import { lineRepairs } from './line-repairs';

/** A place in the text as written: 0-based line and UTF-16 column. */
export interface Place {
  line: number;
  column: number;
}

/**
 * Maps an offset of the repaired text back to the text as written, for repairs listed by
 * `replacements` (sorted, in the written text's offsets). An offset inside a replacement's new
 * text maps into the replaced span, clamped to it.
 */
export function writtenOffset(replacements: readonly Replacement[], offset: number): number {
  let delta = 0;
  for (const r of replacements) {
    const start = r.start + delta;
    if (offset < start) break;
    if (offset < start + r.newText.length)
      return r.start + Math.min(offset - start, r.end - r.start);
    delta += r.newText.length - (r.end - r.start);
  }
  return offset - delta;
}

/**
 * The problems a repaired line's own check found, placed on the line as written, without fixes.
 * `replacements` are the repairs that turned the written line into the checked one.
 */
export function placeOnLine(
  problems: readonly LineProblem[],
  replacements: readonly Replacement[],
): LineProblem[] {
  return problems.map(({ fix: _fix, ...p }) => ({
    ...p,
    column: writtenOffset(replacements, p.column),
    endColumn: writtenOffset(replacements, p.endColumn),
  }));
}

/**
 * The problems of a pretty-printed request's joined text (see blocks.ts: its lines trimmed and
 * concatenated, then repaired), placed on the lines they come from, without fixes.
 */
export function placeInBlock(
  problems: readonly LineProblem[],
  block: Block,
  getLine: (line: number) => string,
): Problem[] {
  // Where each line's trimmed text starts in the concatenation, and how much was trimmed off it.
  const starts: number[] = [];
  const leads: number[] = [];
  let compact = '';
  for (let line = block.startLine; line <= block.endLine; line++) {
    const text = getLine(line);
    starts.push(compact.length);
    leads.push(text.length - text.trimStart().length);
    compact += text.trim();
  }
  const replacements = lineRepairs(compact).replacements;
  const place = (offset: number): Place => {
    const at = writtenOffset(replacements, offset);
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > at) i--;
    return { line: block.startLine + i, column: leads[i]! + at - starts[i]! };
  };
  return problems.map(({ fix: _fix, column, endColumn, ...p }) => {
    const start = place(column);
    // An end at a line's last character belongs to that line, not to the next one's start.
    const end = endColumn > column ? place(endColumn - 1) : start;
    return {
      ...p,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: endColumn > column ? end.column + 1 : end.column,
    };
  });
}
