// What the JSON Schemas in schemas/ say about a place in a request line, for hover and
// completion: the sub-schemas that apply at a JSON path, the keys and values they allow, and
// propertyInfo, everything known about one parameter (its x-batchlint annotation included).
// Pure: no editor types. The schemas are imported as JSON (generated/raw-schemas.ts), so the
// bundle carries them and nothing is read at run time.

import type { Endpoint, JsonPath } from '../types';
import type { Annotation } from './annotations';
import { rawSchemas } from '../generated/raw-schemas';
import { ENDPOINTS, endpointInfo, isEndpoint } from '../endpoints';
import { isObject, ownValue } from '../json';
import { formatParam } from '../words';
import { deprecationMessage } from './notes';
import { valueAt } from './pointer';

/** The parts of a JSON Schema read here (everything else is ignored). */
export interface SchemaNode {
  description?: string;
  'x-batchlint'?: Annotation;
  default?: unknown;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** On a tagged union: the tag values the API's error message lists (may differ from the branches). */
  'x-supported'?: string[];
  discriminator?: { propertyName: string };
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

/** The body schema of a url, when the manifest gives it one. */
export function bodySchema(url: unknown): SchemaNode | undefined {
  if (!isEndpoint(url)) return undefined;
  const name = endpointInfo(url).schema;
  return name === null ? undefined : (rawSchemas[name] as SchemaNode);
}

export type Segment = string | number;

/** The alternatives a node stands for: $ref resolved, oneOf/anyOf/if-then-else spread out. */
function expand(node: SchemaNode, root: SchemaNode, depth = 0): SchemaNode[] {
  if (depth > 12) return [];
  if (node.$ref?.startsWith('#/definitions/')) {
    const target = root.definitions?.[node.$ref.slice('#/definitions/'.length)];
    const own = { ...node, $ref: undefined };
    const rest = target ? expand(target, root, depth + 1) : [];
    // A $ref's own description and annotation (next to it) are the more specific ones: keep
    // them in front.
    const notes: SchemaNode = {};
    if (own.description) notes.description = own.description;
    if (own['x-batchlint']) notes['x-batchlint'] = own['x-batchlint'];
    return Object.keys(notes).length > 0 ? [notes, ...rest] : rest;
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
          : ((node.properties && ownValue(node.properties, segment)) ??
            (isObject(node.additionalProperties) ? node.additionalProperties : undefined));
      if (child) next.push(...expand(child, schema));
    }
    nodes = next;
    current =
      isObject(current) || Array.isArray(current)
        ? ownValue(current as Record<string, unknown>, String(segment))
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
  return schemasAt(rawSchemas.envelope as SchemaNode, path, line);
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

/** Our one-line description (x-batchlint) if a node has one, else the schema's own. */
export function descriptionOf(nodes: readonly SchemaNode[]): string | undefined {
  return (
    nodes.find((n) => n['x-batchlint']?.description)?.['x-batchlint']?.description ??
    nodes.find((n) => n.description)?.description
  );
}

export function typesOf(nodes: readonly SchemaNode[]): string[] {
  const types = new Set<string>();
  for (const n of nodes) for (const t of [n.type ?? []].flat()) types.add(t);
  return [...types];
}

/** Everything the schemas say about one parameter. */
export interface PropertyInfo {
  /** The API-style parameter, relative to the body for body paths: `messages[0].content`. */
  param: string;
  /** JSON types the schema allows, e.g. `['integer', 'null']`. */
  types: string[];
  /** One line: our annotation's description, else the schema's. */
  description?: string;
  /** The deprecation note's text, when the API marks the parameter deprecated. */
  deprecated?: string;
  /** Where the parameter lives on /v1/responses (a chat parameter), or belongs (a responses key declared only to check it). */
  movedTo?: string;
  /** The whole annotation, for what the fields above do not spell out (responses, why, hint, notInSpec). */
  annotation?: Annotation;
  /** The values the schema lists (enum or const); empty when any value of the type goes. */
  values: unknown[];
  /** The schema's default, when it gives one. */
  default?: unknown;
  /** The schema's lower bound of a number, for a typed default in completion. */
  minimum?: number;
  /** The bounds the schema sets, as the hover shows them: `0 to 2`, `at least 16`, `at most 64 characters`. */
  range?: string;
  /**
   * For the tag of a tagged union (a content part's `type`): the values the API's error message
   * lists for it (`x-supported`), when they differ from `values`, what this place accepts.
   */
  apiListed?: string[];
  /** The parameter's documentation page, else the endpoint's reference page. */
  docs?: string;
}

/** The merged annotation of the nodes at one place (the first node that says a field wins). */
function annotationOf(nodes: readonly SchemaNode[]): Annotation | undefined {
  const found = nodes.flatMap((n) => (n['x-batchlint'] ? [n['x-batchlint']] : []));
  return found.length === 0 ? undefined : Object.assign({}, ...[...found].reverse());
}

/**
 * What the schemas say about the value at `path` of a request line (a path from the line root:
 * `['body', 'messages', 0, 'role']`, or `['url']`). `line` is the parsed line, used to pick the
 * url's body schema and the branches of tagged unions (a message's role, a part's type); it may
 * be partial. Undefined when no schema knows the place.
 */
export function propertyInfo(line: unknown, path: JsonPath): PropertyInfo | undefined {
  const nodes = lineSchemasAt(line, path);
  if (nodes.length === 0) return undefined;
  const inBody = path[0] === 'body';
  const param = formatParam(inBody ? path.slice(1) : path);
  const annotation = annotationOf(nodes);
  const info: PropertyInfo = { param, types: typesOf(nodes), values: valuesOf(nodes) };
  const description = descriptionOf(nodes);
  if (description !== undefined) info.description = description;
  if (annotation !== undefined) info.annotation = annotation;
  const deprecated = annotation?.deprecated;
  // A deprecated value concerns only the places that hold it, not the property as such.
  if (deprecated && (deprecated.value === undefined || valueAt(line, path) === deprecated.value))
    info.deprecated = deprecationMessage(param, deprecated);
  if (annotation?.movedTo !== undefined) info.movedTo = annotation.movedTo;
  const withDefault = nodes.find((n) => n.default !== undefined);
  if (withDefault) info.default = withDefault.default;
  const minimum = bound(nodes, 'minimum') ?? bound(nodes, 'exclusiveMinimum');
  if (minimum !== undefined) info.minimum = minimum;
  const range = rangeOf(nodes);
  if (range !== undefined) info.range = range;
  const listed = apiListedAt(line, path);
  if (listed && listed.some((v) => !info.values.includes(v))) info.apiListed = listed;
  // The envelope's url takes the manifest's urls (the envelope schema leaves that to a rule).
  if (!inBody && path.length === 1 && path[0] === 'url') info.values = [...ENDPOINTS];
  const url = isObject(line) ? line.url : undefined;
  const docs = annotation?.docs ?? (inBody && isEndpoint(url) ? endpointInfo(url).docs : undefined);
  if (docs !== undefined) info.docs = docs;
  return info;
}

/** The first bound of a kind among the nodes. */
function bound(nodes: readonly SchemaNode[], key: keyof SchemaNode): number | undefined {
  for (const n of nodes) if (typeof n[key] === 'number') return n[key];
  return undefined;
}

/** The schema's bounds in words: `0 to 2`, `at least 16`, `1 to 64 characters`, `at most 128 items`. */
export function rangeOf(nodes: readonly SchemaNode[]): string | undefined {
  const words = (
    min: number | undefined,
    max: number | undefined,
    unit = '',
  ): string | undefined => {
    if (min === undefined && max === undefined) return undefined;
    const n = (v: number) => v.toLocaleString('en-US');
    const text =
      min !== undefined && max !== undefined
        ? `${n(min)} to ${n(max)}`
        : min !== undefined
          ? `at least ${n(min)}`
          : `at most ${n(max!)}`;
    return text + unit;
  };
  const exMin = bound(nodes, 'exclusiveMinimum');
  const exMax = bound(nodes, 'exclusiveMaximum');
  if (exMin !== undefined || exMax !== undefined) {
    const parts = [];
    if (exMin !== undefined) parts.push(`greater than ${exMin}`);
    if (exMax !== undefined) parts.push(`less than ${exMax}`);
    return parts.join(' and ');
  }
  return (
    words(bound(nodes, 'minimum'), bound(nodes, 'maximum')) ??
    words(bound(nodes, 'minLength'), bound(nodes, 'maxLength'), ' characters') ??
    words(bound(nodes, 'minItems'), bound(nodes, 'maxItems'), ' items')
  );
}

/** The `x-supported` list of the tagged union whose tag sits at `path`, if any. */
function apiListedAt(line: unknown, path: JsonPath): string[] | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string' || path.length < 2) return undefined;
  for (const node of lineSchemasAt(line, path.slice(0, -1))) {
    if (node['x-supported'] && node.discriminator?.propertyName === key) return node['x-supported'];
  }
  return undefined;
}

/** propertyInfo for a body path of `endpoint` (`['messages', 0, 'content']`), `body` narrowing unions. */
export function bodyPropertyInfo(
  endpoint: Endpoint,
  path: JsonPath,
  body?: unknown,
): PropertyInfo | undefined {
  return propertyInfo({ url: endpoint, body }, ['body', ...path]);
}
