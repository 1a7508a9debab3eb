// The checks every layer needs on parsed JSON, and what JSON.parse does not say about a line:
// which keys it gave twice.

import { visit } from 'jsonc-parser';
import type { JsonPath } from './types';

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `table[key]` when `table` itself holds `key`, else undefined. For a lookup by a key or value
 * the user wrote (a body key, a tool type, a model name): a plain object inherits `constructor`,
 * `toString`, `__proto__` and the rest of Object.prototype, which a bare `table[key]` would
 * return as if they were entries.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** A key written a second (third, …) time in one object of a line. */
export interface RepeatedKey {
  /** Path of the object that holds the key, from the line root. */
  path: JsonPath;
  key: string;
  /** UTF-16 offset and length of the repeated key (with its quotes) in the line. */
  offset: number;
  length: number;
}

/**
 * The keys `text` repeats within one object. `value` is JSON.parse(text): JSON.parse keeps one
 * property per key, so a line repeats no key exactly when its text holds as many properties
 * (colons outside strings) as the parsed value. Two counts of the text bound that number from
 * above, cheapest first: the colons a quote ends before (a key's colon always follows its closing
 * quote and maybe white space; inside a string only an escaped quote can precede one, as in
 * embedded JSON `{\"a\":1}`), then the exact count of colons outside strings. Only a line that
 * fails both is walked key by key. A line nested too deeply to walk gives [].
 */
export function findRepeatedKeys(text: string, value: unknown): RepeatedKey[] {
  const properties = countProperties(value, 0);
  if (keyColonBound(text) <= properties || countColons(text) <= properties) return [];
  const repeated: RepeatedKey[] = [];
  const seen: Set<string>[] = [];
  try {
    visit(
      text,
      {
        onObjectBegin: () => void seen.push(new Set()),
        onObjectEnd: () => void seen.pop(),
        onObjectProperty: (key, offset, length, _line, _column, pathSupplier) => {
          const keys = seen[seen.length - 1]!;
          if (keys.has(key)) repeated.push({ path: pathSupplier(), key, offset, length });
          else keys.add(key);
        },
      },
      { disallowComments: true },
    );
  } catch (error) {
    if (error instanceof RangeError) return [];
    throw error;
  }
  return repeated;
}

/**
 * The colons that follow a quote, white space between them aside: at least one per property
 * written (see findRepeatedKeys), found with indexOf jumps.
 */
export function keyColonBound(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    let before = at - 1;
    let c = text.charCodeAt(before);
    // JSON's white space: space, tab, line feed, carriage return.
    while (c === 32 || c === 9 || c === 10 || c === 13) c = text.charCodeAt(--before);
    if (c === 34) count++;
  }
  return count;
}

/**
 * Colons outside strings: in valid JSON, one per property written. Strings are crossed in
 * indexOf jumps from quote to quote; a quote is the string's end when an even number of
 * backslashes precedes it. Each character is looked at a bounded number of times: the backslashes
 * counted back from a quote are a run that ends at that quote, and the colons between two strings
 * are counted once.
 */
function countColons(text: string): number {
  let colons = 0;
  let from = 0;
  for (;;) {
    const open = text.indexOf('"', from);
    const gapEnd = open < 0 ? text.length : open;
    for (let at = from; at < gapEnd; at++) if (text.charCodeAt(at) === 58) colons++;
    if (open < 0) return colons;
    let close = text.indexOf('"', open + 1);
    while (close >= 0 && escaped(text, close, open + 1)) close = text.indexOf('"', close + 1);
    if (close < 0) return colons; // unterminated: cannot happen after JSON.parse
    from = close + 1;
  }
}

/** Whether the quote at `at` is escaped: an odd run of backslashes (from `floor` on) precedes it. */
function escaped(text: string, at: number, floor: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= floor && text.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** Below this depth properties are counted by recursion (faster), deeper with a stack. */
const RECURSION_DEPTH = 100;

/** Properties of every object in a parsed value (any depth JSON.parse took). */
export function countProperties(value: unknown, depth: number): number {
  if (depth >= RECURSION_DEPTH) return countPropertiesDeep(value);
  let count = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null) count += countProperties(child, depth + 1);
    }
    return count;
  }
  if (typeof value !== 'object' || value === null) return 0;
  for (const key in value) {
    count++;
    const child = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null) count += countProperties(child, depth + 1);
  }
  return count;
}

/** countProperties without recursion, for values nested deeper than the stack allows. */
function countPropertiesDeep(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (const child of item) if (typeof child === 'object' && child !== null) stack.push(child);
      continue;
    }
    for (const key in item) {
      count++;
      const child = (item as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return count;
}
