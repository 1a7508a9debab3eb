// Requests separated by a carriage return alone ("\r" with no "\n" after it: old Mac line ends,
// or a tool that wrote them). batchlint reads lines at "\n", as a JSONL reader splitting at "\n"
// does; a reader with universal newlines (Python's) also splits at a lone "\r". Which one the
// Batch API uses is not documented, so such a line is an `info` naming that doubt at the first
// lone "\r", and each request on it is checked on its own.

import type { LineResult, LineProblem } from '../line-check';
import { atDefault } from '../catalogue';
import { withoutFix } from './block-finder';

const CR = '\r';

/**
 * The result of a line that does not parse as one value but whose pieces between lone carriage
 * returns each parse as a JSON object (blank pieces aside, at least two of them): an info at the
 * first "\r", then each piece's own problems at their place in the line. The line's facts are
 * its first request's. `undefined` for any other line. Work: one check per piece, linear.
 */
export function splitAtLoneCarriageReturns(
  text: string,
  check: (piece: string) => LineResult,
): LineResult | undefined {
  const first = text.indexOf(CR);
  if (first < 0) return undefined;
  const pieces: { text: string; at: number }[] = [];
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf(CR, at);
    const stop = end < 0 ? text.length : end;
    const piece = text.slice(at, stop);
    if (piece.trim() !== '') {
      if (!isObjectText(piece)) return undefined;
      pieces.push({ text: piece, at });
    }
    at = stop + 1;
  }
  if (pieces.length < 2) return undefined;
  const problems: LineProblem[] = [
    atDefault({
      code: 'lone_carriage_return',
      message: `This line holds ${pieces.length} requests separated by a carriage return (\\r) with no line feed after it, the first at column ${first + 1}. Whether the Batch API reads a lone carriage return as a line break is not documented: a reader with universal newlines (Python's) does and sees ${pieces.length} requests; one that splits lines at \\n does not and sees a line that is not valid JSON. End each request's line with \\n to be sure.`,
      column: first,
      endColumn: first + 1,
    }),
  ];
  let facts: LineResult['facts'] | undefined;
  for (const piece of pieces) {
    const result = check(piece.text);
    facts ??= result.facts;
    for (const p of result.problems) {
      // A fix edits one line's text: it would not know this piece's place, so it is left out.
      const placed = { ...p, column: p.column + piece.at, endColumn: p.endColumn + piece.at };
      problems.push(withoutFix(placed));
    }
  }
  return { problems, facts: facts!, opensBlock: false };
}

function isObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
