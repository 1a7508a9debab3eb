// Turns a JSON path into offsets in a line's text. Only lines that have problems pay for this, and
// even then only once per line: the first lookup reads the line in one pass and remembers where
// every large container ends; each object or array along a path is then read once, into a map of
// its members, so placing the 10,000th finding of a line costs what placing the first did.
// Strings are skipped at indexOf speed (a 100 KB image costs next to nothing).
//
// Placement follows the JSON language service: an unknown key points at the key, a missing
// required property at the key of the object that lacks it (or its "{"), anything else at the value.

import { parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import type { Anchor, Finding, JsonPath } from './types';
import type { LineProblem } from './line-check';

export interface Span {
  start: number;
  end: number;
}

/** One step found along a path: the value's span and, for object members, the key's. */
interface Step {
  value: Span;
  key?: Span;
}

/**
 * Containers shorter than this are skipped by reading them again rather than remembered: it keeps
 * the memory for the end offsets under a fortieth of the line, and the re-reading bounded.
 */
const REMEMBERED_LENGTH = 64;

/** A line's text with lazy, cached lookups: offsets by path, and a full tree for fixes. */
export class LineTree {
  private root: Node | undefined | null = null;
  /** Key → property node of each jsonc-parser object node looked into (as jsonc-parser's own lookup: the first complete property). */
  private readonly nodeMembers = new Map<Node, Map<string, Node>>();
  /** Start and end offsets (end exclusive) of the containers of at least REMEMBERED_LENGTH read so far, by start. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private rootStep: Step | undefined | null = null;
  private readonly members = new Map<number, Map<string, Step>>();
  private readonly elements = new Map<number, Step[]>();
  /**
   * Characters read so far by `locate`, a measure of work that lets callers and tests check it
   * stays proportional to the line, however many findings it has.
   */
  scanned = 0;

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
    let node = this.root;
    for (const segment of path) {
      if (!node) return undefined;
      if (node.type === 'object' && typeof segment === 'string') {
        node = this.memberNodes(node).get(segment)?.children?.[1];
      } else if (node.type === 'array' && typeof segment === 'number') {
        node = node.children?.[segment];
      } else return undefined;
    }
    return node;
  }

  /** The span for a finding at `path` placed by `anchor`; the nearest existing ancestor if absent. */
  locate(path: JsonPath, anchor: Anchor): Span {
    const span = this.find(path, anchor);
    // A path that leaves a line which ends mid-value (the first line of a pretty-printed request)
    // can land at the very end: the span then stays inside the line.
    const end = Math.min(span.end, this.text.length);
    return { start: Math.min(span.start, end), end };
  }

  private find(path: JsonPath, anchor: Anchor): Span {
    const steps = this.followPath(path);
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

  private memberNodes(object: Node): Map<string, Node> {
    let map = this.nodeMembers.get(object);
    if (!map) {
      map = new Map();
      for (const property of object.children ?? []) {
        const key: unknown = property.children?.[0]?.value;
        if (typeof key === 'string' && property.children?.length === 2 && !map.has(key))
          map.set(key, property);
      }
      this.nodeMembers.set(object, map);
    }
    return map;
  }

  /**
   * Follows `path` through the text: steps[0] is the root value, steps[i] the value at path[i - 1].
   * Stops early where the path leaves the document (or the text is not JSON there).
   */
  private followPath(path: JsonPath): Step[] {
    if (this.rootStep === null) {
      const pos = skipSpace(this.text, 0);
      this.rootStep =
        pos >= this.text.length ? undefined : { value: { start: pos, end: this.skipValue(pos) } };
    }
    if (!this.rootStep) return [];
    const steps: Step[] = [this.rootStep];
    let pos = this.rootStep.value.start;
    for (const segment of path) {
      const open = this.text[pos];
      let found: Step | undefined;
      if (open === '{' && typeof segment === 'string') found = this.memberSteps(pos).get(segment);
      else if (open === '[' && typeof segment === 'number') found = this.elementSteps(pos)[segment];
      if (!found) break;
      steps.push(found);
      pos = found.value.start;
    }
    return steps;
  }

  /** The members of the object opening at `open`, read once. Duplicate keys: JSON.parse keeps the last, so do we. */
  private memberSteps(open: number): Map<string, Step> {
    const cached = this.members.get(open);
    if (cached) return cached;
    const text = this.text;
    const map = new Map<string, Step>();
    let pos = skipSpace(text, open + 1);
    while (pos < text.length && text[pos] === '"') {
      const keyEnd = this.stringEnd(pos);
      const raw = text.slice(pos + 1, keyEnd - 1);
      const key = raw.includes('\\') ? decodeKey(raw) : raw;
      const colon = skipSpace(text, keyEnd);
      if (text[colon] !== ':') break;
      const valueStart = skipSpace(text, colon + 1);
      const valueEnd = this.skipValue(valueStart);
      map.set(key, {
        key: { start: pos, end: keyEnd },
        value: { start: valueStart, end: valueEnd },
      });
      const after = skipSpace(text, valueEnd);
      if (text[after] !== ',') break;
      pos = skipSpace(text, after + 1);
    }
    this.members.set(open, map);
    return map;
  }

  /** The elements of the array opening at `open`, read once. */
  private elementSteps(open: number): Step[] {
    const cached = this.elements.get(open);
    if (cached) return cached;
    const text = this.text;
    const list: Step[] = [];
    let pos = skipSpace(text, open + 1);
    while (pos < text.length && text[pos] !== ']') {
      const end = this.skipValue(pos);
      list.push({ value: { start: pos, end } });
      pos = skipSpace(text, end);
      if (text[pos] !== ',') break;
      pos = skipSpace(text, pos + 1);
    }
    this.elements.set(open, list);
    return list;
  }

  /** The offset just past the string that opens at `open` (a '"'), honouring escapes. */
  private stringEnd(open: number): number {
    const end = stringEnd(this.text, open);
    this.scanned += end - open;
    return end;
  }

  /**
   * The offset just past the value that starts at `start`. A container is read once: the ends of
   * the large containers met on the way are remembered, so reading one again is a lookup.
   */
  private skipValue(start: number): number {
    const text = this.text;
    const first = text[start];
    if (first === '"') return this.stringEnd(start);
    if (first !== '{' && first !== '[') {
      let pos = start;
      while (pos < text.length && !',]} \t\r\n'.includes(text[pos]!)) pos++;
      this.scanned += pos - start;
      return pos;
    }
    const known = this.knownEnd(start);
    if (known !== undefined) return known;
    const starts = this.starts;
    const ends = this.ends;
    // Recorded in order of their start, so lookups can halve: only a read past everything read before.
    const record = starts.length === 0 || start > starts[starts.length - 1]!;
    const opens: number[] = [];
    let pos = start;
    for (; pos < text.length; pos++) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos = stringEnd(text, pos) - 1;
      } else if (c === 123 || c === 91) {
        opens.push(starts.length);
        if (record) {
          starts.push(pos);
          ends.push(text.length);
        }
      } else if (c === 125 || c === 93) {
        const slot = opens.pop()!;
        if (record) {
          // A small container holds only small ones, recorded after it: forget them all.
          if (pos + 1 - starts[slot]! < REMEMBERED_LENGTH) starts.length = ends.length = slot;
          else ends[slot] = pos + 1;
        }
        if (opens.length === 0) break;
      }
    }
    const end = Math.min(pos + 1, text.length);
    this.scanned += end - start;
    return end;
  }

  /** The remembered end of the container opening at `start`. */
  private knownEnd(start: number): number | undefined {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = starts[mid]!;
      if (at === start) return this.ends[mid];
      if (at < start) low = mid + 1;
      else high = mid - 1;
    }
    return undefined;
  }
}

