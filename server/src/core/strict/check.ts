// Checks a JSON Schema against the subset the API accepts with `strict: true` (Structured
// Outputs and strict function tools). The API stops at the first violation; this reports every
// one, each worded as the API words it and in the order the API walks the schema: the node
// itself, then its properties, items and anyOf branches, then the root's definitions.

import type { Anchor, JsonPath, PathSegment, Severity } from '../types';
import { isObject } from '../json';
import { formatContext } from './context';
import {
  LIMITS,
  REFUSED_KEYWORDS,
  ROOT_COMBINATORS,
  STRICT_FORMATS,
  STRICT_TYPES,
} from './keywords';
import type { Wording } from './keywords';
import { apiWords, OURS, ourWords } from './messages';
import type { StrictFinding, StrictFix, StrictRule } from './types';
import { checkLimits, Tally } from './limits';

/** A schema with thousands of violations says enough with the first ones. */
const MAX_FINDINGS = 50;
/** Deeper than this is no schema anyone writes; the walk stops rather than recurse on. */
const MAX_WALK_DEPTH = 64;

type Schema = Record<string, unknown>;

class Walk {
  readonly findings: StrictFinding[] = [];
  readonly tally = new Tally();
  private deepReported = false;

  constructor(readonly root: Schema) {}

  get full(): boolean {
    return this.findings.length >= MAX_FINDINGS;
  }

  add(
    rule: StrictRule,
    message: string,
    where: { path: JsonPath; anchor: Anchor; context?: string },
    extra: { severity?: Severity; wording?: Wording; hint?: string; fix?: StrictFix } = {},
  ): void {
    if (this.full) return;
    const finding: StrictFinding = {
      rule,
      severity: extra.severity ?? 'error',
      message,
      wording: extra.wording ?? 'verbatim',
      path: where.path,
      anchor: where.anchor,
    };
    if (where.context !== undefined) finding.context = where.context;
    if (extra.hint !== undefined) finding.hint = extra.hint;
    if (extra.fix) {
      finding.fix = extra.fix;
      finding.fixPath = where.path;
    }
    this.findings.push(finding);
  }

  /** Checks one schema node at `path` (its context is the same path, as strings). */
  node(value: unknown, path: PathSegment[], depth: number): void {
    if (this.full || path.length > MAX_WALK_DEPTH) return;
    const ctx = formatContext(path);
    if (typeof value === 'boolean') {
      // `true` accepts anything, like `{}`: no type for the model to follow.
      this.add('type-missing', apiWords.typeMissing(ctx), { path, anchor: 'key', context: ctx });
      return;
    }
    if (!isObject(value)) {
      this.add('schema-shape', apiWords.notSchema(value), { path, anchor: 'value' });
      return;
    }
    if (depth > LIMITS.depth && !this.deepReported) {
      this.deepReported = true;
      this.add(
        'too-deep',
        ourWords.tooDeep(ctx, depth, LIMITS.depth),
        { path, anchor: 'key', context: ctx },
        // How the API counts levels is not documented; this counts every step, leaves included.
        { severity: 'warning', wording: 'ours', hint: OURS },
      );
    }
    this.tally.node(value, path);
    if (typeof value.$ref === 'string') return this.ref(value, value.$ref, path, ctx);
    this.keywords(value, path, ctx);
    const types = this.types(value, path, ctx);
    for (const { type, branch } of types) {
      const branchCtx = branch === undefined ? ctx : formatContext([...path, 'type', branch]);
      if (type === 'object') this.object(value, path, branchCtx);
      else if (type === 'array') this.array(value, path, branchCtx);
      else if (type === 'string') this.string(value, path, branchCtx);
    }
    this.children(value, path, depth);
  }

