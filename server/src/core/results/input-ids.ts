// How a request is named on an input line of each provider's batch format, for matching its
// result: the id key of the line's dialect (custom_id, key, recordId) read without parsing the
// line, or for Vertex, whose lines carry no id, the request itself.

import type { LineTree } from '../locate';
import type { ResultShape } from './providers';
import { requestKey } from './providers';
import { classifyLine } from '../dialects/classify';
import { dialectInfo } from '../dialects/table';
import { isObject } from '../json';
import { elide } from '../words';

/** OpenAI's lines (and Azure's, Together's, …): the request is named by custom_id, its body is body. */
export const OPENAI_SHAPE: ResultShape = { idKey: 'custom_id', bodyKey: 'body' };

/** How messages name a request: "custom_id 'a'", "key 'k'", "recordId 'r'", or a Vertex request. */
export function named(shape: ResultShape, id: string): string {
  return shape.idKey === null ? 'the request it echoes' : `${shape.idKey} '${elide(id)}'`;
}

/**
 * The keys of an input line's provider (Anthropic's params, Gemini's key and request, …), or
 * undefined for a line that shows none (not JSON, no known keys).
 */
export function inputShape(text: string): ResultShape | undefined {
  if (!text.includes('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const line = isObject(value) ? classifyLine(value) : undefined;
  if (!line) return undefined;
  const { id, body } = dialectInfo(line.dialect).envelope;
  return { idKey: id, bodyKey: body };
}

/** A Vertex line's id: its request, as its result echoes it (providers.ts requestKey). */
export function vertexIdIn(text: string): string | undefined {
  if (!text.includes('"request"')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) && isObject(value.request) ? requestKey(value.request) : undefined;
  } catch {
    return undefined;
  }
}

/** The request id of a line, without parsing the rest of it (images can be megabytes). */
export function customIdIn(text: string, tree: LineTree, idKey: string): string | undefined {
  const open = text.search(/\S/);
  if (open < 0 || text[open] !== '{') return undefined;
  const span = tree.locate([idKey], 'value');
  if (text[span.start] !== '"') return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(span.start, span.end));
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