let lastTree: LineTree | undefined;

/**
 * The tree of `text`, shared with the previous caller when the text is the same: the fixes of a
 * line's 10,000 problems are computed one problem at a time, and each must not read the line anew.
 */
export function lineTreeOf(text: string): LineTree {
  if (lastTree?.text !== text) lastTree = new LineTree(text);
  return lastTree;
}

/** The span of the value at `path` in one line (the whole line when it is not there). */
export function locateValue(text: string, path: JsonPath): Span {
  return new LineTree(text).locate(path, 'value');
}

function nonEmpty(span: Span): Span {
  return { start: span.start, end: Math.max(span.end, span.start + 1) };
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

/** Findings on a parsed line, placed at their offsets in its text (one LineTree for all). */
export function placeFindings(text: string, findings: Finding[]): LineProblem[] {
  const tree = new LineTree(text);
  return findings.map((f) => {
    const span = tree.locate(f.path, f.anchor);
    const problem: LineProblem = {
      code: f.code,
      severity: f.severity,
      message: f.message,
      column: span.start,
      endColumn: span.end,
    };
    if (f.stage !== undefined) problem.stage = f.stage;
    if (f.param !== undefined) problem.param = f.param;
    if (f.fix) problem.fix = f.fix;
    return problem;
  });
}
