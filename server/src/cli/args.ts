// Command-line parsing by node:util's parseArgs (strict: an unknown option or a missing value is
// an error); this file only says which options each command takes and turns the parser's errors
// into one-line reasons.

import { parseArgs as parse } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { ConvertTarget, DialectId } from '../core';
import { CONVERT_TARGETS, DIALECT_IDS, isDialectId } from '../core';

export type Format = 'text' | 'json' | 'sarif';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'check';
      files: string[];
      format: Format;
      maxProblems?: number;
      models?: string;
      dialect?: DialectId;
    }
  | {
      kind: 'fix';
      file: string;
      output?: string;
      write: boolean;
      models?: string;
      dialect?: DialectId;
    }
  | { kind: 'convert'; file: string; output?: string; write: boolean; to: ConvertTarget };

export class UsageError extends Error {}

export const USAGE = `Usage:
  batchlint check [--format text|json|sarif] [--max-problems N] FILE...   check batch files ('-' reads stdin)
  batchlint fix FILE [-o OUT | --write]                                  apply every safe fix
  --models FILE (check, fix): a model table to layer over the built-in one, e.g.
      {"models": {"my-deploy": {"base": "gpt-4o"}}}
  --dialect NAME (check, fix): read the files as one provider's batch format instead of
      detecting it from their lines: ${DIALECT_IDS.join(', ')}
  batchlint convert --to responses|anthropic|gemini FILE [-o OUT | --write]
                                  chat completions -> responses, or another provider's batch lines
  batchlint results INPUT [--output OUT.jsonl] [--errors ERR.jsonl] [--batch BATCH.json]
                    [--retry RETRY.jsonl [--fix]] [--format text|json|sarif]
                                                   a finished batch's results on the input's lines
  batchlint split FILE [--max-requests N] [--max-bytes B] [--dialect NAME]
                                  parts within the limits of the file's provider
  batchlint estimate FILE... [--format text|json] [--models FILE]
                                     tokens and cost at the batch price, per file and model
  batchlint --help | --version

Environment: BATCHLINT_TODAY=YYYY-MM-DD compares shutdown dates with that date instead of today.

Exit status: 0 no errors (convert: lossless, and no errors left in its output), 1 errors found
(convert: something needs a decision, a value was dropped, added or changed, a line was left
unconverted, or the output still has errors), 2 usage or I/O error.`;

/** Every option of every command; which command takes which is said in VERB_OPTIONS. */
const OPTIONS = {
  format: { type: 'string' },
  'max-problems': { type: 'string' },
  output: { type: 'string', short: 'o' },
  write: { type: 'boolean' },
  to: { type: 'string' },
  models: { type: 'string' },
  dialect: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;
type OptionName = keyof typeof OPTIONS;

const VERB_OPTIONS: Record<'check' | 'fix' | 'convert', readonly OptionName[]> = {
  check: ['format', 'max-problems', 'models', 'dialect'],
  fix: ['output', 'write', 'models', 'dialect'],
  convert: ['to', 'output', 'write'],
};

/** Reads `argv` (without node and the script); throws UsageError with a one-line reason. */
export function parseArgs(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parse({
      args: [...argv],
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
      tokens: true,
    });
  } catch (error) {
    throw new UsageError(reasonFor(error));
  }
  const { values, positionals, tokens } = parsed;
  refuseEmptyValues(tokens);
  const [verb, ...files] = positionals;
  if (values.help || verb === 'help') return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  if (verb === undefined) return { kind: 'help' };
  if (verb !== 'check' && verb !== 'fix' && verb !== 'convert')
    throw new UsageError(`unknown command '${verb}'`);
  const allowed = VERB_OPTIONS[verb];
  for (const token of tokens) {
    if (token.kind === 'option' && !allowed.includes(token.name as OptionName))
      throw new UsageError(`${token.rawName} does not apply to '${verb}'`);
  }
  const dialect = values.dialect;
  if (dialect !== undefined && !isDialectId(dialect))
    throw new UsageError(`--dialect must be one of ${DIALECT_IDS.join(', ')}, not '${dialect}'`);
  if (verb === 'check') {
    if (files.length === 0)
      throw new UsageError("'check' needs at least one FILE (or '-' for stdin)");
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'sarif')
      throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
    const command: Command = {
      kind: 'check',
      files,
      format,
      ...(values.models !== undefined && { models: values.models }),
      ...(dialect !== undefined && { dialect }),
    };
    const max = values['max-problems'];
    if (max !== undefined) {
      if (!/^\d+$/.test(max)) throw new UsageError('--max-problems takes a whole number');
      command.maxProblems = Number(max);
    }
    return command;
  }
  const to = values.to;
  if (verb === 'convert' && !CONVERT_TARGETS.includes(to as ConvertTarget))
    throw new UsageError(`'convert' needs --to ${CONVERT_TARGETS.join(', --to ')}`);
  if (files.length !== 1) throw new UsageError(`'${verb}' takes exactly one FILE`);
  if (values.output !== undefined && values.write)
    throw new UsageError('use either -o OUT or --write, not both');
  const file = files[0]!;
  if (values.write && file === '-') throw new UsageError('--write needs a file, not stdin');
  return {
    kind: verb,
    file,
    write: values.write === true,
    ...(values.output !== undefined && { output: values.output }),
    ...(verb === 'fix' && values.models !== undefined && { models: values.models }),
    ...(verb === 'fix' && dialect !== undefined && { dialect }),
    ...(verb === 'convert' && { to: to as ConvertTarget }),
  } as Command;
}