  private ref(node: Schema, ref: string, path: PathSegment[], ctx: string): void {
    const siblings = Object.keys(node).filter((k) => k !== '$ref');
    if (siblings.length > 0) {
      this.add('ref-siblings', apiWords.refSiblings(ctx, siblings), {
        path,
        anchor: 'key',
        context: ctx,
      });
    }
    const where = { path: [...path, '$ref'], anchor: 'value' as const, context: ctx };
    if (ref === '#') return;
    const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref);
    if (!match) {
      this.add('ref-level', apiWords.refLevel(ctx), where);
      return;
    }
    const defs = this.root[match[1]!];
    const name = match[2]!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(defs) || !Object.prototype.hasOwnProperty.call(defs, name)) {
      this.add('ref-not-found', apiWords.refNotFound(ctx, ref), where, { wording: 'likely' });
    }
  }

  private keywords(node: Schema, path: PathSegment[], ctx: string): void {
    const atRoot = path.length === 0;
    for (const keyword of Object.keys(node)) {
      // The root's combinators get the root's own message (see checkStrictSchema).
      if (atRoot && (ROOT_COMBINATORS as readonly string[]).includes(keyword)) continue;
      const refused = REFUSED_KEYWORDS[keyword];
      if (!refused) continue;
      this.add(
        'keyword-refused',
        apiWords.notPermitted(ctx, keyword),
        { path: [...path, keyword], anchor: 'key', context: ctx },
        refused.changing
          ? { severity: 'warning', wording: refused.wording, hint: refused.changing }
          : { wording: refused.wording },
      );
    }
  }

  /** The node's types, each with its index when `type` is a list (the API checks each branch). */
  private types(
    node: Schema,
    path: PathSegment[],
    ctx: string,
  ): { type: string; branch?: number }[] {
    const type = node.type;
    if (type === undefined) {
      if (Array.isArray(node.anyOf)) return [];
      if (Array.isArray(node.enum)) {
        this.add(
          'enum-without-type',
          ourWords.enumWithoutType(ctx),
          { path, anchor: 'key', context: ctx },
          { severity: 'info', wording: 'ours' },
        );
        return [];
      }
      this.add('type-missing', apiWords.typeMissing(ctx), { path, anchor: 'key', context: ctx });
      return [];
    }
    const list = Array.isArray(type) ? type : [type];
    const known: { type: string; branch?: number }[] = [];
    list.forEach((t, i) => {
      if (typeof t === 'string' && STRICT_TYPES.has(t)) {
        known.push(Array.isArray(type) ? { type: t, branch: i } : { type: t });
        return;
      }
      const typePath = Array.isArray(type) ? [...path, 'type', i] : [...path, 'type'];
      this.add(
        'type-unknown',
        ourWords.unknownType(ctx, t),
        { path: typePath, anchor: 'value', context: ctx },
        { wording: 'ours', hint: OURS },
      );
    });
    return known;
  }

  private object(node: Schema, path: PathSegment[], ctx: string): void {
    const where = { path, anchor: 'key' as const, context: ctx };
    if (node.additionalProperties !== false) {
      const absent = node.additionalProperties === undefined;
      this.add(
        'additional-properties',
        apiWords.additionalProperties(ctx),
        absent ? where : { ...where, path: [...path, 'additionalProperties'], anchor: 'value' },
        // A given `true` or schema means a free-form map: turning it off is the user's decision.
        absent ? { fix: { kind: 'add-additional-properties' } } : {},
      );
    }
    const properties = node.properties;
    if (properties === undefined) {
      this.add('properties-missing', apiWords.propertiesMissing(ctx), where);
      return;
    }
    if (!isObject(properties)) {
      this.add('schema-shape', apiWords.notObject(properties), {
        path: [...path, 'properties'],
        anchor: 'value',
      });
      return;
    }
    this.required(node, properties, path, ctx);
  }

  private required(node: Schema, properties: Schema, path: PathSegment[], ctx: string): void {
    const required = node.required;
    if (required !== undefined && !Array.isArray(required)) {
      this.add('schema-shape', apiWords.notArray(required), {
        path: [...path, 'required'],
        anchor: 'value',
      });
      return;
    }
    const listed = new Set((required ?? []).filter((k): k is string => typeof k === 'string'));
    const missing = Object.keys(properties).filter((k) => !listed.has(k));
    if (missing.length > 0) {
      this.add(
        'required-missing',
        apiWords.requiredMissing(ctx, missing[0]!),
        required === undefined
          ? { path, anchor: 'key', context: ctx }
          : { path: [...path, 'required'], anchor: 'value', context: ctx },
        { fix: { kind: 'require-keys', keys: missing } },
      );
      // The fix applies to the node, wherever the problem is shown.
      this.findings[this.findings.length - 1]!.fixPath = path;
    }
    (required ?? []).forEach((key: unknown, i: number) => {
      if (typeof key === 'string' && !Object.prototype.hasOwnProperty.call(properties, key)) {
        this.add('required-extra', apiWords.requiredExtra(ctx, key), {
          path: [...path, 'required', i],
          anchor: 'value',
          context: ctx,
        });
      }
    });
  }

  private array(node: Schema, path: PathSegment[], ctx: string): void {
    if (node.items === undefined || Array.isArray(node.items)) {
      const items = node.items !== undefined;
      this.add('items-missing', apiWords.itemsMissing(ctx), {
        path: items ? [...path, 'items'] : path,
        anchor: items ? 'value' : 'key',
        context: ctx,
      });
    }
  }

  private string(node: Schema, path: PathSegment[], ctx: string): void {
    const format = node.format;
    if (typeof format === 'string' && !STRICT_FORMATS.has(format)) {
      this.add('format', apiWords.format(ctx, format), {
        path: [...path, 'format'],
        anchor: 'value',
        context: ctx,
      });
    }
  }

  private children(node: Schema, path: PathSegment[], depth: number): void {
    if (isObject(node.properties)) {
      for (const key of Object.keys(node.properties)) {
        this.node(node.properties[key], [...path, 'properties', key], depth + 1);
      }
    }
    if (node.items !== undefined && !Array.isArray(node.items)) {
      this.node(node.items, [...path, 'items'], depth + 1);
    }
    if (node.anyOf !== undefined && path.length > 0) {
      if (!Array.isArray(node.anyOf)) {
        this.add('schema-shape', apiWords.notArray(node.anyOf), {
          path: [...path, 'anyOf'],
          anchor: 'value',
        });
      } else {
        node.anyOf.forEach((branch, i) => this.node(branch, [...path, 'anyOf', i], depth + 1));
      }
    }
  }

  /** The root's `$defs` and `definitions`: each member is a schema of its own. */
  definitions(): void {
    for (const key of ['$defs', 'definitions'] as const) {
      const defs = this.root[key];
      if (defs === undefined) continue;
      if (!isObject(defs)) {
        this.add('schema-shape', apiWords.notObject(defs), { path: [key], anchor: 'value' });
        continue;
      }
      this.tally.definitions(defs);
      for (const name of Object.keys(defs)) this.node(defs[name], [key, name], 1);
    }
  }
}

