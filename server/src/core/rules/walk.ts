// One cheap walk over a request body, shared by the rules that look for content anywhere in it
// (images, placeholders). Runs on every line, so it allocates nothing per node: the path is one
// array pushed and popped, and a visitor copies it only when it keeps it.

import type { PathSegment } from '../types';

/** Content sits shallow (input[i].content[j].image_url.url); deeper data is tool schemas and such. */
const MAX_DEPTH = 8;

export interface Visitor {
  /** An object or array element that is an object; return true to skip its children. */
  object?(value: Record<string, unknown>, path: readonly PathSegment[]): boolean | void;
  /**
   * A string value under `key` (an object's key or an array's index) of the container at `path`
   * (so an index's parent key is path[length - 1]). `path` is the walk's own array: copy it to
   * keep it.
   */
  string?(value: string, key: PathSegment, path: readonly PathSegment[]): void;
}

export function walk(root: unknown, rootPath: readonly PathSegment[], visitor: Visitor): void {
  const path: PathSegment[] = [...rootPath];
  visit(root, path, visitor);
}

function visit(value: unknown, path: PathSegment[], visitor: Visitor): void {
  if (path.length > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) visitChild(value[i], i, path, visitor);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const object = value as Record<string, unknown>;
  if (visitor.object?.(object, path) === true) return;
  for (const key in object) visitChild(object[key], key, path, visitor);
}

/** Visits one member of an object or array: strings go to the visitor, containers are walked. */
function visitChild(child: unknown, key: PathSegment, path: PathSegment[], visitor: Visitor): void {
  if (typeof child === 'string') {
    visitor.string?.(child, key, path);
  } else if (typeof child === 'object' && child !== null) {
    path.push(key);
    visit(child, path, visitor);
    path.pop();
  }
}
