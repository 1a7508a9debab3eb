// The checks every layer needs on parsed JSON, and what JSON.parse does not say about a line:
// which keys it gave twice.

import { visit } from 'jsonc-parser';
import type { JsonPath } from './types';

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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
 * (colons outside strings) as the parsed value. Only a line that fails that count is walked key
 * by key. A line nested too deeply to walk gives [].
 */
export function findRepeatedKeys(text: string, value: unknown): RepeatedKey[] {
  const properties = countProperties(value);
  // Every colon, in strings too, first: when there are no more than properties, none repeats.
  if (countAll(text, ':') <= properties || countColons(text) <= properties) return [];
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

function countAll(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/**
 * Colons outside strings: in valid JSON, one per property written. A string with no backslash
 * before its closing quote (a data URL, most text) is crossed in one indexOf jump; from its first
 * backslash on, it is read char by char. The next backslash is remembered until passed, so each
 * character is looked at a bounded number of times.
 */
function countColons(text: string): number {
  let colons = 0;
  let backslash = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) colons++;
    if (c !== 34) continue;
    const quote = text.indexOf('"', i + 1);
    if (quote < 0) break; // unterminated: cannot happen after JSON.parse
    if (backslash !== -2 && backslash <= i) {
      backslash = text.indexOf('\\', i + 1);
      if (backslash < 0) backslash = -2; // none left in the text
    }
    if (backslash === -2 || backslash > quote) {
      i = quote;
      continue;
    }
    i = backslash;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === 92) i += 2;
      else if (d === 34) break;
      else i++;
    }
  }
  return colons;
}

/** Properties of every object in a parsed value, without recursion (any depth JSON.parse took). */
function countProperties(value: unknown): number {
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
