// The repairs that turn a line (or a pretty-printed request joined into one) into a request,
// for every reader that offers or applies them: the check's syntax diagnosis, the repair-json
// fix, the join of a pretty-printed request, and the estimate. On top of scanLenient's repairs
// (quotes, Python literals, trailing commas), the punctuation of a JSON array written around the
// requests: a list of requests saved with json.dump writes "[" before the first, a comma after
// each one but the last, and "]" after that one.

import { applyReplacements, jsonStringEnd, scanLenient, skipWhitespace } from './repair';
import type { Replacement, ScanResult } from './repair';

/**
 * A line's scan (scanLenient's depth and open string, for callers that need them too) with its
 * repairs: `replacements` sorted and disjoint, in the text's offsets.
 */
export type LineRepairs = ScanResult;

/**
 * The repairs of `text`: scanLenient's, plus the removal of an array's "[" before the object
 * and its "," or "]" after it, when the text so repaired parses as a request (isRequestLike). A
 * message `{"role": "user", "content": "Hi"},` written on a line of its own inside a
 * pretty-printed request keeps its comma: it is a piece of that request, not one of a list.
 */
export function lineRepairs(text: string): LineRepairs {
  const scan = scanLenient(text);
  const around = arrayPunctuation(text);
  if (scan.unterminated || around === undefined) return scan;
  const { lead, tail } = around;
  // A trailing comma the scan found inside the tail is the tail's to remove.
  const inner = scan.replacements.filter((r) => tail === undefined || r.end <= tail.start);
  const replacements = [...(lead ? [lead] : []), ...inner, ...(tail ? [tail] : [])];
  let value: unknown;
  try {
    value = JSON.parse(applyReplacements(text, replacements));
  } catch {
    return scan;
  }
  if (!isRequestLike(value)) return scan;
  return { ...scan, replacements, kinds: new Set([...scan.kinds, 'array-punctuation']) };
}

/** Keys only a batch request line has (of any provider's envelope), never a message or a part. */
const ENVELOPE_KEYS = ['custom_id', 'method', 'url', 'body', 'params', 'request', 'recordId'];

const has = (value: object, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(value, key);

/** Whether `value` is an object with a key of a request's envelope (see ENVELOPE_KEYS). */
export function hasEnvelopeKey(value: unknown): boolean {
  return isObjectValue(value) && ENVELOPE_KEYS.some((key) => has(value, key));
}

/**
 * Whether `value` is a request: an object with a key of a request's envelope, or a request body
 * written without one (it names a `model`; a message or a part never does).
 */
export function isRequestLike(value: unknown): boolean {
  return hasEnvelopeKey(value) || (isObjectValue(value) && has(value, 'model'));
}

function isObjectValue(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The array punctuation around the one object `text` holds, as removals: `lead` a "[" before it
 * (with the white space after the bracket), `tail` a ",", "]" or "]," after it (with the white
 * space between). Undefined when there is neither, or when the text is not one object.
 */
function arrayPunctuation(text: string): { lead?: Replacement; tail?: Replacement } | undefined {
  const first = skipWhitespace(text, 0);
  let open = first;
  let lead: Replacement | undefined;
  if (text[first] === '[') {
    open = skipWhitespace(text, first + 1);
    lead = { start: first, end: open, newText: '' };
  }
  if (text[open] !== '{') return undefined;
  const close = closingBrace(text, open);
  if (close < 0) return undefined;
  const end = text.trimEnd().length;
  const rest = text.slice(close + 1, end).replace(/\s+/g, '');
  const tail =
    rest === ',' || rest === ']' || rest === '],'
      ? { start: close + 1, end, newText: '' }
      : undefined;
  if (rest !== '' && tail === undefined) return undefined;
  return lead || tail ? { lead, tail } : undefined;
}

/** The "}" that closes the object opening at `open`, strings skipped; -1 when it is not closed. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      i = jsonStringEnd(text, i);
      if (i < 0) return -1;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return c === 125 ? i : -1;
    }
  }
  return -1;
}

/**
 * A line that is only an array's bracket: "[" or "]" ("]," closes an array inside something, never
 * an array around the requests).
 */
export function isArrayBracketLine(text: string): boolean {
  const line = text.trim();
  return line === '[' || line === ']';
}
