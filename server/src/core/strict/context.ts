// How the API prints where in a strict schema a problem is: `In context=('properties', 'a')`,
// a Python tuple of strings (array indices are strings too), and how it prints values in its
// schema-shape messages (Python reprs: None, True, [], 'text').

import type { JsonPath } from '../types';

/** A Python string repr: single quotes unless the text has a single quote and no double quote. */
export function pyString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of text) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch < ' ') out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/**
 * The context tuple the API prints for a schema node: `()` for the root, `('x',)` for one
 * element (Python's one-tuple), `('properties', 'a', 'items')` otherwise; elements are the
 * schema path's segments, numbers printed as strings.
 */
export function formatContext(path: JsonPath): string {
  const items = path.map((segment) => pyString(String(segment)));
  if (items.length === 1) return `(${items[0]},)`;
  return `(${items.join(', ')})`;
}

/** A JSON value as Python prints it (the API's schema-shape messages are Python's). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${pyRepr(v)}`).join(', ')}}`;
}

/** A Python set of strings as the API prints `$ref` siblings: `{'description', 'title'}`. */
export function pySet(values: readonly string[]): string {
  return `{${[...values].sort().map(pyString).join(', ')}}`;
}
