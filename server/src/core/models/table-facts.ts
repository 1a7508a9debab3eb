// What a model table's schema cannot say: that its dates are on the calendar (the schema checks
// the YYYY-MM-DD shape only, and 2020-13-45 would otherwise be compared with the check date as if
// it meant something) and that a model's default reasoning effort is one of the efforts it lists.
// Users' files (load.ts) and the built-in table (its schema test) are held to the same checks.

import { dateProblem } from '../dates';
import { ModelsFileError, memberPath } from './catalogue';
import type { ModelFacts, ModelsFile } from './types';

/**
 * The first fact of `file` (already valid against schemas/models.schema.json) that cannot be
 * true, as the error `catalogueWith` throws: a date off the calendar
 * (`models["my-deploy"].deprecation.shutdown: '2020-13-45' is not a calendar date: there is no month 13.`)
 * or a default effort outside the efforts (`models.x.reasoning.default: expected one of its efforts, "low".`).
 * `undefined` when every fact can be true.
 */
export function impossibleFact(file: ModelsFile): ModelsFileError | undefined {
  if (file.asOf !== undefined) {
    const why = dateProblem(file.asOf);
    if (why) return new ModelsFileError('asOf', why);
  }
  for (const [id, facts] of Object.entries(file.models)) {
    const found = impossibleInEntry(`models${memberPath(id)}`, facts);
    if (found) return found;
  }
  return undefined;
}

function impossibleInEntry(where: string, facts: ModelFacts): ModelsFileError | undefined {
  const dates: [string, string | undefined][] = [
    ['.asOf', facts.asOf],
    ['.deprecation.shutdown', facts.deprecation?.shutdown],
  ];
  for (const [field, value] of dates) {
    const why = value === undefined ? undefined : dateProblem(value);
    if (why) return new ModelsFileError(where + field, why);
  }
  const reasoning = facts.reasoning;
  if (
    reasoning &&
    reasoning.default !== undefined &&
    !reasoning.efforts.includes(reasoning.default)
  ) {
    const efforts = reasoning.efforts.map((e) => JSON.stringify(e)).join(', ');
    return new ModelsFileError(
      `${where}.reasoning.default`,
      `expected one of its efforts, ${efforts}.`,
    );
  }
  return undefined;
}
