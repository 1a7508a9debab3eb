// The API's own phrasing pieces: parameter paths, how it names a value's type, how it quotes and
// lists values. One module so every message, from schemas and from rules, uses the same words.

import type { JsonPath } from './types';

/** The API's parameter path: keys joined by dots, indices in brackets with no dot before them. */
export function formatParam(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/** How the API names the type it got: "a string", "an integer", "a decimal number", "null"... */
export function gotLabel(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'boolean':
      return 'a boolean';
    case 'number':
      // A literal such as 1e400 is past the largest double: JSON parsers read it as Infinity.
      if (!Number.isFinite(value)) return 'a number too large to represent';
      return Number.isInteger(value) ? 'an integer' : 'a decimal number';
    case 'object':
      return 'an object';
    default:
      return 'an unsupported value';
  }
}

/** How a value appears inside quotes: strings as they are, anything else as JSON. */
export function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (Oxford comma from three values on). */
export function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((v) => `'${showValue(v)}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

export function invalidValueMessage(value: unknown, supported: readonly unknown[]): string {
  return `Invalid value: '${showValue(value)}'. Supported values are: ${quoteList(supported)}.`;
}

export function invalidTypeMessage(param: string, expected: string, value: unknown): string {
  return `Invalid type for '${param}': expected ${expected}, but got ${gotLabel(value)} instead.`;
}

export function missingMessage(param: string): string {
  return `Missing required parameter: '${param}'.`;
}

export function unknownMessage(param: string): string {
  return `Unknown parameter: '${param}'.`;
}

/** The older chat wording for a message whose content is missing or null. */
export const NULL_CONTENT_MESSAGE = "Invalid value for 'content': expected a string, got null.";

/** Shortens long values for messages (a 100 KB data URL must not become the message). */
export function preview(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
