// Strict structured outputs and strict function tools: the schema subset the API accepts.

export { checkStrictSchema } from './check';
export { strictFindingsOf } from './memo';
export { formatContext, pyRepr } from './context';
export type { StrictFinding, StrictFix, StrictKind, StrictRule } from './types';
export { STRICT_RULES } from './types';
export { strictTargets } from './targets';
export type { StrictTarget } from './targets';
import type { StrictKind } from './types';
import { elide } from '../words';
export type { Wording } from './keywords';

/** The API's prefix for every strict-schema message: `Invalid schema for function 'f': `. */
export function strictPrefix(kind: StrictKind, name: string): string {
  return `Invalid schema for ${kind} '${elide(name)}': `;
}
