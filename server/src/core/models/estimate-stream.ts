// Estimates a file read as a stream of bytes (Node only: the line reader works on Buffers), for
// `batchlint estimate`. The counting itself is estimate.ts's BatchEstimator.

import type { Readable } from 'node:stream';
import type { ModelCatalogue } from './catalogue';
import { BatchEstimator } from './estimate';
import type { FileEstimate } from './estimate';
import { LineReader } from '../line-reader';

/** Estimates a stream of batch lines (a file read in chunks: never whole in memory). */
export async function estimateStream(
  input: Readable,
  catalogue: ModelCatalogue,
): Promise<FileEstimate> {
  const estimator = new BatchEstimator(catalogue);
  let bad = 0;
  const reader = new LineReader({
    line: (text) => estimator.line(text),
    badLine: () => bad++,
  });
  for await (const chunk of input) {
    if (!reader.feed(chunk as Buffer)) break;
  }
  reader.end();
  const result = estimator.result();
  return { ...result, skippedLines: result.skippedLines + bad };
}
