// Completion inside a request line, as a pure function of (line text, column): the keys the
// schema allows at the cursor's object (the body's keys chosen by the line's url; deprecated
// ones marked, with their description from propertyInfo) and the values of enum-typed
// parameters. The language server only turns the columns into an editor range.

import type { JsonPath } from '../types';
import { keysOf, lineSchemasAt, propertyInfo } from '../schema/info';
import { locateInLine } from './cursor';

/** One proposal: a key (inserted with its quotes, and `: ` after a new one) or a value. */
export interface CompletionEntry {
  kind: 'property' | 'value';
  label: string;
  /** The text that replaces the completion span. */
  insertText: string;
  /** What the editor filters the typed text against (a key with its quotes). */
  filterText: string;
  /** Markdown: the deprecation note, then the description. */
  documentation?: string;
  deprecated?: boolean;
}

/** The proposals at a column, and the span (UTF-16 columns) an accepted one replaces. */
export interface Completions {
  start: number;
  end: number;
  entries: CompletionEntry[];
}

function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** What may be typed at `column` of a request line; undefined outside a JSON object line. */
export function completionsAt(text: string, column: number): Completions | undefined {
  const loc = locateInLine(text, column);
  if (!loc) return undefined;
  const node = loc.node;
  // Replace the string or number being typed (quotes included), else insert at the cursor.
  const onNode =
    node !== undefined &&
    node.offset <= column &&
    column <= node.offset + node.length &&
    node.type !== 'object';
  const start = onNode ? node.offset : column;
  const end = onNode ? node.offset + node.length : column;

  if (loc.atKey) {
    const objectPath = loc.path.slice(0, -1);
    const present = valueAt(loc.value, objectPath);
    const typed = loc.path[loc.path.length - 1];
    const entries: CompletionEntry[] = [];
    for (const key of keysOf(lineSchemasAt(loc.value, objectPath)).keys()) {
      const exists = typeof present === 'object' && present !== null && key in present;
      if (exists && key !== typed) continue;
      const info = propertyInfo(loc.value, [...objectPath, key]);
      // Declared only to check what is inside (responses' `messages`): the parameter is elsewhere.
      if (info?.annotation?.movedTo !== undefined && !info.annotation.responses) continue;
      const entry: CompletionEntry = {
        kind: 'property',
        label: key,
        insertText: onNode ? `"${key}"` : `"${key}": `,
        filterText: `"${key}"`,
      };
      const notes = [info?.deprecated && `**Deprecated.** ${info.deprecated}`, info?.description];
      const documentation = notes.filter(Boolean).join('\n\n');
      if (documentation) entry.documentation = documentation;
      if (info?.deprecated) entry.deprecated = true;
      entries.push(entry);
    }
    return { start, end, entries };
  }

  // The place's values as propertyInfo gives them (the envelope's url: the manifest's urls).
  const values = propertyInfo(loc.value, loc.path)?.values ?? [];
  const entries = values.map((v): CompletionEntry => {
    const json = JSON.stringify(v);
    return { kind: 'value', label: json, insertText: json, filterText: json };
  });
  return { start, end, entries };
}
