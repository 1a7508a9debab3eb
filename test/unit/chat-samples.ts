// Values the chat completions schema allows for each parameter, read from the schema itself:
// each enum value, each branch, bounds and shapes. The convert/check agreement tests walk them.

import { rawSchemas } from '../../server/src/core/generated/raw-schemas';

export interface Node {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Node>;
  required?: string[];
  additionalProperties?: boolean | Node;
  items?: Node;
  minItems?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: Node[];
  anyOf?: Node[];
  allOf?: Node[];
  if?: Node;
  then?: Node;
  else?: Node;
  definitions?: Record<string, Node>;
}

export const CHAT = rawSchemas.chatCompletions as Node;
/** At most this many values per node and per branch, so the walk stays small. */
const WIDTH = 6;
const BRANCH_WIDTH = 8;

function resolve(node: Node): Node {
  let n = node;
  while (n.$ref) n = CHAT.definitions![n.$ref.slice('#/definitions/'.length)]!;
  return n;
}

function typesOf(node: Node): string[] {
  const t = node.type ?? (node.properties ? 'object' : []);
  return [t].flat().filter((x) => x !== 'null');
}

/** A few values the schema allows at `node`: each enum value, each branch, bounds, shapes. */
export function samples(raw: Node, key: string, depth = 0): unknown[] {
  const node = resolve(raw);
  if (depth > 6) return [];
  if (node.enum) return node.enum.filter((v) => v !== null);
  if (node.const !== undefined) return [node.const];
  // if {type: X} then A else B: A holds for X, B for the other types.
  const ifTypes = [node.if?.type ?? []].flat();
  const branches: Array<[Node, string[]]> = [
    ...[...(node.oneOf ?? []), ...(node.anyOf ?? [])].map((b): [Node, string[]] => [
      b,
      typesOf(node),
    ]),
  ];
  if (node.then) branches.push([node.then, ifTypes]);
  if (node.else) branches.push([node.else, typesOf(node).filter((t) => !ifTypes.includes(t))]);
  if (branches.length > 0) {
    // A branch inherits its parent's properties, required keys and type (a discriminated
    // oneOf); a few values of each branch, so every branch is seen.
    return branches.flatMap(([b, types]) => {
      const branch = resolve(b);
      const merged: Node = {
        ...node,
        oneOf: undefined,
        anyOf: undefined,
        if: undefined,
        then: undefined,
        else: undefined,
        ...branch,
        properties: { ...node.properties, ...branch.properties },
        required: [...(node.required ?? []), ...(branch.required ?? [])],
      };
      if (!branch.type) merged.type = types;
      return samples(merged, key, depth + 1).slice(0, BRANCH_WIDTH);
    });
  }
  return typesOf(node)
    .flatMap((type): unknown[] => {
      switch (type) {
        case 'string':
          return [key === 'url' ? 'https://example.com/cat.png' : 'json'];
        case 'integer':
          return [node.minimum ?? 1, node.maximum ?? 100];
        case 'number':
          return [node.minimum ?? 0.5, node.maximum ?? 1.5];
        case 'boolean':
          return [true, false];
        case 'array': {
          const items = node.items ? samples(node.items, key, depth + 1) : ['json'];
          return items.slice(0, WIDTH * 3).map((item) => Array(node.minItems ?? 1).fill(item));
        }
        case 'object':
          return objects(node, depth);
        default:
          return [];
      }
    })
    .slice(0, WIDTH * 2);
}

/** An object with only the required keys, and one with every key (each at its first sample). */
function objects(node: Node, depth: number): unknown[] {
  const props = Object.entries(node.properties ?? {});
  const build = (keys: Array<[string, Node]>): Record<string, unknown> | undefined => {
    const out: Record<string, unknown> = {};
    for (const [k, child] of keys) {
      const [first] = samples(child, k, depth + 1);
      if (first === undefined) return undefined;
      out[k] = first;
    }
    return out;
  };
  const required = new Set(node.required ?? []);
  const open = node.additionalProperties;
  const extra = isNode(open) ? { key: samples(open, 'key', depth + 1)[0] } : {};
  const shapes = [
    build(props.filter(([k]) => required.has(k))),
    build(props),
    // One shape per optional key, so each is converted (and checked) on its own.
    ...props
      .filter(([k]) => !required.has(k))
      .map(([k]) => build(props.filter(([p]) => required.has(p) || p === k))),
  ].filter((o): o is Record<string, unknown> => o !== undefined);
  return shapes.map((o) => ({ ...extra, ...o }));
}

export function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}