/**
 * `-o ''` names no file: said as such, not as a failure to read or write a file with no name
 * (which the shell's empty variable behind it would otherwise become).
 */
function refuseEmptyValues(
  tokens: readonly { kind: string; rawName?: string; value?: string }[],
): void {
  for (const token of tokens) {
    if (token.kind === 'option' && token.value === '')
      throw new UsageError(`${token.rawName} needs a value, not an empty string`);
  }
}

/** parseArgs' own messages run to several sentences; the CLI gives one line. */
export function reasonFor(error: unknown): string {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option}`;
  if (/argument missing/.test(message)) return `${option} needs a value`;
  if (/argument is ambiguous/.test(message))
    return `${option} needs a value (write ${option}=VALUE for one that starts with '-')`;
  if (/does not take an argument/.test(message)) return `${option} takes no value`;
  return message.split('\n')[0]!;
}

/** The options of a subcommand, as node:util's parseArgs takes them (`--help` is added). */
type SubcommandOptions = NonNullable<ParseArgsConfig['options']>;

/** What parseArgs gives back for a subcommand's options (strict, positionals allowed). */
export type SubcommandValues<O extends SubcommandOptions> = ReturnType<
  typeof parse<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>['values'];

/** A subcommand's arguments: its options, its usage and how its arguments are built from them. */
export interface Subcommand<O extends SubcommandOptions, A> {
  /** The verb (`results`, `split`, `estimate`), named in a usage error's pointer to --help. */
  readonly verb: string;
  /** Printed on stdout for `--help` / `-h`. */
  readonly usage: string;
  readonly options: O;
  /** The command's arguments from the parsed ones; throws UsageError for a bad combination. */
  build(values: SubcommandValues<O>, positionals: string[]): A;
}

/** Declares a subcommand; its `build` is typed by its `options`. */
export function subcommand<const O extends SubcommandOptions, A>(
  command: Subcommand<O, A>,
): Subcommand<O, A> {
  return command;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Reads a subcommand's arguments (`argv` after the verb). Returns them built, or the exit status
 * when the command is already done: 0 after writing its usage for `--help`, 2 after a one-line
 * usage error on stderr that points to `batchlint VERB --help`. Errors other than UsageError from
 * `build` are thrown on.
 */
export function readSubcommand<const O extends SubcommandOptions, A>(
  argv: readonly string[],
  command: Subcommand<O, A>,
): A | number {
  try {
    let parsed;
    try {
      parsed = parse({
        args: [...argv],
        options: { ...command.options, ...HELP },
        allowPositionals: true,
        strict: true,
        tokens: true,
      });
    } catch (error) {
      throw new UsageError(reasonFor(error));
    }
    refuseEmptyValues(parsed.tokens);
    if ((parsed.values as { help?: boolean }).help === true) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return command.build(parsed.values as SubcommandValues<O>, parsed.positionals);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(
      `batchlint: ${error.message} (batchlint ${command.verb} --help shows the usage)\n`,
    );
    return 2;
  }
}
