// Reads a user's model table (`--models FILE`, the `batchlint.models` setting): checks it against
// schemas/models.schema.json and for facts the schema cannot rule out (table-facts.ts), and layers
// it over the built-in table. A bad file is refused whole with the path of the first bad field,
// never half applied.

import { validators } from '../generated';
import type { AjvError } from '../schema/compiled-types';
import { ModelCatalogue, ModelsFileError, memberPath } from './catalogue';
import type { ModelsFile } from './types';
import { didYouMean } from '../schema/suggest';
import { impossibleFact } from './table-facts';

/** The fields a model entry may have, to suggest one for a typo. */
const FIELDS = [
  'base',
  'aliases',
  'endpoints',
  'batch',
  'contextWindow',
  'maxInputTokens',
  'maxOutputTokens',
  'inputModalities',
  'tokenLimitParam',
  'reasoning',
  'sampling',
  'verbosity',
  'systemMessages',
  'structuredOutputs',
  'tools',
  'dimensions',
  'deprecation',
  'prices',
  'batchQueueLimits',
  'tokenizer',
  'sources',
  'asOf',
  'uncertain',
];

/**
 * The built-in table with `value` (a parsed models file, `{"models": {...}}`) on top.
 * @throws ModelsFileError naming the bad field, e.g. `models["my-deploy"].contextWindow: expected an integer.`,
 *   including facts the schema cannot rule out (a date off the calendar, a default effort that is
 *   not one of the efforts: see table-facts.ts)
 */
export function catalogueWith(value: unknown): ModelCatalogue {
  const validate = validators.models;
  if (!validate(value)) throw describe(mostSpecific(validate.errors ?? []));
  const impossible = impossibleFact(value as ModelsFile);
  if (impossible) throw impossible;
  return ModelCatalogue.builtIn().withOverrides(value as ModelsFile);
}

/**
 * Like catalogueWith, from the text of a file.
 * @throws ModelsFileError for text that is not JSON (path `(file)`) or a bad field.
 */
export function catalogueFromText(text: string): ModelCatalogue {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ModelsFileError('(file)', `not JSON: ${(error as Error).message}`);
  }
  return catalogueWith(value);
}

/** The error deepest in the value; at one depth, the union's summary over its branches' details. */
function mostSpecific(errors: readonly AjvError[]): AjvError | undefined {
  let best: AjvError | undefined;
  for (const e of errors) {
    const depth = e.instancePath.split('/').length;
    const bestDepth = best ? best.instancePath.split('/').length : -1;
    if (depth > bestDepth || (depth === bestDepth && e.keyword === 'oneOf')) best = e;
  }
  return best;
}

function describe(error: AjvError | undefined): ModelsFileError {
  if (!error) return new ModelsFileError('(file)', 'not a model table.');
  const segments = error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path = segments.reduce(
    (out, s, i) => (i === 0 ? s : /^\d+$/.test(s) ? `${out}[${s}]` : out + memberPath(s)),
    '',
  );
  const where = path || '(file)';
  const p = error.params;
  switch (error.keyword) {
    case 'type':
      return new ModelsFileError(where, `expected ${String(p.type)}.`);
    case 'enum':
      return new ModelsFileError(
        where,
        `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}.`,
      );
    case 'required':
      return new ModelsFileError(where, `missing '${String(p.missingProperty)}'.`);
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const hint = segments.length === 2 && segments[0] === 'models' ? didYouMean(key, FIELDS) : '';
      return new ModelsFileError(where, `unknown field '${key}'.${hint}`);
    }
    case 'pattern':
      return new ModelsFileError(
        where,
        String(p.pattern).includes('\\d{4}')
          ? 'expected a date, YYYY-MM-DD.'
          : 'expected an https:// URL.',
      );
    case 'minimum':
      return new ModelsFileError(where, `expected at least ${String(p.limit)}.`);
    case 'oneOf':
    case 'const':
      return new ModelsFileError(where, 'expected false or an object.');
    default:
      return new ModelsFileError(where, `invalid (${error.keyword}).`);
  }
}
