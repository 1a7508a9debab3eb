// The `batchlint` command: the same core as the language server, for scripts and CI.
// Exit status: 0 clean, 1 problems (errors, or a conversion that needs a decision, changed a
// value or left a line unconverted), 2 usage or I/O.

import { once } from 'node:events';
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { catalogueFromText, formatBytes, ModelsFileError, RESULTS_NOTE } from './core';
import type { CheckResult, ConvertTarget, DialectId, ModelCatalogue } from './core';
import { BinaryInputError, checkFile, checkStream, fixStream, readChunks } from './core/node';
import type { StreamFixOutcome, StreamOptions } from './core/node';
import { parseArgs, UsageError, USAGE } from './cli/args';
import { pinnedToday, pinnedTodayOffCalendar, TODAY_VARIABLE } from './core/models/context';
import type { Command } from './cli/args';
import {
  dialectLine,
  JsonReport,
  SarifReport,
  hiddenLine,
  textLine,
  textSummary,
} from './cli/report';
import type { FileReport } from './cli/report';
import { convertStream } from './cli/convert-text';
import { runResults } from './cli/results';
import { runSplit } from './cli/split';
import { runEstimate } from './cli/estimate';
import { proposableIds, proposableIdsIn } from './cli/ids-ahead';
import type { ConvertOutcome } from './cli/convert-text';
import { describe as reason, IoError, openDestination } from './cli/output';
import type { Destination, OutputChoice } from './cli/output';

declare const BATCHLINT_VERSION: string | undefined;
const VERSION = typeof BATCHLINT_VERSION === 'string' ? BATCHLINT_VERSION : '0.0.0-dev';

async function main(argv: readonly string[]): Promise<number> {
  // Bare `batchlint` is a usage error: a script that forgot its arguments must not pass.
  if (argv.length === 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (pinnedToday() === 'invalid') {
    // A date off the calendar (2026-02-30) has the right shape: say what is wrong with it.
    const off = pinnedTodayOffCalendar();
    process.stderr.write(
      `batchlint: ${TODAY_VARIABLE} must be a date written YYYY-MM-DD, or unset (${off === undefined ? '' : `${off}; `}batchlint --help shows the usage)\n`,
    );
    return 2;
  }
  if (argv[0] === 'results') return runResults(argv.slice(1), VERSION);
  if (argv[0] === 'split') return runSplit(argv.slice(1));
  if (argv[0] === 'estimate') return runEstimate(argv.slice(1));
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`batchlint: ${error.message} (batchlint --help shows the usage)\n`);
      return 2;
    }
    throw error;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'check':
      return check(
        command.files,
        command.format,
        command.maxProblems,
        loadModels(command.models),
        command.dialect,
      );
    case 'fix': {
      const outcome = await fix(command, loadModels(command.models));
      const { errors } = outcome.after.summary;
      process.stderr.write(
        `batchlint: applied ${outcome.applied} fix${outcome.applied === 1 ? '' : 'es'}; ${errors} error${errors === 1 ? '' : 's'} left\n`,
      );
      return errors > 0 ? 1 : 0;
    }
    case 'convert': {
      const outcome = await convert(command);
      for (const line of outcome.report) process.stderr.write(`${command.file}: ${line}\n`);
      for (const line of outcome.joined) process.stderr.write(`${command.file}: ${line}\n`);
      if (outcome.converted > 0)
        process.stderr.write(`batchlint: note: ${RESULTS_NOTE[command.to]}\n`);
      if (command.to !== 'responses')
        for (const note of outcome.notes) process.stderr.write(`batchlint: note: ${note}\n`);
      for (const other of outcome.otherProviders) {
        const lines = `${other.lines} line${other.lines === 1 ? '' : 's'}`;
        process.stderr.write(
          `${command.file}: ${lines} not converted (the first is line ${other.first}): ${other.why}\n`,
        );
      }
      const decisions = outcome.report.length - outcome.changes;
      const changed =
        outcome.changes > 0
          ? `; ${outcome.changes} value${outcome.changes === 1 ? '' : 's'} dropped, added or changed`
          : '';
      const { errors } = outcome.after.summary;
      // A converted file that still fails is not a clean conversion, whatever was carried over.
      const left =
        errors > 0
          ? `; ${errors} error${errors === 1 ? '' : 's'} left in the output (batchlint check shows ${errors === 1 ? 'it' : 'them'})`
          : '';
      process.stderr.write(
        `batchlint: converted ${outcome.converted} line${outcome.converted === 1 ? '' : 's'}; ${decisions} thing${decisions === 1 ? '' : 's'} need${decisions === 1 ? 's' : ''} a decision${changed}${left}\n`,
      );
      return outcome.report.length > 0 || errors > 0 || outcome.otherProviders.length > 0 ? 1 : 0;
    }
  }
}

