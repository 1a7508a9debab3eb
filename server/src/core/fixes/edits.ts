// Small, exact edits on one line's JSON: rename a key, replace a value, remove or add a property.
// Each touches only the characters it must, so the user's spacing, key order and every field the
// fix does not understand stay as they were.

import type { Node } from 'jsonc-parser';
import { getNodeValue } from 'jsonc-parser';
import type { JsonPath } from '../types';
import { lineTreeOf } from '../locate';
import type { LineTree } from '../locate';

export interface Replacement {
  start: number;
  end: number;
  newText: string;
}

/**
 * A fix that edits one line through a LineEditor: returns its title, or undefined when the line
 * no longer has what the fix needs (nothing is applied then).
 */
export type EditorFix<R> = (ref: R, editor: LineEditor) => string | undefined;

export class LineEditor {
  readonly tree: LineTree;
  readonly edits: Replacement[] = [];

  constructor(readonly text: string) {
    this.tree = lineTreeOf(text);
  }

  node(path: JsonPath): Node | undefined {
    return this.tree.node(path);
  }

  value(path: JsonPath): unknown {
    const node = this.node(path);
    return node ? getNodeValue(node) : undefined;
  }

  /** The raw text of a node, exactly as the user wrote it. */
  raw(node: Node): string {
    return this.text.slice(node.offset, node.offset + node.length);
  }

  replace(node: Node, newText: string): this {
    this.edits.push({ start: node.offset, end: node.offset + node.length, newText });
    return this;
  }

  insert(offset: number, newText: string): this {
    this.edits.push({ start: offset, end: offset, newText });
    return this;
  }

  /** Renames the key of the property whose value is at `path`. */
  renameKey(path: JsonPath, to: string): this {
    const key = propertyOf(this.node(path))?.children?.[0];
    if (key) this.replace(key, JSON.stringify(to));
    return this;
  }

  /** Removes the property whose value is at `path`, with the comma that separates it. */
  removeProperty(path: JsonPath): this {
    const property = propertyOf(this.node(path));
    const siblings = property?.parent?.children;
    if (!property || !siblings) return this;
    const index = siblings.indexOf(property);
    const next = siblings[index + 1];
    const previous = siblings[index - 1];
    if (next) this.edits.push({ start: property.offset, end: next.offset, newText: '' });
    else if (previous) this.edits.push({ start: end(previous), end: end(property), newText: '' });
    else this.edits.push({ start: property.offset, end: end(property), newText: '' });
    return this;
  }

  /** Adds `"key": valueText` as the last property of the object at `path`. */
  addProperty(path: JsonPath, key: string, valueText: string): this {
    const object = this.node(path);
    if (object?.type !== 'object') return this;
    const last = object.children?.[object.children.length - 1];
    const property = `${JSON.stringify(key)}:${valueText}`;
    if (last) this.insert(end(last), `,${property}`);
    else this.insert(object.offset + 1, property);
    return this;
  }

  /** The edits sorted by offset, or undefined when two of them overlap (the fix is then withheld). */
  sorted(): Replacement[] | undefined {
    const sorted = [...this.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.start < sorted[i - 1]!.end) return undefined;
    }
    return sorted;
  }
}

function propertyOf(node: Node | undefined): Node | undefined {
  return node?.parent?.type === 'property' ? node.parent : undefined;
}

function end(node: Node): number {
  return node.offset + node.length;
}
