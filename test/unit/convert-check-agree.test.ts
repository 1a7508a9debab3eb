// Convert and check agree by construction: for every chat completions parameter the schema
// declares (read from the schema, not listed here), and for values of every shape the schema
// allows, what `convert --to responses` reports as staying for a decision is exactly what the
// check flags on the converted /v1/responses line, parameter by parameter.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText, convertLineToResponses } from '../../server/src/core';
import { rawSchemas } from '../../server/src/core/generated/raw-schemas';

interface Node {
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

const CHAT = rawSchemas.chatCompletions as Node;
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
function samples(raw: Node, key: string, depth = 0): unknown[] {
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

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

/** The top-level body parameter a path or an API-style param starts with. */
function topKey(param: string): string {
  return /^[^.[]*/.exec(param)![0];
}

/**
 * Notes about a parameter itself (deprecated in both APIs) or about the model (the table has no
 * rules for the model these lines name), not about the conversion.
 */
const ABOUT_THE_PARAMETER = new Set(['deprecated_parameter', 'unknown_model']);

function flagged(lineText: string): { keys: Set<string>; problems: string[] } {
  const problems = checkText(lineText).problems.filter((p) => !ABOUT_THE_PARAMETER.has(p.code));
  return {
    keys: new Set(problems.map((p) => topKey(p.param ?? ''))),
    problems: problems.map((p) => `${p.code} ${p.param}: ${p.message}`),
  };
}

// A model the table does not know: what one model refuses (model rules) is not the conversion's
// business, and every value of every parameter must reach the comparison.
const BASE = { model: 'some-model', messages: [{ role: 'user', content: 'Answer in json.' }] };
/** Parameters chat takes only beside tools ("… is only allowed when 'tools' are specified."). */
const WITH_TOOLS: Record<string, unknown> = {
  tool_choice: [{ type: 'function', function: { name: 'f' } }],
  parallel_tool_calls: [{ type: 'function', function: { name: 'f' } }],
};
const parameters = Object.keys(CHAT.properties!);

test('the chat schema declares the parameters the agreement test walks', () => {
  assert.ok(parameters.length >= 30, parameters.join(', '));
});

test('convert and check agree on every chat completions parameter', () => {
  const compared = new Map<string, number>();
  const skipped: string[] = [];
  let decisions = 0;
  for (const param of parameters) {
    compared.set(param, 0);
    for (const value of samples(CHAT.properties![param]!, param)) {
      const tools = WITH_TOOLS[param];
      const body = { ...BASE, ...(tools ? { tools } : {}), [param]: value };
      const chatLine = JSON.stringify({
        custom_id: 'r1',
        method: 'POST',
        url: '/v1/chat/completions',
        body,
      });
      // Only requests chat accepts say anything about the conversion.
      const before = flagged(chatLine);
      if (before.problems.length > 0) {
        skipped.push(`${param}=${JSON.stringify(value)}: ${before.problems[0]}`);
        continue;
      }
      const converted = convertLineToResponses(chatLine);
      assert.equal(converted.status, 'converted', chatLine);
      const decided = new Set(converted.notCarried.map((n) => topKey(String(n.path[1] ?? ''))));
      const after = flagged(converted.text);
      assert.deepEqual(
        [...after.keys].sort(),
        [...decided].sort(),
        `${chatLine}\n→ ${converted.text}\nconvert reports: ${JSON.stringify(converted.notCarried)}\ncheck flags: ${after.problems.join('\n')}`,
      );
      decisions += decided.size;
      compared.set(param, compared.get(param)! + 1);
    }
  }
  const uncovered = [...compared].filter(([, n]) => n === 0).map(([p]) => p);
  assert.deepEqual(
    uncovered,
    [],
    `no value of these reached the comparison:\n${skipped.join('\n')}`,
  );
  // Not vacuous: parameters with no equivalent, moved ones and undecided ones were all seen.
  assert.ok(decisions >= 10, `only ${decisions} decisions compared`);
});
