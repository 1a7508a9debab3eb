// The API names the parameter an error is about as a path like `messages[0].content[1].image_url`
// (and, in some older messages, `messages.[0].content`). This turns it back into a JSON path, so
// the problem can be shown on that exact value of the request's line.

import type { JsonPath, PathSegment } from '../types';

/** One step: an optional dot, then `[n]` or a plain key. */
const STEP = /\.?(?:\[(\d+)\]|([^.[\]]+))/y;

/**
 * Parses an API parameter path into JSON path segments (keys as strings, indices as numbers).
 * Returns undefined for an empty path or one that does not read as keys and indices, so the
 * caller can fall back to a place that is always there.
 */
export function parseParam(param: string): JsonPath | undefined {
  const path: PathSegment[] = [];
  let pos = 0;
  while (pos < param.length) {
    STEP.lastIndex = pos;
    const match = STEP.exec(param);
    if (!match) return undefined;
    path.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
    pos = STEP.lastIndex;
  }
  return path.length > 0 ? path : undefined;
}

/** The envelope keys of a batch line: a validation error's param that starts with one is line-relative. */
const ENVELOPE = new Set(['custom_id', 'method', 'url', 'body']);

/**
 * The path from a batch line's root for a param the batch's validation named (`body.model`,
 * `url`, `custom_id`); a param that does not start with an envelope key is taken to be in the body.
 */
export function lineParamPath(param: string): JsonPath | undefined {
  const path = parseParam(param);
  if (!path) return undefined;
  return typeof path[0] === 'string' && ENVELOPE.has(path[0]) ? path : ['body', ...path];
}
