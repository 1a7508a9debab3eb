// The Batch API's limits on one input file: 200 MB, 50,000 requests, 50,000 embedding inputs
// across all requests, and at least one request. Each limit is said once, on the line that
// passes it. Other dialects have their own (schemas/dialects.json): those of the dialect most
// lines so far are in (a chosen one's, when a setting chose it); a quota that can be raised is
// a warning.

import type { Problem } from '../types';
import type { FileRule } from './rule';
import { problemAt } from '../cross/place';
import { atDefault } from '../catalogue';
import { MAX_EMBEDDING_INPUTS } from '../cross/limits';
import { DialectVote } from '../dialects/detect';
import { dialectInfo } from '../dialects/table';

export const rule: FileRule = {
  scope: 'file',
  start(locate, context) {
    const vote = new DialectVote(context.dialect);
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
        vote.add(facts.dialect);
        const dialect = dialectInfo(vote.dialect());
        const { limits } = dialect;
        const quota = limits.adjustable ? ({ severity: 'warning' } as const) : {};
        const maxBytes = limits.bytes ?? Infinity;
        if (before <= maxBytes && bytes > maxBytes) {
          (out ??= []).push({
            ...problemAt(
              locate,
              line,
              [],
              'file_too_large',
              dialect.id === 'openai'
                ? `The file is larger than 200 MB (200,000,000 bytes) at this line; the Batch API takes input files of at most 200 MB (larger uploads are refused with HTTP 413). Split the file.`
                : `The file is larger than ${size(maxBytes)} at this line; ${dialect.name} takes input files of at most ${size(maxBytes)}. Split the file.`,
            ),
            ...quota,
          });
        }
        if (!facts.isRequest) {
          if (facts.unreadable) unreadable++;
          return out;
        }
        requests++;
        const maxRequests = limits.requests ?? Infinity;
        if (requests === maxRequests + 1) {
          (out ??= []).push({
            ...problemAt(
              locate,
              line,
              [],
              'too_many_tasks',
              dialect.id === 'openai'
                ? `This is request 50,001: a batch takes at most 50,000 requests per file. Split the file.`
                : `This is request ${count(maxRequests + 1)}: ${dialect.name} takes at most ${count(maxRequests)} requests per ${limits.adjustable ? 'file by default (a quota that can be raised)' : 'batch'}. Split the file.`,
            ),
            ...quota,
          });
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
        const dialect = dialectInfo(vote.dialect());
        const least = dialect.limits.minRequests;
        if (least !== undefined && requests > 0 && requests < least) {
          return [
            atDefault({
              code: 'too_few_requests',
              message: `${requests} record${requests === 1 ? '' : 's'}: ${dialect.name} runs a job of at least ${least} records by default (a quota that can be raised); a smaller job is refused.`,
              line: 0,
              column: 0,
              endLine: 0,
              endColumn: 0,
            }),
          ];
        }
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

/** 268435456 → "256 MB", 2147483648 → "2 GB" (binary units, as the providers count). */
function size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
