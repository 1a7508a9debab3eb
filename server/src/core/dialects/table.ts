// The dialects batchlint reads, from schemas/dialects.json (compiled into the generated module):
// lookups by id, and the words that name a dialect in messages.

import type { DialectId, SchemaName } from '../generated';
import { dialectManifest } from '../generated';
import type { DialectRow, Family } from './row';
export type { DialectId } from '../generated';
export type { Family } from './row';

export type Dialect = DialectRow<DialectId, SchemaName>;

const BY_ID = new Map<string, Dialect>(dialectManifest.map((d) => [d.id, d]));

/** Every dialect id, in the manifest's order (which also breaks ties in detection). */
export const DIALECT_IDS: readonly DialectId[] = dialectManifest.map((d) => d.id);

/** The dialect a file is read in when nothing says otherwise. */
export const DEFAULT_DIALECT: DialectId = 'openai';

export function isDialectId(value: unknown): value is DialectId {
  return typeof value === 'string' && BY_ID.has(value);
}

/** The manifest row of a dialect. */
export function dialectInfo(id: DialectId): Dialect {
  return BY_ID.get(id)!;
}

export function familyOf(id: DialectId): Family {
  return dialectInfo(id).family;
}

/** "Anthropic Message Batches (anthropic)". */
export function dialectLabel(id: DialectId): string {
  return `${dialectInfo(id).name} (${id})`;
}
