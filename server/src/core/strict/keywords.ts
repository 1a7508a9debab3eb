// Which JSON Schema keywords strict mode accepts, and how sure we are of what the API says about
// the others. Sources: the Structured Outputs guide's "Supported schemas" list, the keywords the
// official SDKs refuse before sending, and error texts quoted in public reports.

/** How sure the wording of a message is: quoted from the API, seen only in code, or ours. */
export type Wording = 'verbatim' | 'likely' | 'ours';

/** Types a strict schema may name (`type` or an entry of a `type` array). */
export const STRICT_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
]);

/** The `format` values strict mode accepts (`uri` is not among them). */
export const STRICT_FORMATS: ReadonlySet<string> = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uuid',
]);

export interface RefusedKeyword {
  wording: Wording;
  /** A warning rather than an error: the API has accepted it at times. */
  changing?: string;
}

/**
 * Keywords the API refuses in a strict schema with `'{keyword}' is not permitted.`. Keywords in
 * neither this table nor the supported list (annotations such as `examples`, `x-…`) are left
 * alone: there is no evidence either way.
 */
export const REFUSED_KEYWORDS: Readonly<Record<string, RefusedKeyword>> = {
  // Quoted from the API in public reports.
  oneOf: { wording: 'verbatim' },
  propertyNames: { wording: 'verbatim' },
  maxLength: { wording: 'verbatim' },
  default: {
    wording: 'verbatim',
    changing:
      'The API refused it in 2024-2025 and Azure OpenAI still does; api.openai.com accepted it in an August 2026 test.',
  },
  // The same template, seen in logs and fixtures.
  minLength: { wording: 'likely' },
  allOf: { wording: 'likely' },
  not: { wording: 'likely' },
  if: { wording: 'likely' },
  then: { wording: 'likely' },
  else: { wording: 'likely' },
  uniqueItems: { wording: 'likely' },
  dependentRequired: { wording: 'likely' },
  dependentSchemas: { wording: 'likely' },
  // Outside the documented subset; the official SDKs refuse them before sending.
  patternProperties: { wording: 'likely' },
  unevaluatedProperties: { wording: 'likely' },
  unevaluatedItems: { wording: 'likely' },
  contains: { wording: 'likely' },
  minContains: { wording: 'likely' },
  maxContains: { wording: 'likely' },
  prefixItems: { wording: 'likely' },
  minProperties: { wording: 'likely' },
  maxProperties: { wording: 'likely' },
  dependencies: { wording: 'likely' },
  contentSchema: { wording: 'likely' },
};

/** Keywords the root alone may carry beside the supported ones. */
export const ROOT_ONLY: ReadonlySet<string> = new Set(['$schema', '$id', '$defs', 'definitions']);

/** Keywords that make a root schema something other than one plain object. */
export const ROOT_COMBINATORS = ['oneOf', 'anyOf', 'allOf', 'enum', 'not'] as const;

/** Documented size limits (Structured Outputs guide, values since late 2025). */
export const LIMITS = {
  /** Object properties in the whole schema, `$defs` included. */
  properties: 5000,
  /** Nesting levels below the root. */
  depth: 10,
  /** Characters in all property names, definition names, enum and const values together. */
  stringLength: 120_000,
  /** Enum values in the whole schema. */
  enumValues: 1000,
  /** Characters across one enum's values, when it has more than `largeEnum` values. */
  largeEnumChars: 15_000,
  largeEnum: 250,
} as const;
