// A batch sends every request to one endpoint: the first request's url (the first the API
// takes) is the batch's.

import type { FileRule } from './rule';
import { problemAt } from '../cross/place';
import type { LineFacts } from '../types';
import type { RuleContext } from '../models/context';
import { endpointFor } from '../dialects/urls';
import { DEFAULT_DIALECT } from '../dialects/table';
import { elide } from '../words';

export const rule: FileRule = {
  scope: 'file',
  start(locate, context) {
    let first: { line: number; url: string } | undefined;
    return {
      add(line, facts) {
        // Only a url the Batch API takes names the batch's endpoint. A misspelt one has its own
        // invalid_value; it is not also a mismatch with every other line (one problem per cause),
        // and a line without a url (a bare body) does not leave the file without a reference.
        if (!facts.isRequest || facts.url === undefined || !takes(facts.url, facts, context))
          return undefined;
        if (first === undefined) {
          first = { line, url: facts.url };
          return undefined;
        }
        if (facts.url === first.url) return undefined;
        const problem = problemAt(
          locate,
          line,
          ['url'],
          'url_mismatch',
          `The URL provided for this request does not match the batch endpoint. Line ${first.line + 1} uses '${elide(first.url)}': every request in a batch must use the same url.`,
          'url',
        );
        return [{ ...problem, relatedLine: first.line }];
      },
    };
  },
};

/** Whether `url` is one the line's dialect takes (Azure's `/chat/completions` too). */
function takes(url: string, facts: LineFacts, context: RuleContext): boolean {
  const dialect = facts.dialect?.dialect ?? context.dialect ?? context.readAs ?? DEFAULT_DIALECT;
  return endpointFor(url, dialect) !== undefined;
}
