// A batch input file holds requests for one model: the first request's model is the file's.
// That is OpenAI's rule (and Azure's, one deployment per file); Together, Mistral and Fireworks
// document none, so their bodies' models are not compared.

import type { FileRule } from './rule';
import { problemAt } from '../cross/place';
import { elide } from '../words';

export const rule: FileRule = {
  scope: 'file',
  start(locate) {
    let first: { line: number; model: string | undefined } | undefined;
    return {
      add(line, facts) {
        if (!facts.isRequest || facts.dialect?.family === 'bare') return undefined;
        if (first === undefined) {
          first = { line, model: facts.model };
          return undefined;
        }
        if (first.model === undefined || facts.model === undefined) return undefined;
        if (facts.model === first.model) return undefined;
        const problem = problemAt(
          locate,
          line,
          ['body', 'model'],
          'model_mismatch',
          `Each input file can only include requests to a single model: line ${first.line + 1} uses '${elide(first.model)}', this request '${elide(facts.model)}'.`,
          'model',
        );
        return [{ ...problem, relatedLine: first.line }];
      },
    };
  },
};
