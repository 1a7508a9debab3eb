// Shared plumbing for the chat → responses conversion: the JSON value types, the record of what
// was not carried over, and the one helper every mapper uses to keep keys it does not understand.

import type { JsonPath, PathSegment } from '../types';
import { RawNumber, setKey } from './exact-json';
import type { ExactJson, ExactObject } from './exact-json';

/** A value of the line: numbers whose literal a JS number would respell are RawNumbers. */
export type Json = ExactJson;
export type JsonObject = ExactObject;

/** A field that stayed as it was because the responses API has no equivalent or needs a decision. */
export interface NotCarried {
  /** Where the field now sits in the converted line, from the line root (e.g. `['body','input',3,'name']`). */
  path: JsonPath;
  /** The chat parameter the user wrote, API-style and relative to body (e.g. `messages[2].name`). */
  param: string;
  reason: string;
}

/** A value that was dropped, added or changed by the conversion (beyond renaming what maps). */
export interface ValueChange {
  /** The chat parameter, API-style and relative to body (`n`, `tools[0].function.strict`). */
  param: string;
  kind: 'dropped' | 'added' | 'changed';
  /** What happened and why, for the report. */
  detail: string;
}

export function isObject(value: unknown): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof RawNumber)
  );
}

export function has(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** `['messages', 2, 'name']` → `messages[2].name`, the API's own parameter style. */
export function formatParam(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

export const UNKNOWN_KEY = 'not a chat completions parameter; kept as it was';

/**
 * Collects what a conversion reports. Mappers receive the output path where they write and the
 * input path they read, so every report can name both the new place and the old parameter.
 */
export class Ctx {
  readonly notCarried: NotCarried[] = [];
  readonly changes: ValueChange[] = [];
  private readonly noteList: string[] = [];

  /** The field at `outPath` was copied unchanged from `inPath` and is not a responses field. */
  keep(outPath: JsonPath, inPath: readonly PathSegment[], reason: string): void {
    this.notCarried.push({ path: outPath, param: formatParam(inPath), reason });
  }

  /** Behaviour that differs between the APIs; no value of the line changed. */
  note(text: string): void {
    if (!this.noteList.includes(text)) this.noteList.push(text);
  }

  /** A value dropped, added or changed: reported to the user like what needs a decision. */
  change(inPath: readonly PathSegment[], kind: ValueChange['kind'], detail: string): void {
    this.changes.push({ param: formatParam(inPath), kind, detail });
  }

  /** A key given twice in one object of the line (`path` from the line root). */
  duplicate(path: readonly PathSegment[], key: string): void {
    const inBody = path[0] === 'body' ? path.slice(1) : path;
    this.change(
      [...inBody, key],
      'dropped',
      "the key is given more than once in one object; only its last value is kept (JSON parsers, the API's too by our reading, keep the last)",
    );
  }

  /**
   * Reads an optional parameter. An explicit `null` means "not set" for every optional chat
   * parameter, so it is dropped (never carried as null): several responses targets
   * (`text.format`, `tool_choice`, …) would reject a null. Each drop is reported as a change.
   * Unknown keys and required fields are never passed through here, so their nulls are kept.
   */
  optional(obj: JsonObject, key: string, inPath: readonly PathSegment[]): Json | undefined {
    if (!has(obj, key)) return undefined;
    const value = obj[key] as Json;
    if (value === null) {
      this.change([...inPath, key], 'dropped', 'null (null means "not set")');
      return undefined;
    }
    return value;
  }

  get notes(): string[] {
    return [...this.noteList];
  }
}

/** The keys of `src` outside `known`, in their original order. */
export function extraKeys(src: JsonObject, known: ReadonlySet<string>): string[] {
  return Object.keys(src).filter((key) => !known.has(key));
}

/**
 * Whether objects can be flattened into one without two keys landing on the same name: the extra
 * keys of every source must be distinct and must not be any key the flat object may get
 * (`reserved`). When this fails the caller keeps the whole source as it was, because a collision
 * cannot be resolved without losing a value. Checked before anything is read or reported.
 */
export function canFlatten(
  sources: ReadonlyArray<readonly [JsonObject, ReadonlySet<string>]>,
  reserved: ReadonlySet<string>,
): boolean {
  const seen = new Set(reserved);
  for (const [src, known] of sources) {
    for (const key of extraKeys(src, known)) {
      if (seen.has(key)) return false;
      seen.add(key);
    }
  }
  return true;
}

/**
 * Copies onto `dst` every key of `src` that is not in `known`, reporting each one at its new place
 * (`outPath` is the path of `dst`, `inPath` the path of `src`).
 */
export function carryUnknown(
  ctx: Ctx,
  src: JsonObject,
  known: ReadonlySet<string>,
  dst: JsonObject,
  outPath: JsonPath,
  inPath: readonly PathSegment[],
): void {
  for (const key of extraKeys(src, known)) {
    setKey(dst, key, src[key] as Json);
    ctx.keep([...outPath, key], [...inPath, key], UNKNOWN_KEY);
  }
}
