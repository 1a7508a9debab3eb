// JSON.parse for lines of any size, without a second copy of their long strings. JSON.parse
// copies every string it reads: a 100 MB data URL in a 100 MB line costs another 100 MB. Here a
// line holding long string values is parsed with each of them replaced by a short stand-in, and
// each stand-in is then replaced by a slice of the line (V8 slices share the line's memory).
//
// Same result and same failures as JSON.parse: a long string is taken from the line only when it
// holds no backslash and no control character (its text is then its value, and valid JSON), the
// rest of the line is parsed by JSON.parse itself, and the stand-in, a string starting with
// U+0000, can only be ours: a line that writes \u0000 anywhere is parsed by JSON.parse as it is.

/** Strings at least this long are taken from the line, not copied; shorter lines are not scanned. */
export const LONG_STRING = 1 << 16;

const NUL_ESCAPE = '\\u0000';
/**
 * A run of characters JSON.parse reads as themselves within a string (no control character, no
 * escape), up to a quote. Sticky, so it is tried at one place only; it cannot backtrack.
 */
// eslint-disable-next-line no-control-regex -- JSON refuses control characters in strings
const VERBATIM = /[^"\\\u0000-\u001f]*/y;

/**
 * JSON.parse(text), with string values of LONG_STRING characters or more as slices of `text`.
 * Throws what JSON.parse(text) throws, message included (a SyntaxError for text that is not
 * JSON, a RangeError for nesting too deep).
 */
export function parseLine(text: string): unknown {
  const { skeleton, spans } = skeletonOf(text);
  if (spans.length === 0) return JSON.parse(skeleton);
  let value: unknown;
  try {
    value = JSON.parse(skeleton);
  } catch {
    // Not JSON: JSON.parse of the line itself says so, its message placed in the line.
    return JSON.parse(text);
  }
  return putBack(value, spans, text);
}

/**
 * What parseLine hands JSON.parse: `text` with each long string value it takes from the line
 * replaced by a stand-in (`spans` holds their quotes' offsets), or `text` itself.
 */
export function skeletonOf(text: string): { skeleton: string; spans: Array<[number, number]> } {
  if (text.length < LONG_STRING) return { skeleton: text, spans: [] };
  const spans = longStringValues(text);
  if (spans.length === 0 || text.includes(NUL_ESCAPE)) return { skeleton: text, spans: [] };
  let skeleton = '';
  let from = 0;
  spans.forEach(([open, close], i) => {
    skeleton += `${text.slice(from, open)}"${NUL_ESCAPE}${i}"`;
    from = close + 1;
  });
  return { skeleton: skeleton + text.slice(from), spans };
}

/**
 * The [open, close] quote offsets of the string values of `text` of LONG_STRING characters or
 * more that JSON.parse would read verbatim. Strings are crossed in indexOf jumps from quote to
 * quote, as a JSON tokenizer pairs them (a quote after an odd run of backslashes is escaped);
 * each character is looked at a bounded number of times.
 */
function longStringValues(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('"', from);
    if (open < 0) return spans;
    let close = text.indexOf('"', open + 1);
    while (close >= 0 && escaped(text, close, open + 1)) close = text.indexOf('"', close + 1);
    if (close < 0) return spans; // not JSON: JSON.parse says so
    from = close + 1;
    if (close - open - 1 < LONG_STRING || isKey(text, from)) continue;
    if (verbatim(text, open, close)) spans.push([open, close]);
  }
}

/** The 32 control characters, each a one-character string to look for. */
const CONTROLS = Array.from({ length: 32 }, (_, code) => String.fromCharCode(code));
/**
 * Strings up to this long are searched for a backslash and each control character in turn: 33
 * native scans of a string that stays in the processor's cache, about three times faster than
 * one pass of VERBATIM (a 200 MB file of 100 KB data URLs: 73 ms less). Longer ones take the
 * one pass, which reads their memory once.
 */
export const SCAN_BY_CHARACTER = 1 << 20;

/** Whether JSON.parse reads text[open + 1, close) as itself: no backslash, no control character. */
function verbatim(text: string, open: number, close: number): boolean {
  if (close - open - 1 > SCAN_BY_CHARACTER) {
    VERBATIM.lastIndex = open + 1;
    return VERBATIM.test(text) && VERBATIM.lastIndex === close;
  }
  // A slice shares the line's memory, and a search in it stops at the string's end.
  const inside = text.slice(open + 1, close);
  if (inside.includes('\\')) return false;
  for (const control of CONTROLS) if (inside.includes(control)) return false;
  return true;
}

/** Whether the quote at `at` is escaped: an odd run of backslashes (from `floor` on) precedes it. */
function escaped(text: string, at: number, floor: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= floor && text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Whether a colon follows `at` after JSON whitespace: the string before `at` is a key. */
function isKey(text: string, at: number): boolean {
  let i = at;
  for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
    c = text.charCodeAt(++i);
  }
  return text.charCodeAt(i) === 58;
}

/** Replaces each stand-in in `value` (the parsed skeleton) by its slice of `text`. */
function putBack(value: unknown, spans: ReadonlyArray<[number, number]>, text: string): unknown {
  const slice = (standIn: string): string => {
    const [open, close] = spans[Number(standIn.slice(1))]!;
    return text.slice(open + 1, close);
  };
  if (typeof value === 'string') return slice(value); // the line is one long string
  if (typeof value !== 'object' || value === null) return value;
  const stack: object[] = [value as object];
  const put = (holder: Record<string, unknown>, key: string, child: unknown): void => {
    if (typeof child === 'object' && child !== null) stack.push(child);
    else if (typeof child === 'string' && child.startsWith('\u0000'))
      // defineProperty: an own "__proto__" key stays a plain property.
      Object.defineProperty(holder, key, {
        value: slice(child),
        writable: true,
        enumerable: true,
        configurable: true,
      });
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const child: unknown = item[i];
        if (typeof child === 'string' && child.startsWith('\u0000')) item[i] = slice(child);
        else if (typeof child === 'object' && child !== null) stack.push(child);
      }
    } else {
      const holder = item as Record<string, unknown>;
      for (const key of Object.keys(holder)) put(holder, key, holder[key]);
    }
  }
  return value;
}