async function check(
  files: readonly string[],
  format: 'text' | 'json' | 'sarif',
  maxProblems?: number,
  models?: ModelCatalogue,
  dialect?: DialectId,
): Promise<number> {
  const reports: FileReport[] = [];
  let unreadable = 0;
  // Every format is written as problems are found, so a file with millions of them needs no
  // memory for them: text line by line, JSON and SARIF as documents whose entries stream.
  const out = new BufferedStdout();
  const write = (text: string) => out.write(text);
  const writer =
    format === 'json'
      ? new JsonReport(write)
      : format === 'sarif'
        ? new SarifReport(write, VERSION)
        : undefined;
  for (const path of files) {
    let shown = 0;
    // A file's entry opens with its first problem or its summary: an unreadable file has none.
    let opened = false;
    const open = () => {
      if (!opened) writer?.file(path);
      opened = true;
    };
    const options: StreamOptions = {
      ...(maxProblems !== undefined && { maxProblems }),
      fixOffers: format === 'json',
      ...(models && { models }),
      ...(dialect && { dialect }),
      ...progressFor(path),
      onProblem: (problem) => {
        shown++;
        if (writer) {
          open();
          writer.problem(problem);
        } else out.write(`${textLine(path, problem)}\n`);
      },
      backpressure: () => out.drained(),
    };
    let result: CheckResult;
    try {
      result =
        path === '-' ? await checkStream(process.stdin, options) : await checkFile(path, options);
    } catch (error) {
      // One unreadable file must not hide the others' results: say so, go on, exit 2 at the end.
      process.stderr.write(`batchlint: cannot read ${path}: ${reason(error)}\n`);
      unreadable++;
      // Problems already written stay, in an entry closed with what was read.
      if (opened) writer?.endFile(undefined);
      continue;
    } finally {
      if (options.onProgress) process.stderr.write('\r\x1b[K');
    }
    if (writer) {
      open();
      writer.endFile(result.summary);
    } else {
      const hidden = hiddenLine(path, result.summary, shown);
      if (hidden) out.write(`${hidden}\n`);
      const dialectNote = dialectLine(path, result.summary);
      if (dialectNote) out.write(`${dialectNote}\n`);
    }
    reports.push({ path, summary: result.summary, problems: [] });
  }
  if (writer) writer.end();
  else if (reports.length > 0) out.write(`${textSummary(reports)}\n`);
  out.flush();
  if (unreadable > 0) return 2;
  return reports.some((r) => r.summary.errors > 0) ? 1 : 0;
}

/** The built-in model table with `--models FILE` on top; a bad file stops the run (exit 2). */
function loadModels(path: string | undefined): ModelCatalogue | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IoError(`cannot read ${path}: ${reason(error)}`);
  }
  try {
    return catalogueFromText(text);
  } catch (error) {
    if (error instanceof ModelsFileError) throw new IoError(`${path}: ${error.message}`);
    throw error;
  }
}

/**
 * The input of `fix` and `convert`: stdin for '-', else the file, read into one buffer again and
 * again (readChunks), not a new buffer per chunk. `fd` is the file's, for the caller to close.
 * Throws IoError when the file cannot be opened.
 */
function openInput(file: string): { fd: number | undefined; input: AsyncIterable<Buffer> } {
  if (file === '-') return { fd: undefined, input: process.stdin };
  try {
    const fd = openSync(file, 'r');
    return { fd, input: readChunks(fd) };
  } catch (error) {
    throw new IoError(`cannot read ${file}: ${reason(error)}`);
  }
}

