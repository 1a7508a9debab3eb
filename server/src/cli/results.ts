// `batchlint results INPUT [--output OUT.jsonl] [--errors ERR.jsonl] [--batch BATCH.json]
//  [--retry RETRY.jsonl [--fix]] [--format text|json|sarif]`: puts a finished batch's results
// back on the input's lines (matched by custom_id), reports them like `check` does, and writes
// the lines to send again. Exit status as `check`: 0 no errors, 1 errors, 2 usage or I/O.

import { isUtf8 } from 'node:buffer';
import { readSubcommand, subcommand, UsageError } from './args';
import { matchInputFile, readResults } from '../core/results';
import type { InputReport } from '../core/results';
import { fixLine } from '../core';
import { drained } from '../core/drain';
import { describe, IoError, openDestination } from './output';
import type { Destination } from './output';
import { formatResults } from './results-report';
import type { ResultsFormat } from './results-report';

export const RESULTS_USAGE = `Usage:
  batchlint results INPUT [--output OUT.jsonl] [--errors ERR.jsonl] [--batch BATCH.json]
                    [--retry RETRY.jsonl [--fix]] [--format text|json|sarif]

  Shows a finished batch's results on the lines of its input file, matched by custom_id:
  failed requests in the API's own words on the parameter they name, expired, cancelled and
  missing ones, a failed batch's validation errors on their lines. Other providers' result files
  are read too: Anthropic's (custom_id, result), Gemini's (key), Vertex's (the request it echoes)
  and Bedrock's (recordId). --output and --errors may be
  given more than once. --retry writes the input lines of failed, expired, cancelled and missing
  requests, byte for byte (--fix applies the safe fixes to them first).`;

interface ResultsArgs {
  input: string;
  resultFiles: string[];
  /** The result files by the option that named them (`resultFiles` holds both). */
  outputFiles: string[];
  errorFiles: string[];
  batchFile?: string;
  retry?: string;
  fix: boolean;
  format: ResultsFormat;
}

const RESULTS = subcommand({
  verb: 'results',
  usage: RESULTS_USAGE,
  options: {
    output: { type: 'string', multiple: true, short: 'o' },
    errors: { type: 'string', multiple: true },
    batch: { type: 'string' },
    retry: { type: 'string' },
    fix: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
  },
  build(values, positionals): ResultsArgs {
    if (positionals.length !== 1)
      throw new UsageError("'results' takes exactly one INPUT file (the batch's input .jsonl)");
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'sarif')
      throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
    const outputFiles = values.output ?? [];
    const errorFiles = values.errors ?? [];
    const resultFiles = [...outputFiles, ...errorFiles];
    if (resultFiles.length === 0 && values.batch === undefined)
      throw new UsageError("'results' needs --output, --errors or --batch: where the results are");
    if (values.fix && values.retry === undefined)
      throw new UsageError('--fix applies to the --retry lines: give --retry RETRY.jsonl');
    const args: ResultsArgs = {
      input: positionals[0]!,
      resultFiles,
      outputFiles,
      errorFiles,
      fix: values.fix,
      format,
    };
    if (values.batch !== undefined) args.batchFile = values.batch;
    if (values.retry !== undefined) args.retry = values.retry;
    return args;
  },
});

/** Runs `batchlint results` with the arguments after the verb; returns the exit status. */
export async function runResults(argv: readonly string[], version: string): Promise<number> {
  const args = readSubcommand(argv, RESULTS);
  if (typeof args === 'number') return args;
  if (args.input === '-' || args.resultFiles.includes('-')) {
    process.stderr.write("batchlint: 'results' reads files, not stdin\n");
    return 2;
  }
  let report: InputReport;
  let retried = 0;
  let fixed = 0;
  let retryFile: Destination | undefined;
  try {
    const index = await readResults({
      resultFiles: args.resultFiles,
      ...(args.batchFile !== undefined && { batchFile: args.batchFile }),
    });
    if (args.retry !== undefined) retryFile = openRetry(args, args.retry);
    const out = retryFile?.stream;
    let failure: Error | undefined;
    out?.on('error', (error: Error) => (failure ??= error));
    report = await matchInputFile(args.input, index, {
      ...(out && {
        onRetryLine: (raw) => {
          retried++;
          const repaired = args.fix ? fixRaw(raw) : raw;
          if (repaired !== raw) fixed++;
          out.write(repaired);
        },
        afterChunk: async () => {
          await drained(out);
          if (failure) throw new IoError(`cannot write ${args.retry}: ${describe(failure)}`);
        },
      }),
    });
    if (failure) throw new IoError(`cannot write ${args.retry}: ${describe(failure)}`);
    await retryFile?.commit();
    if (retryFile?.note) process.stderr.write(`batchlint: note: ${retryFile.note}\n`);
  } catch (error) {
    retryFile?.abort();
    process.stderr.write(`batchlint: ${(error as Error).message}\n`);
    return 2;
  }
  process.stdout.write(formatResults(args, report, version));
  if (args.retry !== undefined) {
    const what = `${retried} line${retried === 1 ? '' : 's'} to send again`;
    const how = args.fix ? ` (${fixed} with fixes applied)` : '';
    process.stderr.write(`batchlint: wrote ${what} to ${args.retry}${how}\n`);
  }
  const anyError = [report.problems, ...report.fileProblems, report.batchProblems].some((list) =>
    list.some((p) => p.severity === 'error'),
  );
  return anyError ? 1 : 0;
}

/**
 * The retry file: written beside its target and renamed over it once complete; never one of the
 * files `results` reads (the input, a results or errors file, the batch object).
 */
function openRetry(args: ResultsArgs, retry: string): Destination {
  try {
    return openDestination({
      file: args.input,
      output: retry,
      write: false,
      reads: [
        ...args.outputFiles.map((path) => ({ path, role: 'the file given to --output' })),
        ...args.errorFiles.map((path) => ({ path, role: 'the file given to --errors' })),
        ...(args.batchFile === undefined
          ? []
          : [{ path: args.batchFile, role: 'the file given to --batch' }]),
      ],
      outputName: '--retry',
      instead: 'give --retry a new file name',
    });
  } catch (error) {
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot write ${retry}: ${describe(error)}`);
  }
}

/**
 * Applies the safe fixes to one retried line, keeping its line ending. A line that is not valid
 * UTF-8, or that no safe fix changes, comes back as the very same bytes.
 */
function fixRaw(raw: Buffer): Buffer {
  if (!isUtf8(raw)) return raw;
  const text = raw.toString('utf8');
  const ending = text.endsWith('\r\n') ? '\r\n' : text.endsWith('\n') ? '\n' : '';
  const outcome = fixLine(text.slice(0, text.length - ending.length));
  return outcome.applied === 0 ? raw : Buffer.from(outcome.text + ending, 'utf8');
}
