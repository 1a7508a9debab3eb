// The API's own phrasing pieces: parameter paths, value kinds and lists of supported values.

import type { JsonPath } from './types';

/** `['messages', 0, 'content', 1]` → `messages[0].content[1]` (the API's param style). */
export function formatParam(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** How the API names the kind of value it got: "a string", "an integer", "null", … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a decimal number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** `'a', 'b', and 'c'` with the Oxford comma; `'a' and 'b'` for two. */
export function quoteList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

export function invalidValue(value: unknown, supported: readonly string[]): string {
  return `Invalid value: '${String(value)}'. Supported values are: ${quoteList(supported)}.`;
}

export function invalidType(param: string, expected: string, value: unknown): string {
  return `Invalid type for '${param}': expected ${expected}, but got ${describeValue(value)} instead.`;
}

export function missingParameter(param: string): string {
  return `Missing required parameter: '${param}'.`;
}

export function unknownParameter(param: string): string {
  return `Unknown parameter: '${param}'.`;
}

/** Shortens long values for messages (a 100 KB data URL must not become the message). */
export function preview(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