/** Streams the conversion to stdout, to -o OUT, or (--write) over the input (see cli/output.ts). */
async function convert(command: OutputChoice & { to: ConvertTarget }): Promise<ConvertOutcome> {
  const { fd, input } = openInput(command.file);
  const output = openDestination(command);
  try {
    const size = fd === undefined ? undefined : fstatSync(fd).size;
    const outcome = await convertStream(input, output.stream, command.to, size);
    await output.commit();
    noteOf(output);
    return outcome;
  } catch (error) {
    output.abort();
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot convert ${command.file}: ${reason(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Fixes as a stream: read in chunks and written as fixed, to stdout, to -o OUT, or (--write) over
 * the input (see cli/output.ts), so memory stays that of a few lines whatever the file's size
 * (stdin's is held whole: see below).
 */
async function fix(
  command: OutputChoice & { dialect?: DialectId },
  models: ModelCatalogue | undefined,
): Promise<StreamFixOutcome> {
  const opened = openInput(command.file);
  const { fd } = opened;
  const output = openDestination(command);
  let written = 0;
  try {
    // A pipe cannot be read twice: stdin, a FIFO or a device is read whole first, so that an id
    // proposed for a wrapped body is one no later line uses (as a file's later ids are, read
    // ahead: a second read of a pipe would find it empty, and the fix would write nothing).
    const regular = fd !== undefined && fstatSync(fd).isFile();
    const input = regular ? opened.input : await readAll(opened.input);
    const idsAhead = await (regular
      ? proposableIdsIn(command.file)
      : proposableIds(input as Buffer[]));
    const outcome = await fixStream(
      input,
      async (piece) => {
        written += piece.length;
        if (!output.stream.write(piece)) await once(output.stream, 'drain');
      },
      {
        ...(models && { models }),
        ...(command.dialect && { dialect: command.dialect }),
        ...(idsAhead && { idsAhead }),
        ...(regular && { totalBytes: fstatSync(fd).size }),
      },
    );
    await output.commit();
    noteOf(output);
    return outcome;
  } catch (error) {
    output.abort();
    if (error instanceof BinaryInputError) {
      const what =
        output.stream === process.stdout && written > 0
          ? 'the output stops where it was found'
          : 'nothing was fixed or written';
      throw new IoError(`${command.file} is not a text file (it holds NUL bytes); ${what}`);
    }
    if (error instanceof IoError) throw error;
    throw new IoError(`cannot fix ${command.file}: ${reason(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Every chunk of a stream, in order, each a copy (readChunks fills the same buffers again): a
 * pipe's whole input, for `fix` (see fix).
 */
async function readAll(input: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk));
  return chunks;
}

function noteOf(output: Destination): void {
  if (output.note) process.stderr.write(`batchlint: note: ${output.note}\n`);
}

/** Writes to stdout in pieces of about 64 KB: one write per problem line would be one system call each. */
class BufferedStdout {
  private pending = '';
  private full = false;

  write(text: string): void {
    this.pending += text;
    if (this.pending.length >= 1 << 16) this.flush();
  }

  flush(): void {
    if (this.pending !== '' && !process.stdout.write(this.pending)) this.full = true;
    this.pending = '';
  }

  /** Resolves once stdout has written what it holds, when it holds too much (a slow pipe). */
  drained(): Promise<void> | undefined {
    if (!this.full) return undefined;
    this.full = false;
    return new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

/** Progress on stderr, only when a person is watching it. */
function progressFor(path: string): Pick<StreamOptions, 'onProgress'> {
  if (!process.stderr.isTTY) return {};
  return {
    onProgress(read, total) {
      const share =
        total > 0
          ? ` ${Math.floor((read / total) * 100)}% (${formatBytes(read)} of ${formatBytes(total)})`
          : ` ${formatBytes(read)}`;
      process.stderr.write(`\r\x1b[Kchecking ${path}:${share}`);
    },
  };
}

// A reader that stops early (`| head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    process.stderr.write(
      `batchlint: ${error instanceof IoError ? error.message : `internal error: ${reason(error)}`}\n`,
    );
    process.exitCode = 2;
  },
);
