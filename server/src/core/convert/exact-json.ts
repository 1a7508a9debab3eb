// Reading and writing a line for the converter without changing what it does not convert:
// - a number literal is kept as written when a JS number would write it otherwise (`-0`, `1e-400`,
//   `1.0`, 64-bit integers, `1e400`): the literal travels beside the value as a RawNumber, out of
//   band, so no string the user wrote can ever be mistaken for it;
// - keys are own properties whatever their name (`__proto__` included: see setKey);
// - a key given twice in one object is reported; the value kept is the last, as JSON.parse and
//   Python's json module (and so, by our reading, the API) keep it.

import { visit } from 'jsonc-parser';
import type { JsonPath } from '../types';

/** A number literal that a JS number would not write back the same way. */
export class RawNumber {
  constructor(
    /** The literal exactly as written in the line. */
    readonly text: string,
    /** Its nearest JS number (what comparisons use). */
    readonly value: number,
  ) {}
}

export type ExactJson = null | boolean | number | string | RawNumber | ExactJson[] | ExactObject;
export interface ExactObject {
  [key: string]: ExactJson;
}

/** A key given more than once in one object: where the object is and which key. */
export interface DuplicateKey {
  /** Path of the object holding the key, from the line root. */
  path: JsonPath;
  key: string;
}

export interface ExactRead {
  value: ExactJson;
  duplicates: DuplicateKey[];
}

/** Defines an own, enumerable key: plain assignment of `__proto__` would set the prototype. */
export function setKey(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The number an ExactJson number stands for, or undefined for anything else. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return value instanceof RawNumber ? value.value : undefined;
}

/**
 * Reads one line that JSON.parse already accepted (so it is strict JSON). Nesting deep enough to
 * exhaust the stack throws a RangeError, as JSON.parse would.
 */
export function readExact(text: string): ExactRead {
  const duplicates: DuplicateKey[] = [];
  const stack: { container: ExactObject | ExactJson[]; key?: string; keys?: Set<string> }[] = [];
  let root: ExactJson = null;
  const put = (value: ExactJson): void => {
    const top = stack[stack.length - 1];
    if (!top) root = value;
    else if (Array.isArray(top.container)) top.container.push(value);
    else setKey(top.container, top.key!, value);
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        const object: ExactObject = {};
        put(object);
        stack.push({ container: object, keys: new Set() });
      },
      onObjectProperty: (key, _offset, _length, _line, _column, pathSupplier) => {
        const top = stack[stack.length - 1]!;
        if (top.keys!.has(key)) duplicates.push({ path: pathSupplier(), key });
        else top.keys!.add(key);
        top.key = key;
        // The last value wins; re-adding the key after a delete would move it to the end, and
        // JSON.parse keeps it where it first appeared.
      },
      onArrayBegin: () => {
        const array: ExactJson[] = [];
        put(array);
        stack.push({ container: array });
      },
      onObjectEnd: () => void stack.pop(),
      onArrayEnd: () => void stack.pop(),
      onLiteralValue: (value: unknown, offset, length) => {
        if (typeof value !== 'number') return put(value as ExactJson);
        const literal = text.slice(offset, offset + length);
        put(JSON.stringify(value) === literal ? value : new RawNumber(literal, value));
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return { value: root, duplicates };
}

/**
 * Writes a value compactly, as JSON.stringify would, with every RawNumber as its literal. The
 * text is written as pieces joined once: a 100 MB string in a nested value is copied once, not
 * once per level it is nested in.
 */
export function writeExact(value: ExactJson | undefined): string {
  const pieces: string[] = [];
  writeInto(value, pieces);
  return pieces.join('');
}

function writeInto(value: ExactJson | undefined, pieces: string[]): void {
  if (value instanceof RawNumber) pieces.push(value.text);
  else if (typeof value === 'string') writeString(value, pieces);
  else if (value === null || typeof value !== 'object') pieces.push(JSON.stringify(value ?? null));
  else if (Array.isArray(value)) {
    pieces.push('[');
    value.forEach((item, i) => {
      if (i > 0) pieces.push(',');
      writeInto(item, pieces);
    });
    pieces.push(']');
  } else {
    pieces.push('{');
    let first = true;
    for (const key of Object.keys(value)) {
      const item = value[key];
      if (item === undefined) continue;
      pieces.push(first ? '' : ',', JSON.stringify(key), ':');
      writeInto(item, pieces);
      first = false;
    }
    pieces.push('}');
  }
}

/** Strings this long that need no escape are written between quotes as they are, not copied. */
const LONG_STRING = 1 << 16;
/**
 * A run of characters JSON.stringify writes as themselves: no quote, backslash, control
 * character or surrogate (a lone one is escaped). Sticky: tried at one place; cannot backtrack.
 */
// eslint-disable-next-line no-control-regex -- JSON escapes control characters in strings
const AS_IS = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;

function writeString(text: string, pieces: string[]): void {
  AS_IS.lastIndex = 0;
  if (text.length >= LONG_STRING && AS_IS.test(text) && AS_IS.lastIndex === text.length)
    pieces.push('"', text, '"');
  else pieces.push(JSON.stringify(text));
}
