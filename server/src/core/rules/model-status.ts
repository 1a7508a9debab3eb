// What the model table says about each model a file names, once per model: unknown to the table
// (a note, never an error: a deployment name or a new model is not a mistake), not run by the
// Batch API, deprecated, or past its shutdown date, each with the date and source the table gives.
// A fact the table marks uncertain is only ever a note.

import type { LineFacts, Problem, ProblemCode, Severity } from '../types';
import type { FileRule } from './rule';
import type { ModelFacts } from '../models/types';

/** Past this many distinct models a file is model_mismatch's business; stop looking. */
const MAX_MODELS = 20;

export const rule: FileRule = {
  scope: 'file',
  start(locate, context) {
    const seen = new Set<string>();
    return {
      add(line: number, facts: LineFacts): Problem[] | undefined {
        const name = facts.model;
        if (name === undefined || seen.has(name) || seen.size >= MAX_MODELS) return undefined;
        seen.add(name);
        const at = (code: ProblemCode, severity: Severity, message: string): Problem => ({
          code,
          severity,
          message,
          param: 'model',
          line,
          endLine: line,
          ...locate(line, ['body', 'model']),
        });
        const model = context.models.resolve(name);
        if (!model) {
          return [
            at(
              'unknown_model',
              'info',
              `No model rules for '${name}': batchlint's model table does not know it, so its parameters are checked against the endpoint only.${context.models.suggest(name)}`,
            ),
          ];
        }
        return statusOf(name, model.facts, context.today, at);
      },
    };
  },
};

function statusOf(
  name: string,
  facts: Readonly<ModelFacts>,
  today: string,
  at: (code: ProblemCode, severity: Severity, message: string) => Problem,
): Problem[] | undefined {
  const found: Problem[] = [];
  const sure = (field: keyof ModelFacts): Severity =>
    facts.uncertain?.[field] === undefined ? 'warning' : 'info';
  const doubt = (field: keyof ModelFacts): string => {
    const why = facts.uncertain?.[field];
    return why === undefined ? '' : ` (uncertain: ${why})`;
  };
  const { deprecation } = facts;
  if (deprecation?.shutdown !== undefined && deprecation.shutdown <= today) {
    found.push(
      at(
        'model_shut_down',
        sure('deprecation'),
        `'${name}' was shut down on ${deprecation.shutdown}; the API no longer serves it${doubt('deprecation')}. Source: ${deprecation.source}`,
      ),
    );
  } else if (deprecation && (deprecation.shutdown === undefined || !facts.uncertain?.deprecation)) {
    // A second-hand date still ahead is not worth a note on every file; the hover shows it.
    const when =
      deprecation.shutdown === undefined
        ? 'no shutdown date is announced'
        : `it shuts down on ${deprecation.shutdown}`;
    found.push(
      at(
        'model_deprecated',
        'info',
        `'${name}' is deprecated: ${when}${doubt('deprecation')}. Source: ${deprecation.source}`,
      ),
    );
  }
  if (facts.batch === false) {
    const source = facts.sources?.[0];
    found.push(
      at(
        'model_not_in_batch',
        sure('batch'),
        // The batch validator's own words first, then where the fact comes from.
        `The provided model '${name}' is not supported by the Batch API.${doubt('batch')}${source ? ` Source: ${source}` : ''}`,
      ),
    );
  }
  return found.length > 0 ? found : undefined;
}
