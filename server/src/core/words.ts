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

/** Past this many characters, user text quoted in a message keeps only its two ends. */
export const QUOTE_MAX = 100;

/**
 * User text (a model name, a key, a custom_id, a value) as a message quotes it: as written up to
 * QUOTE_MAX characters, longer text with its middle elided (`head…tail`, QUOTE_MAX characters in
 * all, no surrogate pair split). Every message that quotes what the user wrote goes through it, so
 * a 200,000-character model name cannot turn one line's problem into a 200 KB message, or a file
 * comparing each line to it into a 200 MB report.
 */
export function elide(text: string, max = QUOTE_MAX): string {
  if (text.length <= max) return text;
  let head = Math.ceil((max - 1) / 2);
  let tail = text.length - Math.floor((max - 1) / 2);
  if (isHighSurrogate(text.charCodeAt(head - 1))) head--;
  if (isLowSurrogate(text.charCodeAt(tail))) tail++;
  return `${text.slice(0, head)}…${text.slice(tail)}`;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** How a value appears inside quotes: strings as they are, anything else as JSON; elided. */
export function showValue(value: unknown): string {
  return elide(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));
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
  return `Invalid type for '${elide(param)}': expected ${expected}, but got ${gotLabel(value)} instead.`;
}

export function missingMessage(param: string): string {
  return `Missing required parameter: '${elide(param)}'.`;
}

export function unknownMessage(param: string): string {
  return `Unknown parameter: '${elide(param)}'.`;
}

/** The older chat wording for a message whose content is missing or null. */
export const NULL_CONTENT_MESSAGE = "Invalid value for 'content': expected a string, got null.";

/** Shortens long values for messages (a 100 KB data URL must not become the message). */
export function preview(value: string, max = 60): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** "1 request", "2,500 requests": a count with its noun, in the digits the reports use. */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}
