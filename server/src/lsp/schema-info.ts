// What the JSON Schemas in schemas/ say about a place in a request line: the sub-schemas that
// apply at a JSON path (for hover text) and the keys and values they allow (for completion).
// The schemas are imported as JSON, so the bundle carries them and nothing is read at run time.

import envelope from '../../../schemas/envelope.json';
import chatCompletions from '../../../schemas/chat-completions.json';
import responses from '../../../schemas/responses.json';
import embeddings from '../../../schemas/embeddings.json';
import completions from '../../../schemas/completions.json';
import moderations from '../../../schemas/moderations.json';
import { isObject } from '../core';

/** The parts of a JSON Schema read here (everything else is ignored). */
export interface SchemaNode {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  $ref?: string;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  then?: SchemaNode;
  else?: SchemaNode;
  definitions?: Record<string, SchemaNode>;
}

const BODIES: Record<string, SchemaNode> = {
  '/v1/chat/completions': chatCompletions as unknown as SchemaNode,
  '/v1/responses': responses as unknown as SchemaNode,
  '/v1/embeddings': embeddings as unknown as SchemaNode,
  '/v1/completions': completions as unknown as SchemaNode,
  '/v1/moderations': moderations as unknown as SchemaNode,
};

export const ENVELOPE = envelope as unknown as SchemaNode;

export function bodySchema(url: unknown): SchemaNode | undefined {
  return typeof url === 'string' ? BODIES[url] : undefined;
}

export type Segment = string | number;

/** The alternatives a node stands for: $ref resolved, oneOf/anyOf/if-then-else spread out. */
function expand(node: SchemaNode, root: SchemaNode, depth = 0): SchemaNode[] {
  if (depth > 12) return [];
  if (node.$ref?.startsWith('#/definitions/')) {
    const target = root.definitions?.[node.$ref.slice('#/definitions/'.length)];
    const own = { ...node, $ref: undefined };
    const rest = target ? expand(target, root, depth + 1) : [];
    // A $ref's own description (next to it) is the more specific one: keep it in front.
    return own.description ? [{ description: own.description }, ...rest] : rest;
  }
  const out: SchemaNode[] = [node];
  for (const alt of [...(node.oneOf ?? []), ...(node.anyOf ?? []), ...(node.allOf ?? [])]) {
    out.push(...expand(alt, root, depth + 1));
  }
  for (const branch of [node.then, node.else])
    if (branch) out.push(...expand(branch, root, depth + 1));
  return out;
}

/** Whether an alternative fits the value's discriminating keys (type, role): unknown fits. */
function fits(node: SchemaNode, value: unknown): boolean {
  if (!isObject(value) || !node.properties) return true;
  for (const key of ['type', 'role']) {
    const allowed = node.properties[key];
    const actual = value[key];
    if (!allowed || typeof actual !== 'string') continue;
    const values = allowed.enum ?? (allowed.const !== undefined ? [allowed.const] : undefined);
    if (values && !values.includes(actual)) return false;
  }
  return true;
}

/** The sub-schemas that apply at `path` below `schema`, narrowed by the values on the way. */
export function schemasAt(
  schema: SchemaNode,
  path: readonly Segment[],
  value: unknown,
): SchemaNode[] {
  let nodes = expand(schema, schema);
  let current = value;
  for (const segment of path) {
    const matching = nodes.filter((n) => fits(n, current));
    const pool = matching.some((n) => n.properties || n.items) ? matching : nodes;
    const next: SchemaNode[] = [];
    for (const node of pool) {
      const child =
        typeof segment === 'number'
          ? node.items
          : (node.properties?.[segment] ??
            (isObject(node.additionalProperties) ? node.additionalProperties : undefined));
      if (child) next.push(...expand(child, schema));
    }
    nodes = next;
    current =
      isObject(current) || Array.isArray(current)
        ? (current as Record<string, unknown>)[segment]
        : undefined;
    if (nodes.length === 0) break;
  }
  return nodes.filter((n) => fits(n, current));
}

/** The schema for a whole-line path: the envelope at the top, the url's body schema below "body". */
export function lineSchemasAt(line: unknown, path: readonly Segment[]): SchemaNode[] {
  if (path.length > 0 && path[0] === 'body') {
    const body = bodySchema(isObject(line) ? line.url : undefined);
    if (!body) return [];
    return schemasAt(body, path.slice(1), isObject(line) ? line.body : undefined);
  }
  return schemasAt(ENVELOPE, path, line);
}

/** The keys an object at this place may have, with their descriptions. */
export function keysOf(nodes: readonly SchemaNode[]): Map<string, SchemaNode> {
  const keys = new Map<string, SchemaNode>();
  for (const node of nodes) {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (!keys.has(key) || (!keys.get(key)!.description && child.description))
        keys.set(key, child);
    }
  }
  return keys;
}

/** The values the place allows, when the schemas list them (enum or const). */
export function valuesOf(nodes: readonly SchemaNode[]): unknown[] {
  const values: unknown[] = [];
  for (const node of nodes) {
    for (const v of node.enum ?? (node.const !== undefined ? [node.const] : [])) {
      if (!values.some((seen) => JSON.stringify(seen) === JSON.stringify(v))) values.push(v);
    }
  }
  return values;
}

export function descriptionOf(nodes: readonly SchemaNode[]): string | undefined {
  return nodes.find((n) => n.description)?.description;
}

export function typesOf(nodes: readonly SchemaNode[]): string[] {
  const types = new Set<string>();
  for (const n of nodes) for (const t of [n.type ?? []].flat()) types.add(t);
  return [...types];
}
