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
  return line.trim() === '';
}
