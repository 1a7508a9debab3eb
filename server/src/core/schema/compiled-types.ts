// The shapes shared by the generated validators (server/src/core/generated, written at build
// time by scripts/compile-schemas.mjs) and the code that phrases their errors.

/** One ajv error, as the standalone validators report it (with `messages: false`). */
export interface AjvError {
  keyword: string;
  /** JSON Pointer into the validated value, e.g. `/messages/0/content/1`. */
  instancePath: string;
  /** JSON Pointer into the schema, e.g. `#/definitions/imagePart/properties/image_url/type`. */
  schemaPath: string;
  params: Record<string, unknown>;
}

/** A compiled validator: returns true when valid, else leaves its errors on `.errors`. */
export interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** What the phrasing layer needs to know about one schema node to word an error as the API does. */
export interface SchemaFacts {
  /** "an object", "one of a string or array of objects", "an image URL" (x-expected). */
  expected?: string;
  /** The values a discriminator accepts, in the order the API lists them (x-supported). */
  supported?: string[];
  /** With `x-supported`: the values this position really accepts (a subset or a superset). */
  accepted?: string[];
  /** The keys of an object that refuses unknown keys, to suggest one for a typo. */
  keys?: string[];
  /** The keys an object must have (JSON Schema `required`, on a node with properties). */
  required?: string[];
  /** Whether a range applies to an integer or a decimal parameter. */
  numeric?: 'integer' | 'decimal';
}
