// Turns a JSON path into offsets in a line's text. Only lines that have problems pay for this:
// the fast path never builds a tree with offsets.
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

/** A parsed line, built lazily once and shared by every problem on that line. */
export class LineTree {
  private root: Node | undefined | null = null;

  constructor(readonly text: string) {}

  private tree(): Node | undefined {
    if (this.root === null) {
      try {
        this.root = parseTree(this.text, [], { allowTrailingComma: true }) ?? undefined;
      } catch {
        // Pathological nesting can exhaust the stack; fall back to whole-line ranges.
        this.root = undefined;
      }
    }
    return this.root;
  }

  /** The node at `path`, or undefined when the path does not exist. */
  node(path: JsonPath): Node | undefined {
    const root = this.tree();
    return root ? findNodeAtLocation(root, path as (string | number)[]) : undefined;
  }

  /** The span for a finding at `path` placed by `anchor`; the nearest existing ancestor if absent. */
  locate(path: JsonPath, anchor: Anchor): Span {
    const root = this.tree();
    if (!root) return { start: 0, end: this.text.length };
    for (let depth = path.length; depth >= 0; depth--) {
      const sub = path.slice(0, depth);
      const node = sub.length === 0 ? root : findNodeAtLocation(root, sub as (string | number)[]);
      if (!node) continue;
      const exact = depth === path.length;
      if (exact && anchor === 'value') return spanOf(node);
      // A key anchor (or a missing property's parent): the property's key if it has one.
      const key = keyNode(node);
      if (key) return spanOf(key);
      if (node.type === 'object' || node.type === 'array') {
        return { start: node.offset, end: node.offset + 1 };
      }
      return spanOf(node);
    }
    return { start: 0, end: this.text.length };
  }
}

/** The key node of the property whose value is `node`, when `node` is a property value. */
function keyNode(node: Node): Node | undefined {
  const parent = node.parent;
  if (parent?.type === 'property' && parent.children?.[1] === node) return parent.children[0];
  return undefined;
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + Math.max(1, node.length) };
}
