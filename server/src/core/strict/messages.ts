// The API's messages for strict schemas, as public reports quote them (after the
// "Invalid schema for {kind} '{name}': " prefix, which the caller adds), and batchlint's own
// words for the documented rules whose message nobody has quoted.

import { pyRepr, pySet } from './context';

const at = (ctx: string): string => `In context=${ctx}, `;

export const apiWords = {
  additionalProperties: (ctx: string) =>
    `${at(ctx)}'additionalProperties' is required to be supplied and to be false.`,
  requiredMissing: (ctx: string, key: string) =>
    `${at(ctx)}'required' is required to be supplied and to be an array including every key in properties. Missing '${key}'.`,
  requiredExtra: (ctx: string, key: string) =>
    `${at(ctx)}'required' must be an array that includes every key in \`properties\`. Extra required key '${key}' supplied.`,
  propertiesMissing: (ctx: string) => `${at(ctx)}object schema missing properties.`,
  typeMissing: (ctx: string) => `${at(ctx)}schema must have a 'type' key.`,
  itemsMissing: (ctx: string) => `${at(ctx)}array schema missing items.`,
  /** No context: the root's own type. `None` when `type` is absent, as Python prints it. */
  rootType: (type: unknown) => {
    const shown = type === undefined ? 'None' : typeof type === 'string' ? type : pyRepr(type);
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${shown}"'.`;
  },
  rootCombinator: () =>
    "schema must have type 'object' and not have 'oneOf'/'anyOf'/'allOf'/'enum'/'not' at the top level.",
  notPermitted: (ctx: string, keyword: string) => `${at(ctx)}'${keyword}' is not permitted.`,
  format: (ctx: string, format: string) => `${at(ctx)}'${format}' is not a valid format.`,
  /** The one message printed without "In ", with the keys as a Python set. */
  refSiblings: (ctx: string, keys: readonly string[]) =>
    `context=${ctx}, $ref cannot have keywords ${pySet(keys)}.`,
  refLevel: (ctx: string) =>
    `${at(ctx)}reference can only point to definitions defined at the top level of the schema.`,
  refNotFound: (ctx: string, ref: string) =>
    `${at(ctx)}reference to component '${ref}' which was not found in the schema.`,
  notSchema: (value: unknown) => `${pyRepr(value)} is not of type 'object', 'boolean'.`,
  notArray: (value: unknown) => `${pyRepr(value)} is not of type 'array'.`,
  notObject: (value: unknown) => `${pyRepr(value)} is not of type 'object'.`,
  enumValues: (max: number, count: number) =>
    `Expected at most ${max} enum values in total within a single schema when using structured outputs, but received ${count}. Consider reducing the number of enums, or use 'strict: false' to opt out of structured outputs.`,
  /** Only the start of this message has been seen; the rest is left out rather than guessed. */
  enumChars: (max: number, over: number, count: number) =>
    `Expected at most ${max} total characters across enum values when there are more than ${over} enum values, but received ${count}.`,
};

/** Said after batchlint's own wording, so nobody mistakes it for the API's. */
export const OURS = "The rule is documented; the API's exact message for it is not known.";

export const ourWords = {
  unknownType: (ctx: string, type: unknown) =>
    `${at(ctx)}${pyRepr(type)} is not a type strict mode supports (string, number, integer, boolean, object, array, null).`,
  enumWithoutType: (ctx: string) =>
    `${at(ctx)}an 'enum' without a 'type': whether strict mode accepts this is not documented. Adding 'type' makes it certain.`,
  tooDeep: (ctx: string, depth: number, max: number) =>
    `${at(ctx)}the schema is nested ${depth} levels deep; strict mode allows at most ${max} levels.`,
  tooManyProperties: (count: number, max: number) =>
    `The schema has ${count} object properties in total; strict mode allows at most ${max}.`,
  stringsTooLong: (count: number, max: number) =>
    `Property names, definition names, enum and const values add up to ${count} characters; strict mode allows at most ${max}.`,
};
