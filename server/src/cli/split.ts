// `batchlint split FILE [--max-requests N] [--max-bytes B]`: cuts a batch file into parts within
// the API's limits (50,000 requests, 200 MB) with one url and one model each, written beside it
// as FILE.part-K.jsonl. The parts joined in order are the input, byte for byte.
// Exit status: 0 split (or nothing to split), 1 a line too large for any part, 2 usage or I/O.

import { readSubcommand, subcommand, UsageError } from './args';
import { API_LIMITS, LineTooLarge, splitFile } from '../core/split';
import { describe, IoError, openDestination } from './output';
import type { SplitLimits } from '../core/split';

export const SPLIT_USAGE = `Usage:
  batchlint split FILE [--max-requests N] [--max-bytes B]

  Writes FILE.part-1.jsonl, FILE.part-2.jsonl, … beside FILE (FILE without its .jsonl), each
  with at most N requests (default 50,000) and B bytes (default 200,000,000: the API's 200 MB) and one url
  and one model. Joined in order, the parts are FILE byte for byte.`;

const SPLIT = subcommand({
  verb: 'split',
  usage: SPLIT_USAGE,
  options: { 'max-requests': { type: 'string' }, 'max-bytes': { type: 'string' } },
  build(values, positionals): { file: string; limits: SplitLimits } {
    if (positionals.length !== 1 || positionals[0] === '-')
      throw new UsageError("'split' takes exactly one FILE (not stdin: the parts go beside it)");
    return {
      file: positionals[0]!,
      limits: {
        maxRequests: positive('--max-requests', values['max-requests'], API_LIMITS.maxRequests),
        maxBytes: positive('--max-bytes', values['max-bytes'], API_LIMITS.maxBytes),
      },
    };
  },
});

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`${name} takes a whole number of at least 1, not '${value}'`);
  return n;
}

/** Runs `batchlint split` with the arguments after the verb; returns the exit status. */
export async function runSplit(argv: readonly string[]): Promise<number> {
  const args = readSubcommand(argv, SPLIT);
  if (typeof args === 'number') return args;
  try {
    const outcome = await splitFile(
      args.file,
      (part) => openDestination({ file: args.file, output: part, write: false }),
      args.limits,
    );
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
        `${part.path}: lines ${part.firstLine + 1}-${last + 1}, ${part.requests.toLocaleString('en-US')} requests, ${part.bytes.toLocaleString('en-US')} bytes${what ? `, ${what}` : ''}\n`,
      );
    });
    return 0;
  } catch (error) {
    if (error instanceof LineTooLarge) {
      process.stderr.write(`batchlint: cannot split ${args.file}: ${error.message}\n`);
      return 1;
    }
    const reason = error instanceof IoError ? error.message : describe(error);
    process.stderr.write(`batchlint: cannot split ${args.file}: ${reason}\n`);
    return 2;
  }
}
