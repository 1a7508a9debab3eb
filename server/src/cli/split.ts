// `batchlint split FILE [--max-requests N] [--max-bytes B] [--dialect NAME]`: cuts a batch file
// into parts within its provider's limits (the file's dialect's: OpenAI's 50,000 requests and
// 200 MB, Anthropic's 100,000 requests and 256 MB, …) with one url and one model each, written
// beside it as FILE.part-K.jsonl. The parts joined in order are the input, byte for byte.
// Exit status: 0 split (or nothing to split), 1 a line too large for any part or a request
// written over several lines, 2 usage or I/O.

import { readSubcommand, subcommand, UsageError } from './args';
import { LineTooLarge, RequestSpansLines, RequestsInArray, splitFile } from '../core/split';
import { describe, IoError, openDestination } from './output';
import type { SplitLimits, SplitOutcome } from '../core/split';
import type { DialectId } from '../core';
import { DIALECT_IDS, dialectLabel, isDialectId } from '../core';
import { plural } from '../core/words';

export const SPLIT_USAGE = `Usage:
  batchlint split FILE [--max-requests N] [--max-bytes B] [--dialect NAME]

  Writes FILE.part-1.jsonl, FILE.part-2.jsonl, … beside FILE (FILE without its .jsonl), each
  with at most N requests and B bytes and one url and one model. N and B default to the limits of
  the file's provider, read from its lines or named by --dialect (${DIALECT_IDS.join(', ')}):
  the Batch API's 50,000 requests and 200,000,000 bytes, Anthropic's 100,000 requests, and so on.
  Joined in order, the parts are FILE byte for byte.`;

interface SplitArgs {
  file: string;
  limits: Partial<SplitLimits>;
  dialect?: DialectId;
}

const SPLIT = subcommand({
  verb: 'split',
  usage: SPLIT_USAGE,
  options: {
    'max-requests': { type: 'string' },
    'max-bytes': { type: 'string' },
    dialect: { type: 'string' },
  },
  build(values, positionals): SplitArgs {
    if (positionals.length !== 1 || positionals[0] === '-')
      throw new UsageError("'split' takes exactly one FILE (not stdin: the parts go beside it)");
    const dialect = values.dialect;
    if (dialect !== undefined && !isDialectId(dialect))
      throw new UsageError(`--dialect must be one of ${DIALECT_IDS.join(', ')}, not '${dialect}'`);
    const maxRequests = positive('--max-requests', values['max-requests']);
    const maxBytes = positive('--max-bytes', values['max-bytes']);
    return {
      file: positionals[0]!,
      limits: {
        ...(maxRequests !== undefined && { maxRequests }),
        ...(maxBytes !== undefined && { maxBytes }),
      },
      ...(dialect !== undefined && { dialect }),
    };
  },
});

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${name} takes a whole number of at least 1, not '${value}'`);
  return n;
}

/** "read as Anthropic Message Batches (anthropic): at most 100,000 requests and 268,435,456 bytes per part". */
function limitsLine(outcome: SplitOutcome): string {
  const { maxRequests, maxBytes } = outcome.limits;
  const held = [
    Number.isFinite(maxRequests) ? `${maxRequests.toLocaleString('en-US')} requests` : '',
    Number.isFinite(maxBytes) ? `${maxBytes.toLocaleString('en-US')} bytes` : '',
  ].filter(Boolean);
  return `read as ${dialectLabel(outcome.dialect)}: ${
    held.length > 0 ? `at most ${held.join(' and ')} per part` : 'no documented size limits'
  }`;
}

/** Runs `batchlint split` with the arguments after the verb; returns the exit status. */
export async function runSplit(argv: readonly string[]): Promise<number> {
  const args = readSubcommand(argv, SPLIT);
  if (typeof args === 'number') return args;
  try {
    const outcome = await splitFile(
      args.file,
      (part) =>
        openDestination({
          file: args.file,
          output: part,
          write: false,
          exclusive: true,
          outputName: 'the part',
          instead: 'remove it first',
        }),
      args.limits,
      args.dialect,
    );
    process.stdout.write(`${args.file}: ${limitsLine(outcome)}\n`);
    if (outcome.parts.length === 0) {
      process.stdout.write(
        `${args.file}: within the limits, one url and one model: nothing to split\n`,
      );
      return 0;
    }
    outcome.parts.forEach((part, i) => {
      const last = (outcome.parts[i + 1]?.firstLine ?? outcome.lines) - 1;
      const what = [part.url, part.model].filter(Boolean).join(', ');
      process.stdout.write(
        `${part.path}: lines ${part.firstLine + 1}-${last + 1}, ${plural(part.requests, 'request')}, ${part.bytes.toLocaleString('en-US')} bytes${what ? `, ${what}` : ''}\n`,
      );
    });
    return 0;
  } catch (error) {
    if (
      error instanceof LineTooLarge ||
      error instanceof RequestSpansLines ||
      error instanceof RequestsInArray
    ) {
      process.stderr.write(`batchlint: cannot split ${args.file}: ${error.message}\n`);
      return 1;
    }
    const reason = error instanceof IoError ? error.message : describe(error);
    process.stderr.write(`batchlint: cannot split ${args.file}: ${reason}\n`);
    return 2;
  }
}
