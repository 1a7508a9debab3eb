// What the model table says about each model a file names, once per model: unknown to the table
// (a note, never an error: a deployment name or a new model is not a mistake), not run by the
// Batch API, deprecated, or past its shutdown date, each with the date and source the table gives.
// A fact the table marks uncertain is only ever a note.

import type { LineFacts, Problem, ProblemCode, Severity } from '../types';
import type { FileRule } from './rule';
import type { ModelFacts } from '../models/types';
import type { DialectId } from '../dialects/table';
import { elide } from '../words';

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
        // A blank name is an error on its line (blank-model.ts), not a model the table lacks.
        if (name.trim() === '') return undefined;
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
        const dialect = context.dialect ?? context.readAs ?? facts.dialect?.dialect ?? 'openai';
        if (!model) {
          return [
            at(
              'unknown_model',
              'info',
              `No model rules for '${elide(name)}': batchlint's model table does not know it, so its parameters are checked against the endpoint only.${UNKNOWN_HINT[dialect] ?? context.models.suggest(name)}`,
            ),
          ];
        }
        // Which models another provider runs in batch is its own list, not OpenAI's.
        return statusOf(name, model.facts, context.today, at, dialect === 'openai');
      },
    };
  },
};

/** What an unknown model most likely is in each dialect, and what to do about it. */
const UNKNOWN_HINT: Partial<Record<DialectId, string>> = {
  azure:
    ' On Azure OpenAI the model is a deployment name: map it to its model in a models file (--models, or the batchlint.models setting), e.g. {"models": {"my-deployment": {"base": "gpt-4o"}}}.',
  'openai-compatible': " It is the server's own model; only OpenAI's models have rules.",
  together: " It is the provider's own model; only OpenAI's models have rules.",
  mistral: " It is the provider's own model; only OpenAI's models have rules.",
  fireworks: " It is the provider's own model; only OpenAI's models have rules.",
};

function statusOf(
  name: string,
  facts: Readonly<ModelFacts>,
  today: string,
  at: (code: ProblemCode, severity: Severity, message: string) => Problem,
  openai: boolean,
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
        `'${elide(name)}' was shut down on ${deprecation.shutdown}; the API no longer serves it${doubt('deprecation')}. Source: ${deprecation.source}`,
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
        `'${elide(name)}' is deprecated: ${when}${doubt('deprecation')}. Source: ${deprecation.source}`,
      ),
    );
  }
  if (facts.batch === false && openai) {
    const source = facts.sources?.[0];
    found.push(
      at(
        'model_not_in_batch',
        sure('batch'),
        // The batch validator's own words first, then where the fact comes from.
        `The provided model '${elide(name)}' is not supported by the Batch API.${doubt('batch')}${source ? ` Source: ${source}` : ''}`,
      ),
    );
  }
  return found.length > 0 ? found : undefined;
}
