// Turns ajv's instance pointers into the two path forms the linter reports: a JsonPath from the
// line's root (for the locator and the fixes) and the API's parameter string
// (`messages[0].content[1].image_url`), which is what users see in the API's own errors.
import type { JsonPath, PathSegment } from '../types';
import { isObject } from '../json';

/**
 * Decodes a JSON Pointer (`/messages/0/content`) against the value it points into. A segment is
 * an array index only when the node it indexes is an array: `{"0": ...}` keys stay strings.
 */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index];
    } else {
      path.push(key);
      node = isObject(node) ? node[key] : undefined;
    }
  }
  return path;
}

/** The value at `path` inside `root`, or undefined when the path leaves the value. */
export function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isObject(node) && typeof segment === 'string') node = node[segment];
    else return undefined;
  }
  return node;
}
