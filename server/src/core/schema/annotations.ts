// batchlint's knowledge about request parameters, kept as data: the `x-batchlint` annotations on
// the properties of schemas/*.json (their shape: schemas/x-batchlint.schema.json; their meaning:
// schemas/README.md). scripts/compile-schemas.mjs collects them, with the body paths each one
// applies to, into the generated tables read here. Check, convert, hover and completion all read
// these; none keeps a private list of deprecated, moved or chat-only parameters.

import type { JsonPath } from '../types';
import type { SchemaName } from '../generated';
import { schemaAnnotations } from '../generated';
import { isObject } from '../json';

/** A chat completions parameter's fate on /v1/responses. */
export type ResponsesEquivalent = 'same' | 'moved' | 'rewritten' | 'none';

/** The API marks the property deprecated. */
export interface Deprecation {
  /** What replaces it, as body paths (`max_completion_tokens`, `prompt_cache_options.ttl`). */
  use?: string[];
  /** One more sentence for the deprecation note. */
  note?: string;
  /**
   * Set when the API deprecates one value of the property rather than the property (a message's
   * role 'function'): the note is given only where the property holds this value.
   */
  value?: string | number | boolean;
}

/** One `x-batchlint` annotation (mirrors schemas/x-batchlint.schema.json). */
export interface Annotation {
  /** One line in batchlint's words, for hover and completion. */
  description?: string;
  /** The page documenting the parameter, when it is not the endpoint's reference page. */
  docs?: string;
  deprecated?: Deprecation;
  /** On a chat completions parameter: what it becomes on /v1/responses. */
  responses?: ResponsesEquivalent;
  /**
   * Where the parameter lives on /v1/responses (a body path). On a /v1/responses property (no
   * `responses` key), the key is declared only to check what is inside it.
   */
  movedTo?: string;
  /** With `responses: 'none'`: why there is no equivalent (a clause). */
  why?: string;
  /** What to do instead, shown by convert and by the check of a /v1/responses line. */
  hint?: string;
  /** The API reference does not list the parameter though the API accepts it at times: what is known. */
  notInSpec?: string;
}

/** One step of a body path pattern: a key, every array item, or a discriminated branch's filter. */
export type PlaceStep = string | '*' | { key: string; values: readonly unknown[] };

/** An annotated property and the body paths that reach it (generated). */
export interface AnnotatedPlace {
  path: readonly PlaceStep[];
  /** Where the property is in its schema file, e.g. `#/definitions/assistantMessage/properties/function_call`. */
  pointer: string;
  /** The annotation without its description and docs link. */
  annotation: Annotation;
}

/** One row of the endpoints manifest (schemas/endpoints.json), as generated. */
export interface EndpointRow<E extends string = string, S extends string = string> {
  url: E;
  /** The body schema's export name; null when the body is not checked. */
  schema: S | null;
  /** The endpoint's API reference page. */
  docs: string;
  /** What is known about the Batch API accepting this url, with its sources' disagreements. */
  batch: string;
}

const topLevelCache = new Map<SchemaName, ReadonlyMap<string, Annotation>>();

/** The annotations of a schema's top-level body parameters, by key. */
export function topLevelAnnotations(schema: SchemaName): ReadonlyMap<string, Annotation> {
  let map = topLevelCache.get(schema);
  if (map === undefined) {
    map = new Map(
      schemaAnnotations[schema]
        .filter((p) => p.path.length === 1 && typeof p.path[0] === 'string')
        .map((p) => [p.path[0] as string, p.annotation]),
    );
    topLevelCache.set(schema, map);
  }
  return map;
}

/** The annotation of one top-level body parameter, if it has one. */
export function parameterAnnotation(schema: SchemaName, key: string): Annotation | undefined {
  return topLevelAnnotations(schema).get(key);
}

const deprecatedCache = new Map<SchemaName, readonly AnnotatedPlace[]>();

/** Every deprecated property of a schema, with its body path patterns. */
export function deprecatedPlaces(schema: SchemaName): readonly AnnotatedPlace[] {
  let places = deprecatedCache.get(schema);
  if (places === undefined) {
    places = schemaAnnotations[schema].filter((p) => p.annotation.deprecated !== undefined);
    deprecatedCache.set(schema, places);
  }
  return places;
}

/**
 * The concrete paths (relative to the body) where `pattern` finds a value in `body` that is
 * neither absent nor null. Bounded by the body's size: each array is walked once per '*'.
 */
export function pathsMatching(body: unknown, pattern: readonly PlaceStep[]): JsonPath[] {
  const found: JsonPath[] = [];
  collectMatches(body, pattern, 0, [], found);
  return found;
}

/**
 * pathsMatching's walk from `step` of `pattern` at `value`, `at` its path so far (one array,
 * pushed and popped: this runs on every line, and allocates only for what it finds).
 */
function collectMatches(
  value: unknown,
  pattern: readonly PlaceStep[],
  step: number,
  at: Array<string | number>,
  found: JsonPath[],
): void {
  if (value === undefined || value === null) return;
  if (step === pattern.length) {
    found.push(at.slice());
    return;
  }
  const s = pattern[step]!;
  if (s === '*') {
    if (!Array.isArray(value)) return;
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      collectMatches(value[i], pattern, step + 1, at, found);
      at.pop();
    }
  } else if (typeof s === 'string') {
    if (isObject(value) && Object.prototype.hasOwnProperty.call(value, s)) {
      at.push(s);
      collectMatches(value[s], pattern, step + 1, at, found);
      at.pop();
    }
  } else if (isObject(value) && s.values.includes(value[s.key])) {
    collectMatches(value, pattern, step + 1, at, found);
  }
}
