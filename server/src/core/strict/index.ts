// Strict structured outputs and strict function tools: the schema subset the API accepts.

export { checkStrictSchema } from './check';
export { formatContext, pyRepr } from './context';
export type { StrictFinding, StrictFix, StrictRule } from './types';
export type { Wording } from './keywords';

/** Which strict entry point a schema belongs to, as the API's message prefix names it. */
export type StrictKind = 'response_format' | 'function';

/** The API's prefix for every strict-schema message: `Invalid schema for function 'f': `. */
export function strictPrefix(kind: StrictKind, name: string): string {
  return `Invalid schema for ${kind} '${name}': `;
}
