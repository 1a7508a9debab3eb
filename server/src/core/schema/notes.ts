// The notes an endpoint's schema annotations give (x-batchlint, see schemas/README.md): every
// deprecated property present, with what replaces it, and every top-level parameter the API
// reference does not list although the API has been seen to accept it. Run as rules
// (rules/deprecated-parameter.ts, rules/undocumented-parameter.ts).

import type { Finding } from '../types';
import { atDefault } from '../catalogue';
import type { SchemaName } from '../generated';
import type { Annotation, Deprecation } from './annotations';
import { deprecatedPlaces, pathsMatching, topLevelAnnotations } from './annotations';
import { endpointOfSchema } from '../endpoints';

/** The empty result, shared: most lines have no note. */
const NONE: Finding[] = Object.freeze([]) as unknown as Finding[];
import { formatParam } from '../words';
import { valueAt } from './pointer';

/**
 * `'max_tokens' is deprecated in favor of 'max_completion_tokens'. Reasoning models refuse it.`;
 * for a deprecated value, `'messages[1].role': 'function' is deprecated. …`.
 */
export function deprecationMessage(param: string, deprecated: Deprecation): string {
  const use = deprecated.use?.map((u) => `'${u}'`);
  const what =
    deprecated.value === undefined
      ? `'${param}'`
      : `'${param}': ${typeof deprecated.value === 'string' ? `'${deprecated.value}'` : String(deprecated.value)}`;
  const base = use
    ? `${what} is deprecated in favor of ${use.join(' and ')}.`
    : `${what} is deprecated.`;
  return deprecated.note ? `${base} ${deprecated.note}` : base;
}

/**
 * One info note per deprecated parameter present (and not null) in `body`, in schema order.
 * Paths start with 'body'. Runs on every line: a top-level key that is absent costs one lookup.
 */
export function deprecationNotes(schema: SchemaName, body: Record<string, unknown>): Finding[] {
  let out: Finding[] | undefined;
  for (const place of deprecatedPlaces(schema)) {
    const first = place.path[0];
    if (typeof first === 'string' && first !== '*' && (body[first] ?? null) === null) continue;
    const deprecated = place.annotation.deprecated!;
    for (const at of pathsMatching(body, place.path)) {
      // A deprecated value: noted only where the property holds it (the value is highlighted).
      if (deprecated.value !== undefined && valueAt(body, at) !== deprecated.value) continue;
      const param = formatParam(at);
      (out ??= []).push(
        atDefault({
          code: 'deprecated_parameter',
          message: deprecationMessage(param, deprecated),
          param,
          path: ['body', ...at],
          anchor: deprecated.value === undefined ? 'key' : 'value',
        }),
      );
    }
  }
  return out ?? NONE;
}

/**
 * The top-level keys the deprecation notes of a schema start from (rules/rule.ts `keys`), or
 * undefined when a deprecated place starts elsewhere (in an array item, behind a filter).
 */
export function deprecationKeys(schema: SchemaName): readonly string[] | undefined {
  const keys = new Set<string>();
  for (const place of deprecatedPlaces(schema)) {
    const first = place.path[0];
    if (typeof first !== 'string' || first === '*') return undefined;
    keys.add(first);
  }
  return [...keys];
}

/** The top-level keys notInSpecNotes can report on (rules/rule.ts `keys`). */
export function notInSpecKeys(schema: SchemaName): readonly string[] {
  return undocumented(schema).map(([key]) => key);
}

const undocumentedCache = new Map<SchemaName, ReadonlyArray<[string, Annotation]>>();

/** The top-level parameters of a schema annotated `notInSpec` (most schemas: none). */
function undocumented(schema: SchemaName): ReadonlyArray<[string, Annotation]> {
  let list = undocumentedCache.get(schema);
  if (list === undefined) {
    list = [...topLevelAnnotations(schema)].filter(([, a]) => a.notInSpec !== undefined);
    undocumentedCache.set(schema, list);
  }
  return list;
}

/**
 * One info note per top-level parameter annotated `notInSpec` that is present (and not null):
 * the reference does not list it, so whether the API takes it is uncertain. Paths start with 'body'.
 */
export function notInSpecNotes(schema: SchemaName, body: Record<string, unknown>): Finding[] {
  let out: Finding[] | undefined;
  for (const [key, annotation] of undocumented(schema)) {
    if ((body[key] ?? null) === null) continue;
    (out ??= []).push(
      atDefault({
        code: 'undocumented_parameter',
        message: `'${key}' is not in the API reference of ${endpointOfSchema(schema)}: ${annotation.notInSpec}.`,
        param: key,
        path: ['body', key],
        anchor: 'key',
      }),
    );
  }
  return out ?? NONE;
}
