// A batch sends every request to one endpoint: the first request's url is the batch's.

import type { FileRule } from './rule';
import { problemAt } from '../cross/place';

export const rule: FileRule = {
  scope: 'file',
  start(locate) {
    let first: { line: number; url: string | undefined } | undefined;
    return {
      add(line, facts) {
        if (!facts.isRequest) return undefined;
        if (first === undefined) {
          first = { line, url: facts.url };
          return undefined;
        }
        if (first.url === undefined || facts.url === undefined || facts.url === first.url) {
          return undefined;
        }
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