/**
 * Checks `schema` (a function's `parameters`, or a json_schema format's `schema`) against the
 * strict-mode subset. Returns the findings in the order the API would meet them; paths are
 * relative to the schema. A schema that is not an object gets one finding on itself.
 */
export function checkStrictSchema(schema: unknown): StrictFinding[] {
  if (!isObject(schema)) {
    return [
      {
        rule: 'root-type',
        severity: 'error',
        message: apiWords.rootType(undefined),
        wording: 'verbatim',
        path: [],
        anchor: 'value',
      },
    ];
  }
  const walk = new Walk(schema);
  if (schema.type !== 'object' || typeof schema.$ref === 'string') {
    // A root `$ref` also fails here: the root must be an object schema itself.
    walk.add('root-type', apiWords.rootType(schema.type), {
      path: schema.type === undefined ? [] : ['type'],
      anchor: schema.type === undefined ? 'key' : 'value',
    });
    return walk.findings;
  }
  const combinator = ROOT_COMBINATORS.find((k) => schema[k] !== undefined);
  if (combinator !== undefined) {
    walk.add('root-combinator', apiWords.rootCombinator(), { path: [combinator], anchor: 'key' });
  }
  walk.node(schema, [], 0);
  walk.definitions();
  for (const limit of checkLimits(walk.tally))
    walk.add(limit.rule, limit.message, limit.where, limit.extra);
  return walk.findings;
}
