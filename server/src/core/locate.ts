// Turns a JSON path into offsets in a line's text. Only lines that have problems pay for this, and
// even then only for the text before the target: the scanner follows the path and skips every
// value it does not need, strings at indexOf speed (a 100 KB image costs next to nothing).
//
// Placement follows the JSON language service: an unknown key points at the key, a missing
// required property at the key of the object that lacks it (or its "{"), anything else at the value.

import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import type { Anchor, JsonPath } from './types';

export interface Span {
  start: number;
  end: number;
}

/** One step found along a path: the value's span and, for object members, the key's. */
interface Step {
  value: Span;
  key?: Span;
}

/** A line's text with lazy, cached lookups: offsets by path, and a full tree for fixes. */
export class LineTree {
  private root: Node | undefined | null = null;

  constructor(readonly text: string) {}

  /** The jsonc-parser node at `path` (fixes need parents and children); undefined when absent. */
  node(path: JsonPath): Node | undefined {
    if (this.root === null) {
      try {
        this.root = parseTree(this.text, [], { allowTrailingComma: true }) ?? undefined;
      } catch {
        // Pathological nesting can exhaust the parser's stack: no tree, so no fix.
        this.root = undefined;
      }
    }
    return this.root ? findNodeAtLocation(this.root, path as (string | number)[]) : undefined;
  }

  /** The span for a finding at `path` placed by `anchor`; the nearest existing ancestor if absent. */
  locate(path: JsonPath, anchor: Anchor): Span {
    const steps = followPath(this.text, path);
    if (steps.length === 0) return { start: 0, end: this.text.length };
    const exact = steps.length === path.length + 1;
    const last = steps[steps.length - 1]!;
    if (exact && anchor === 'value') return nonEmpty(last.value);
    if (last.key) return nonEmpty(last.key);
    const opener = this.text[last.value.start];
    if (opener === '{' || opener === '[')
      return { start: last.value.start, end: last.value.start + 1 };
    return nonEmpty(last.value);
  }
}

/** The span of the value at `path` in one line (the whole line when it is not there). */
export function locateValue(text: string, path: JsonPath): Span {
  return new LineTree(text).locate(path, 'value');
}

function nonEmpty(span: Span): Span {
  return { start: span.start, end: Math.max(span.end, span.start + 1) };
}

/**
 * Follows `path` through `text`: steps[0] is the root value, steps[i] the value at path[i - 1].
 * Stops early where the path leaves the document (or the text is not JSON there).
 */
function followPath(text: string, path: JsonPath): Step[] {
  let pos = skipSpace(text, 0);
  if (pos >= text.length) return [];
  const steps: Step[] = [{ value: { start: pos, end: skipValue(text, pos) } }];
  for (const segment of path) {
    const open = text[pos];
    let found: Step | undefined;
    if (open === '{' && typeof segment === 'string') found = findMember(text, pos, segment);
    else if (open === '[' && typeof segment === 'number') found = findElement(text, pos, segment);
    if (!found) break;
    steps.push(found);
    pos = found.value.start;
  }
  return steps;
}

function findMember(text: string, open: number, wanted: string): Step | undefined {
  let match: Step | undefined;
  let pos = skipSpace(text, open + 1);
  while (pos < text.length && text[pos] === '"') {
    const keyEnd = stringEnd(text, pos);
    const raw = text.slice(pos + 1, keyEnd - 1);
    const key = raw.includes('\\') ? decodeKey(raw) : raw;
    const colon = skipSpace(text, keyEnd);
    if (text[colon] !== ':') break;
    const valueStart = skipSpace(text, colon + 1);
    const valueEnd = skipValue(text, valueStart);
    // Duplicate keys: JSON.parse keeps the last one, so the last match wins here too.
    if (key === wanted)
      match = { key: { start: pos, end: keyEnd }, value: { start: valueStart, end: valueEnd } };
    const after = skipSpace(text, valueEnd);
    if (text[after] !== ',') break;
    pos = skipSpace(text, after + 1);
  }
  return match;
}

function findElement(text: string, open: number, index: number): Step | undefined {
  let pos = skipSpace(text, open + 1);
  for (let i = 0; pos < text.length && text[pos] !== ']'; i++) {
    const end = skipValue(text, pos);
    if (i === index) return { value: { start: pos, end } };
    pos = skipSpace(text, end);
    if (text[pos] !== ',') return undefined;
    pos = skipSpace(text, pos + 1);
  }
  return undefined;
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function skipSpace(text: string, from: number): number {
  let pos = from;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return pos;
    pos++;
  }
}

/** The offset just past the string that opens at `open` (a '"'), honouring escapes. */
function stringEnd(text: string, open: number): number {
  let quote = text.indexOf('"', open + 1);
  while (quote > 0) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** The offset just past the value that starts at `start`. */
function skipValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first !== '{' && first !== '[') {
    let pos = start;
    while (pos < text.length && !',]} \t\r\n'.includes(text[pos]!)) pos++;
    return pos;
  }
  let depth = 0;
  for (let pos = start; pos < text.length; pos++) {
    const c = text.charCodeAt(pos);
    if (c === 34) pos = stringEnd(text, pos) - 1;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return pos + 1;
    }
  }
  return text.length;
}
