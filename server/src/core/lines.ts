// Splits a document into lines the way JSONL readers do: "\n" ends a line, a "\r" before it is
// part of the line ending, and a final newline does not start another (empty) line.

export interface SplitText {
  lines: string[];
  /** The text began with a UTF-8 byte order mark (U+FEFF); it is not part of line 0. */
  bom: boolean;
  /** Line i ended with "\r\n" (kept so fixes and byte counts stay exact). */
  crlf: boolean[];
}

export const BOM = '\uFEFF';

export function splitLines(text: string): SplitText {
  const bom = text.startsWith(BOM);
  const body = bom ? text.slice(1) : text;
  // An empty text has no lines at all (not one blank line).
  const lines = body === '' ? [] : body.split('\n');
  const crlf = lines.map((line) => line.endsWith('\r'));
  for (let i = 0; i < lines.length; i++) if (crlf[i]) lines[i] = lines[i]!.slice(0, -1);
  // A final newline (or a lone CR after it, the tail of a line ending) does not start a line.
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
    crlf.pop();
  }
  return { lines, bom, crlf };
}

/** True when a line holds nothing but white space (the API rejects such lines as invalid JSON). */
export function isBlank(line: string): boolean {
  // A request starts with '{': known without trim's scan (this runs on every line).
  return line.charCodeAt(0) !== 123 && line.trim() === '';
}

/** Inserts of at least this many items are not spread onto the stack (V8 overflows near 100k). */
const SPREAD_LIMIT = 10_000;

/**
 * Replaces `deleteCount` items of `array` at `start` with `items`, in place, as
 * Array.prototype.splice does, but without spreading a huge argument list onto the stack (a paste
 * of 100,000 lines into an open document). Used by every line model that keeps per-line arrays.
 */
export function spliceLarge<T>(array: T[], start: number, deleteCount: number, items: T[]): void {
  if (items.length < SPREAD_LIMIT) {
    array.splice(start, deleteCount, ...items);
    return;
  }
  const tail = array.splice(start + deleteCount);
  array.length = start;
  for (const item of items) array.push(item);
  for (const item of tail) array.push(item);
}
