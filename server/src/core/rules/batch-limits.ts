// The Batch API's limits on one input file: 200 MB, 50,000 requests, 50,000 embedding inputs
// across all requests, and at least one request. Each limit is said once, on the line that
// passes it.

import type { Problem } from '../types';
import type { FileRule } from './rule';
import { problemAt } from '../cross/place';
import { MAX_EMBEDDING_INPUTS, MAX_FILE_BYTES, MAX_REQUESTS } from '../cross/limits';

export const rule: FileRule = {
  scope: 'file',
  start(locate) {
    let bytes = 0;
    let requests = 0;
    let inputs = 0;
    /** Lines with content that is not a request: a file of such lines is not "empty". */
    let unreadable = 0;
    return {
      add(line, facts, lineBytes) {
        let out: Problem[] | undefined;
        const before = bytes;
        bytes += lineBytes;
        if (before <= MAX_FILE_BYTES && bytes > MAX_FILE_BYTES) {
          (out ??= []).push(
            problemAt(
              locate,
              line,
              [],
              'file_too_large',
              `The file is larger than 200 MB at this line; the Batch API takes input files of at most 200 MB (larger uploads are refused with HTTP 413). Split the file.`,
            ),
          );
        }
        if (!facts.isRequest) {
          if (facts.unreadable) unreadable++;
          return out;
        }
        requests++;
        if (requests === MAX_REQUESTS + 1) {
          (out ??= []).push(
            problemAt(
              locate,
              line,
              [],
              'too_many_tasks',
              `This is request 50,001: a batch takes at most 50,000 requests per file. Split the file.`,
            ),
          );
        }
        if (facts.embeddingInputs) {
          const inputsBefore = inputs;
          inputs += facts.embeddingInputs;
          if (inputsBefore <= MAX_EMBEDDING_INPUTS && inputs > MAX_EMBEDDING_INPUTS) {
            (out ??= []).push(
              problemAt(
                locate,
                line,
                ['body', 'input'],
                'too_many_embedding_inputs',
                `The embedding inputs of this file pass 50,000 here (${inputs.toLocaleString('en-US')} so far); a batch takes at most 50,000 embedding inputs across all its requests.`,
                'input',
              ),
            );
          }
        }
        return out;
      },
      finish(lineCount) {
        // A file whose lines are all unreadable has each of them reported already: once is enough.
        if (requests > 0 || unreadable > 0) return [];
        return [
          {
            code: 'empty_file',
            severity: 'error',
            message: 'The file has no requests: a batch needs at least one request line.',
            line: 0,
            column: 0,
            endLine: Math.max(0, lineCount - 1),
            endColumn: 0,
          },
        ];
      },
    };
  },
};
