// A batch sends every request to one endpoint: the first request's url (the first the API
// takes) is the batch's.

import type { FileRule } from './rule';
import { problemAt } from '../cross/place';
import { isEndpoint } from '../endpoints';

export const rule: FileRule = {
  scope: 'file',
  start(locate) {
    let first: { line: number; url: string } | undefined;
    return {
      add(line, facts) {
        // Only a url the Batch API takes names the batch's endpoint. A misspelt one has its own
        // invalid_value; it is not also a mismatch with every other line (one problem per cause),
        // and a line without a url (a bare body) does not leave the file without a reference.
        if (!facts.isRequest || !isEndpoint(facts.url)) return undefined;
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
          `The URL provided for this request does not match the batch endpoint. Line ${first.line + 1} uses '${first.url}': every request in a batch must use the same url.`,
          'url',
        );
        return [{ ...problem, relatedLine: first.line }];
      },
    };
  },
};
