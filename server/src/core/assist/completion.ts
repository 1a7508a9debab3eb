// Completion inside a request line, as a pure function of (line text, column): the keys the
// schema allows at the cursor's object (the body's keys chosen by the line's url; deprecated
// ones marked, with their description from propertyInfo), each inserted with `: ` and a typed
// default as a snippet, and the values a place takes: the schema's enum, the manifest's urls,
// the model table's models. The language server only turns the columns into an editor range.

import { nestsDeeperThan } from '../depth';
import type { JsonPath } from '../types';
import { keysOf, lineSchemasAt, propertyInfo } from '../schema/info';
import type { PropertyInfo } from '../schema/info';
import { isObject } from '../json';
import { ModelCatalogue } from '../models/catalogue';
import { locateInLine } from './cursor';

/** One proposal: a key (inserted with its quotes, and `: ` after a new one) or a value. */
export interface CompletionEntry {
  kind: 'property' | 'value';
  label: string;
  /** The text that replaces the completion span. */
  insertText: string;
  /**
   * The same in LSP snippet syntax (`"temperature": ${1:1}`): the key, `: ` and a typed
   * default to tab through, for editors that take snippets. Absent when it equals insertText.
   */
  snippet?: string;
  /** What the editor filters the typed text against (a key with its quotes). */
  filterText: string;
  /** Markdown: the deprecation note, then the description. */
  documentation?: string;
  /** A short line beside the label: the type, or the model's context window. */
  detail?: string;
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

/** Snippet syntax escapes `$`, `}` and `\`; inside a choice also `,` and `|`. */
const escapeSnippet = (text: string): string => text.replace(/[$}\\]/g, '\\$&');
const escapeChoice = (text: string): string => text.replace(/[$}\\,|]/g, '\\$&');

/** A placeholder for the value of a parameter: its default, its values, else by its type. */
export function valueSnippet(info: PropertyInfo | undefined): string {
  if (!info) return '$1';
  const values = info.values.filter((v) => v !== null);
  if (info.default !== undefined && values.length === 0) {
    return `\${1:${escapeSnippet(JSON.stringify(info.default))}}`;
  }
  if (values.length > 0) {
    // The default first, so the choice starts on it.
    const ordered = [...values].sort(
      (a, b) => Number(b === info.default) - Number(a === info.default),
    );
    return `\${1|${ordered.map((v) => escapeChoice(JSON.stringify(v))).join(',')}|}`;
  }
  const type = info.types.find((t) => t !== 'null');
  switch (type) {
    case 'string':
      return '"$1"';
    case 'integer':
    case 'number':
      return `\${1:${info.minimum !== undefined && info.minimum > 0 ? info.minimum : 0}}`;
    case 'boolean':
      return '${1|true,false|}';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}

/**
 * What may be typed at `column` of a request line; undefined outside a JSON object line.
 * `models` is the model table in force (for the values of `model`).
 */
export function completionsAt(
  text: string,
  column: number,
  models: ModelCatalogue = ModelCatalogue.builtIn(),
): Completions | undefined {
  // A line deeper than any stage reads gets no completions (its problem says why).
  if (nestsDeeperThan(text)) return undefined;
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
    // A key already followed by its colon gets only its name; any other gets `: ` and a value.
    const withValue = !/^\s*:/.test(text.slice(end));
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
      const quoted = `"${key}"`;
      const entry: CompletionEntry = {
        kind: 'property',
        label: key,
        insertText: withValue ? `${quoted}: ` : quoted,
        filterText: quoted,
      };
      if (withValue) entry.snippet = `${escapeSnippet(quoted)}: ${valueSnippet(info)}`;
      const notes = [info?.deprecated && `**Deprecated.** ${info.deprecated}`, info?.description];
      const documentation = notes.filter(Boolean).join('\n\n');
      if (documentation) entry.documentation = documentation;
      if (info && info.types.length > 0) entry.detail = info.types.join(' | ');
      // Struck through only when the key itself is deprecated, not one value of it.
      if (info?.deprecated && info.annotation?.deprecated?.value === undefined)
        entry.deprecated = true;
      entries.push(entry);
    }
    return { start, end, entries };
  }

  if (loc.path.length === 2 && loc.path[0] === 'body' && loc.path[1] === 'model') {
    return { start, end, entries: modelEntries(loc.value, models) };
  }
  // The place's values as propertyInfo gives them (the envelope's url: the manifest's urls).
  const values = propertyInfo(loc.value, loc.path)?.values ?? [];
  const entries = values.map((v): CompletionEntry => {
    const json = JSON.stringify(v);
    return { kind: 'value', label: json, insertText: json, filterText: json };
  });
  return { start, end, entries };
}

/** The table's models that serve the line's url (all of them when the url is unknown). */
function modelEntries(line: unknown, models: ModelCatalogue): CompletionEntry[] {
  const url = isObject(line) && typeof line.url === 'string' ? line.url : undefined;
  const entries: CompletionEntry[] = [];
  for (const id of models.ids()) {
    const facts = models.resolve(id)?.facts;
    if (!facts) continue;
    if (url && facts.endpoints && !facts.endpoints.some((e) => e === url)) continue;
    const json = JSON.stringify(id);
    const entry: CompletionEntry = {
      kind: 'value',
      label: json,
      insertText: json,
      filterText: json,
    };
    if (facts.batch === false) entry.detail = 'not run by the Batch API';
    else if (facts.contextWindow !== undefined)
      entry.detail = `${facts.contextWindow.toLocaleString('en-US')}-token context`;
    if (facts.deprecation) entry.deprecated = true;
    entries.push(entry);
  }
  return entries;
}
