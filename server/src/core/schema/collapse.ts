// Removes ajv errors that only restate another one, so each real problem yields one finding:
// `if` errors repeat the then/else error under them, a missing discriminator tag is already a
// missing `required` property, `propertyNames` repeats the key error found inside it, a string
// too short to hold anything cannot match a pattern either, and a value of the wrong type is not
// also reported as outside the enum.
import type { AjvError } from './compiled-types';

const RESTATING = new Set(['if', 'propertyNames', 'oneOf', 'anyOf', 'allOf', 'not']);

export function collapse(errors: readonly AjvError[]): AjvError[] {
  const missing = new Set(
    errors
      .filter((e) => e.keyword === 'required')
      .map((e) => `${e.instancePath}\u0000${String(e.params.missingProperty)}`),
  );
  const tooShort = new Set(
    errors.filter((e) => e.keyword === 'minLength').map((e) => e.instancePath),
  );
  const wrongType = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: AjvError[] = [];
  for (const e of errors) {
    // The combinators left here never carry information of their own: every union in our
    // schemas is a discriminator or a multi-type `type`, which report precisely.
    if (RESTATING.has(e.keyword)) continue;
    if (
      e.keyword === 'discriminator' &&
      e.params.error === 'tag' &&
      missing.has(`${e.instancePath}\u0000${String(e.params.tag)}`)
    ) {
      continue;
    }
    if (e.keyword === 'pattern' && tooShort.has(e.instancePath)) continue;
    if (e.keyword === 'enum' && wrongType.has(e.instancePath)) continue;
    const key = `${e.instancePath}\u0000${e.schemaPath}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}
