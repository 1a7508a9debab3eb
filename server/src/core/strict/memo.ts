// A batch sends the same schemas line after line (one set of tools, one response format with
// every request): each distinct schema is checked once, known by its JSON text. The findings are
// then shared between lines, so they are frozen.

import type { StrictFinding } from './types';
import { checkStrictSchema } from './check';

/** Longer schemas (in JSON characters) are checked each time: keeping their text costs memory. */
const MAX_CHARS = 100_000;
/** Distinct schemas remembered; past this the memo starts over (a bound on its memory). */
const MAX_ENTRIES = 256;
/**
 * A null value in the JSON text: it may stand for a number JSON.parse took as Infinity (1e400),
 * which JSON.stringify writes as null, so two different schemas could share a text.
 */
const NULL_VALUE = /[:,[]null/;

let memo = new Map<string, readonly StrictFinding[]>();

/**
 * checkStrictSchema's findings for a schema that came out of JSON.parse, computed once per
 * distinct schema. The same findings in the same order; read-only.
 */
export function strictFindingsOf(schema: unknown): readonly StrictFinding[] {
  let text: string | undefined;
  try {
    text = JSON.stringify(schema);
  } catch {
    // Nested deeper than JSON.stringify goes: the check itself stops at its own depth.
    return checkStrictSchema(schema);
  }
  if (text === undefined || text.length > MAX_CHARS || NULL_VALUE.test(text)) {
    return checkStrictSchema(schema);
  }
  let found = memo.get(text);
  if (found === undefined) {
    if (memo.size >= MAX_ENTRIES) memo = new Map();
    found = frozen(checkStrictSchema(schema));
    memo.set(text, found);
  }
  return found;
}

function frozen(findings: StrictFinding[]): readonly StrictFinding[] {
  for (const f of findings) {
    Object.freeze(f.path);
    if (f.fixPath) Object.freeze(f.fixPath);
    if (f.fix) Object.freeze(f.fix);
    if (f.fix?.kind === 'require-keys') Object.freeze(f.fix.keys);
    Object.freeze(f);
  }
  return Object.freeze(findings);
}
