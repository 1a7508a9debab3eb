// Command-line parsing: small enough not to need a library, strict enough to say what is wrong.

export type Format = 'text' | 'json' | 'sarif';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; files: string[]; format: Format; maxProblems?: number }
  | { kind: 'fix'; file: string; output?: string; write: boolean }
  | { kind: 'convert'; file: string; output?: string; write: boolean };

export class UsageError extends Error {}

export const USAGE = `Usage:
  batchlint check [--format text|json|sarif] [--max-problems N] FILE...   check batch files ('-' reads stdin)
  batchlint fix FILE [-o OUT | --write]                                  apply every safe fix
  batchlint convert --to responses FILE [-o OUT | --write]               chat completions -> responses
  batchlint --help | --version

Exit status: 0 no errors (convert: nothing needs a decision), 1 errors found (convert: something
needs a decision), 2 usage or I/O error.`;

export function parseArgs(argv: readonly string[]): Command {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help')
    return { kind: 'help' };
  if (verb === '--version' || verb === '-v') return { kind: 'version' };
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  const takesValue = new Set(['--format', '--max-problems', '-o', '--output', '--to']);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (takesValue.has(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      flags.set(name === '--output' ? '-o' : name, value);
    } else if (name === '--write' || name === '--help' || name === '-h') {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  if (flags.has('--help') || flags.has('-h')) return { kind: 'help' };
  const allowed = (names: string[]): void => {
    for (const name of flags.keys())
      if (!names.includes(name)) throw new UsageError(`${name} does not apply to '${verb}'`);
  };
  switch (verb) {
    case 'check': {
      allowed(['--format', '--max-problems']);
      if (positional.length === 0)
        throw new UsageError("'check' needs at least one FILE (or '-' for stdin)");
      const format = (flags.get('--format') ?? 'text') as string;
      if (format !== 'text' && format !== 'json' && format !== 'sarif')
        throw new UsageError(`--format must be text, json or sarif, not '${format}'`);
      const command: Command = { kind: 'check', files: positional, format };
      const max = flags.get('--max-problems');
      if (max !== undefined) {
        const n = Number(max);
        if (!Number.isInteger(n) || n < 0)
          throw new UsageError('--max-problems takes a whole number');
        command.maxProblems = n;
      }
      return command;
    }
    case 'fix':
    case 'convert': {
      allowed(verb === 'fix' ? ['-o', '--write'] : ['-o', '--write', '--to']);
      if (verb === 'convert' && flags.get('--to') !== 'responses')
        throw new UsageError("'convert' needs --to responses (the only target so far)");
      if (positional.length !== 1) throw new UsageError(`'${verb}' takes exactly one FILE`);
      if (flags.has('-o') && flags.has('--write'))
        throw new UsageError('use either -o OUT or --write, not both');
      const file = positional[0]!;
      if (flags.has('--write') && file === '-')
        throw new UsageError('--write needs a file, not stdin');
      const output = flags.get('-o');
      return {
        kind: verb,
        file,
        write: flags.has('--write'),
        ...(typeof output === 'string' && { output }),
      };
    }
    default:
      throw new UsageError(`unknown command '${verb}'`);
  }
}
