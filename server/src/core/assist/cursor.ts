// Where a cursor is inside one request line: the JSON path of the key or value under it,
// whether it is on a key, and the parsed line (tolerantly, so a half-typed line still helps).
// Columns are UTF-16 offsets into the line's text.

import { getLocation, parse, parseTree, findNodeAtOffset } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import type { PathSegment as Segment } from '../types';

export interface LineLocation {
  path: Segment[];
  /** On (or typing) a property key. */
  atKey: boolean;
  /** The string, number or key node under the cursor, if any (its offsets are line columns). */
  node?: { offset: number; length: number; type: string; value?: unknown };
  /** The line's value, parsed leniently. */
  value: unknown;
}

/** Lines longer than this get no hover or completion: parsing them per request costs too much. */
export const MAX_LOCATE_LINE = 1_000_000;

/** The place of `column` in a line, or undefined for a line that is not an object (or too long). */
export function locateInLine(text: string, column: number): LineLocation | undefined {
  if (text.length > MAX_LOCATE_LINE || !text.trimStart().startsWith('{')) return undefined;
  const location = getLocation(text, column);
  const value: unknown = parse(text, [], { allowTrailingComma: true });
  const prev = location.previousNode;
  const result: LineLocation = { path: [...location.path], atKey: location.isAtPropertyKey, value };
  if (prev)
    result.node = { offset: prev.offset, length: prev.length, type: prev.type, value: prev.value };
  return result;
}

/** The key node under a column (for hover: the cursor is anywhere on the key, quotes included). */
export function keyAt(
  text: string,
  column: number,
): { path: Segment[]; node: Node; value: unknown } | undefined {
  if (text.length > MAX_LOCATE_LINE) return undefined;
  const root = parseTree(text);
  if (!root) return undefined;
  const node = findNodeAtOffset(root, column, true);
  if (!node || node.type !== 'string' || !node.parent || node.parent.type !== 'property')
    return undefined;
  if (node.parent.children?.[0] !== node) return undefined;
  return { path: pathOf(node.parent), node, value: parse(text, [], { allowTrailingComma: true }) };
}

/** The string value under a column, when it is the value of a property (for hover on `model`). */
export function stringValueAt(
  text: string,
  column: number,
): { path: Segment[]; node: Node } | undefined {
  if (text.length > MAX_LOCATE_LINE) return undefined;
  const root = parseTree(text);
  if (!root) return undefined;
  const node = findNodeAtOffset(root, column, true);
  if (!node || node.type !== 'string' || node.parent?.type !== 'property') return undefined;
  if (node.parent.children?.[1] !== node) return undefined;
  return { path: pathOf(node.parent), node };
}

/** The keys and indexes from the line's root down to `property` (its own key last). */
function pathOf(property: Node): Segment[] {
  const path: Segment[] = [];
  let cursor: Node | undefined = property;
  while (cursor && cursor.parent) {
    const parent: Node = cursor.parent;
    if (cursor.type === 'property') path.unshift(String(cursor.children?.[0]?.value));
    else if (parent.type === 'array') path.unshift(parent.children?.indexOf(cursor) ?? 0);
    cursor = parent;
  }
  return path;
}
