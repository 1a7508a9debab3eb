// A forgiving reader for what people paste into JSONL: typographic quotes used as JSON quotes,
// Python literals ('single quotes', True/False/None) and trailing commas. It never reformats:
// it lists the few replacements that turn the text into JSON, each at its own offset, so a fix
// changes exactly those characters and nothing else.

export type RepairKind =
  | 'typographic-quotes'
  | 'single-quotes'
  | 'python-literals'
  | 'trailing-comma'
  /** Added by lineRepairs (line-repairs.ts): the "[", "," or "]" of an array around a request. */
  | 'array-punctuation';

export interface Replacement {
  start: number;
  end: number;
  newText: string;
}

export interface ScanResult {
  replacements: Replacement[];
  kinds: Set<RepairKind>;
  /** Bracket depth at the end of the text ({ and [ open, } and ] close). */
  depth: number;
  /** A string was still open at the end of the text. */
  unterminated: boolean;
}

const OPENING_QUOTES = new Set(['\u201C', '\u201D', '\u201E', '\u2033']);
const SINGLE_TYPOGRAPHIC = new Set(['\u2018', '\u2019']);
const PYTHON_LITERALS: Record<string, string> = { True: 'true', False: 'false', None: 'null' };

/**
 * Scans `text` outside of JSON strings. `startDepth` lets a caller carry bracket depth across
 * the lines of a pretty-printed object (JSON strings never span lines, so nothing else carries).
 */
export function scanLenient(text: string, startDepth = 0): ScanResult {
  const replacements: Replacement[] = [];
  const kinds = new Set<RepairKind>();
  let depth = startDepth;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = jsonStringEnd(text, i);
      if (end < 0) return { replacements, kinds, depth, unterminated: true };
      i = end + 1;
    } else if (OPENING_QUOTES.has(ch) || ch === "'" || SINGLE_TYPOGRAPHIC.has(ch)) {
      const typographic = ch !== "'";
      // A string opened by a double typographic quote closes on one, so an apostrophe (’) inside
      // it stays text; likewise ‘…’ closes on a single one.
      const closes = OPENING_QUOTES.has(ch)
        ? (c: string) => OPENING_QUOTES.has(c)
        : SINGLE_TYPOGRAPHIC.has(ch)
          ? (c: string) => SINGLE_TYPOGRAPHIC.has(c)
          : (c: string) => c === "'";
      const end = findStringEnd(text, i + 1, closes);
      if (end < 0) return { replacements, kinds, depth, unterminated: true };
      const inner = text.slice(i + 1, end);
      replacements.push({ start: i, end: end + 1, newText: `"${toJsonStringBody(inner)}"` });
      kinds.add(typographic ? 'typographic-quotes' : 'single-quotes');
      i = end + 1;
    } else if (ch === '{' || ch === '[') {
      depth++;
      i++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      i++;
    } else if (ch === ',') {
      const next = skipWhitespace(text, i + 1);
      if (text[next] === '}' || text[next] === ']') {
        replacements.push({ start: i, end: i + 1, newText: '' });
        kinds.add('trailing-comma');
      }
      i++;
    } else if (ch === 'T' || ch === 'F' || ch === 'N') {
      const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 6))?.[0] ?? ch;
      const literal = PYTHON_LITERALS[word];
      if (literal !== undefined) {
        replacements.push({ start: i, end: i + word.length, newText: literal });
        kinds.add('python-literals');
      }
      i += word.length;
    } else {
      i++;
    }
  }
  return { replacements, kinds, depth, unterminated: false };
}

/** Index of the closing '"' of the JSON string opening at `open`; -1 if none. Skips at indexOf speed. */
export function jsonStringEnd(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote > 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return -1;
}

/** Index of the closing quote, honouring backslash escapes; -1 when the string never ends. */
function findStringEnd(text: string, from: number, closes: (c: string) => boolean): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (closes(c)) return i;
  }
  return -1;
}

/** The first offset from `from` on that is not white space (text.length when none is). */
export function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

/** Re-escapes the inside of a quoted string so it reads the same as a JSON string. */
function toJsonStringBody(inner: string): string {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '\\') {
      const next = inner[i + 1];
      // \' is only meaningful in Python; JSON has no such escape.
      if (next === "'") out += "'";
      else if (next !== undefined) out += c + next;
      i++;
    } else if (c === '"') out += '\\"';
    else out += c;
  }
  return out;
}

/** Applies non-overlapping replacements, sorted by offset. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.newText;
    at = r.end;
  }
  return out + text.slice(at);
}
