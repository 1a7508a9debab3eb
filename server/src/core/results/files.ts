// Reads result files and passes an input file through a ResultIndex as streams of bytes, so a
// 200 MB input and its output are never held whole: each line is decoded, matched and dropped.

import { createReadStream, readFileSync } from 'node:fs';
import { LineReader } from '../line-reader';
import type { Problem } from '../types';
import { readBatchObject } from './batch-object';
import { ResultIndex } from './matcher';
import type { LineOutcome, ResultsSummary } from './matcher';

const CHUNK_BYTES = 1 << 20;

/** Where the results of one batch are: any of its output and error files, and its batch object. */
export interface ResultSources {
  /** Output and error files (the API writes both in one shape; order does not matter). */
  resultFiles: readonly string[];
  /** The batch object as JSON (`GET /v1/batches/{id}`). */
  batchFile?: string;
  /** How messages name the result files (their paths by default). */
  names?: readonly string[];
}

/**
 * Reads the result files and the batch object into an index. Throws an Error naming the file
 * when one cannot be read, or when the batch object is not one.
 */
export async function readResults(sources: ResultSources): Promise<ResultIndex> {
  const index = new ResultIndex(sources.names ?? sources.resultFiles);
  for (const [file, path] of sources.resultFiles.entries()) {
    let line = 0;
    const reader = new LineReader({
      line: (text) => index.addLine(file, line++, text),
      badLine: (raw) => index.addLine(file, line++, raw.toString('utf8')),
    });
    await eachChunk(path, (chunk) => reader.feed(chunk));
    reader.end();
  }
  if (sources.batchFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(sources.batchFile, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${sources.batchFile}: ${ioReason(error)}`, { cause: error });
    }
    try {
      index.setBatch(readBatchObject(text));
    } catch (error) {
      throw new Error(`${sources.batchFile}: ${(error as Error).message}`, { cause: error });
    }
  }
  return index;
}

/** What a pass over the input found. */
export interface InputReport {
  /** Problems on the input's lines, in line order. */
  problems: Problem[];
  /** Problems on each result file (stray custom_ids, repeats, unreadable lines). */
  fileProblems: Problem[][];
  /** Batch errors that name no line of the input. */
  batchProblems: Problem[];
  summary: ResultsSummary;
  /** Whether the input starts with a UTF-8 byte order mark (not part of any line). */
  bom: boolean;
}

export interface MatchOptions {
  /** Called for each line that belongs in a retry file, with its exact bytes (line ending included). */
  onRetryLine?(raw: Buffer, outcome: LineOutcome): void;
  /** Awaited after each chunk of input is matched (a writer's back-pressure). */
  afterChunk?(): Promise<void>;
  /** How messages name the input; its path by default. */
  inputName?: string;
}

/** Streams the input file through `index`. Throws an Error naming the file when it cannot be read. */
export async function matchInputFile(
  path: string,
  index: ResultIndex,
  options: MatchOptions = {},
): Promise<InputReport> {
  const pass = index.matchInput(options.inputName ?? path);
  const problems: Problem[] = [];
  let line = 0;
  let bom = false;
  const take = (text: string, raw: () => Buffer): void => {
    const outcome = pass.line(line++, text);
    problems.push(...outcome.problems);
    if (outcome.retry && options.onRetryLine) options.onRetryLine(raw(), outcome);
  };
  const reader = new LineReader({
    // Valid UTF-8 re-encodes to the very bytes it was decoded from ("\r" is kept in `text`).
    line: (text, _bytes, ended) =>
      take(text, () => Buffer.from(ended ? `${text}\n` : text, 'utf8')),
    badLine: (raw, ended) =>
      take(raw.toString('utf8'), () => (ended ? Buffer.concat([raw, Buffer.of(10)]) : raw)),
    bom: () => {
      bom = true;
    },
  });
  await eachChunk(path, async (chunk) => {
    reader.feed(chunk);
    await options.afterChunk?.();
  });
  reader.end();
  const rest = pass.finish(line);
  return { problems, ...rest, bom };
}

async function eachChunk(path: string, take: (chunk: Buffer) => unknown): Promise<void> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }))
      await take(chunk as Buffer);
  } catch (error) {
    // Only the file system's errors are the file's fault; anything else is ours and goes on up.
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new Error(`cannot read ${path}: ${ioReason(error)}`, { cause: error });
  }
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
