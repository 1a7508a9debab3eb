// Where a request body holds a schema the API checks in strict mode: a json_schema format
// (chat `response_format.json_schema`, Responses `text.format`) or a function tool (chat
// `tools[i].function`, Responses `tools[i]`) whose `strict` is true. A Responses function tool
// that leaves `strict` out is strict only when its schema allows (see StrictTarget.mode).

import type { Endpoint, JsonPath } from '../types';
import { isObject } from '../json';
import type { StrictKind } from './types';

export interface StrictTarget {
  kind: StrictKind;
  /** The format's or function's name, as the API's message prefix quotes it. */
  name: string;
  /** The schema, and its path from the body: ['tools', 0, 'function', 'parameters']. */
  schema: unknown;
  schemaPath: JsonPath;
  /** The object that holds `strict` (a tool or a format), for the fix that turns it off. */
  ownerPath: JsonPath;
  /**
   * `strict`: `strict: true`, so every rule applies. `optional`: a Responses function tool with
   * `strict` left out (or null): Responses makes a compatible schema strict and falls back to
   * non-strict otherwise, so nothing is refused.
   */
  mode: 'strict' | 'optional';
}

const nameOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The strict schemas of a chat or Responses body, in the order the API reads them. */
export function strictTargets(endpoint: Endpoint, body: Record<string, unknown>): StrictTarget[] {
  const targets: StrictTarget[] = [];
  const chat = endpoint === '/v1/chat/completions';
  if (chat) {
    const format = body.response_format;
    const spec = isObject(format) ? format.json_schema : undefined;
    if (isObject(format) && format.type === 'json_schema' && isObject(spec)) {
      if (spec.strict === true && spec.schema !== undefined) {
        targets.push({
          kind: 'response_format',
          name: nameOf(spec.name),
          schema: spec.schema,
          schemaPath: ['response_format', 'json_schema', 'schema'],
          ownerPath: ['response_format', 'json_schema'],
          mode: 'strict',
        });
      }
    }
  } else {
    const text = body.text;
    const format = isObject(text) ? text.format : undefined;
    if (isObject(format) && format.type === 'json_schema' && format.strict === true) {
      if (format.schema !== undefined) {
        targets.push({
          kind: 'response_format',
          name: nameOf(format.name),
          schema: format.schema,
          schemaPath: ['text', 'format', 'schema'],
          ownerPath: ['text', 'format'],
          mode: 'strict',
        });
      }
    }
  }
  if (!Array.isArray(body.tools)) return targets;
  body.tools.forEach((tool: unknown, i: number) => {
    if (!isObject(tool) || tool.type !== 'function') return;
    const fn = chat ? tool.function : tool;
    if (!isObject(fn) || fn.parameters === undefined || fn.parameters === null) return;
    const owner: JsonPath = chat ? ['tools', i, 'function'] : ['tools', i];
    const omitted = fn.strict === undefined || fn.strict === null;
    if (fn.strict !== true && !(omitted && !chat)) return;
    targets.push({
      kind: 'function',
      name: nameOf(fn.name),
      schema: fn.parameters,
      schemaPath: [...owner, 'parameters'],
      ownerPath: owner,
      mode: fn.strict === true ? 'strict' : 'optional',
    });
  });
  return targets;
}
