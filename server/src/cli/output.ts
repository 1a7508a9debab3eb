// Where `fix`, `convert`, `results --retry`, `split` (and the editor's fix, retry and split) write,
// without ever damaging a file: the result goes to a new file created exclusively (O_EXCL, a
// random name, never following a link planted at that name) in the target's folder, then is
// renamed over the target, so a reader sees the old file or the new one and nothing in between.
// The target keeps its mode. Deliberate choices, stated to the user:
// - an output that is one of the files the command reads (by any path, a symbolic or a hard link
//   to it) is refused before anything is written: `-o` naming the input (use --write), `--retry`
//   naming a results file, a split part that is the input;
// - a target that is a symbolic link is resolved: the file it points to is rewritten, the link
//   stays a link;
// - a target with other hard links is refused: renaming would split it from its other names;
// - a read-only target is refused: its mode says it is not to be changed (`chmod u+w` first);
// - an exclusive output (a split part) is never put in place of anything already at its name;
// - `-o` naming a device or a FIFO (`/dev/null`) writes to it directly: there is nothing to replace.

import {
  accessSync,
  closeSync,
  constants,
  createWriteStream,
  fchmodSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';

/** An error the CLI reports as one line with exit status 2. */
export class IoError extends Error {}

export interface Destination {
  stream: Writable;
  /** Finishes the write: flushes, syncs and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Removes the temporary file; the target is untouched. */
  abort(): void;
  /** Said to the user once the write is done (a symbolic link that was followed). */
  note?: string;
}

export interface OutputChoice {
  /** The input file, or '-' for stdin. */
  file: string;
  output?: string;
  write: boolean;
  /** The other files the command reads, besides `file`: the output may be none of them. */
  reads?: readonly ReadFile[];
  /** How the output is named in messages ('-o' when not given: `-o OUT is the input …`). */
  outputName?: string;
  /**
   * What the user can do instead of a refused write, in the command's own terms. Without it, the
   * words of fix and convert: 'use --write …' (the output is the input), 'write to another file
   * with -o' (a target with hard links, or read-only).
   */
  instead?: string;
  /** Never put in place of an existing file (a part of a split): refused if anything is there. */
  exclusive?: boolean;
}

/** A file a command reads, and what it is to the user, for messages. */
export interface ReadFile {
  path: string;
  /** 'the file given to --output': "--retry x.jsonl is the file given to --output". */
  role: string;
}

/** Where the result goes: stdout, `-o OUT`, or the input itself with --write. */
export function openDestination(choice: OutputChoice): Destination {
  const target = choice.write ? choice.file : choice.output;
  if (target === undefined) {
    return { stream: process.stdout, commit: () => Promise.resolve(), abort: () => {} };
  }
  if (!choice.write) refuseSameFile(choice, target);
  if (choice.exclusive) refuseExisting(target);
  const stream = choice.write ? undefined : deviceOrPipe(target);
  if (stream) return stream;
  const resolved = resolveTarget(target, choice.instead ?? 'write to another file with -o');
  const destination = temporaryBeside(resolved, choice.exclusive === true);
  if (resolved.real !== target && lstatSync(target).isSymbolicLink())
    destination.note = `${target} is a symbolic link: wrote the file it points to, ${resolved.real}`;
  return destination;
}

const INPUT_ROLE = 'the input file itself';

/**
 * Refuses an output that is one of the files the command reads: the same path, a symbolic link
 * to it or a hard link of it (one device and inode), before anything is written.
 */
function refuseSameFile(choice: OutputChoice, output: string): void {
  const b = statOrUndefined(output);
  if (!b) return;
  const reads: ReadFile[] = [
    ...(choice.file === '-' ? [] : [{ path: choice.file, role: INPUT_ROLE }]),
    ...(choice.reads ?? []),
  ];
  for (const read of reads) {
    const a = statOrUndefined(read.path);
    if (!a || a.dev !== b.dev || a.ino !== b.ino) continue;
    const named = read.path === output || read.role === INPUT_ROLE ? '' : `${read.path}, `;
    const flag = choice.outputName ?? '-o';
    const instead =
      choice.instead ?? (flag === '-o' ? 'use --write to rewrite it in place' : undefined);
    throw new IoError(
      `${flag} ${output} is ${named}${read.role}; nothing was written${instead ? ` (${instead})` : ''}`,
    );
  }
}

/** An exclusive output: anything at its name (a file, a symbolic link) is left alone and refused. */
function refuseExisting(target: string): void {
  let exists = true;
  try {
    lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new IoError(`cannot write ${target}: ${describe(error)}`);
    exists = false;
  }
  if (exists) throw new IoError(`${target} already exists; nothing was written`);
}

/**
 * `-o /dev/null`, a FIFO, a terminal: nothing to replace, so they are written as they are
 * (a rename would put a regular file in their place).
 */
function deviceOrPipe(target: string): Destination | undefined {
  const stats = statOrUndefined(target);
  if (!stats || !(stats.isCharacterDevice() || stats.isFIFO() || stats.isSocket()))
    return undefined;
  const stream = quiet(createWriteStream(target, { flags: 'a' }));
  return {
    stream,
    async commit() {
      stream.end();
      await finished(stream);
    },
    abort() {
      stream.destroy();
    },
  };
}

/** The file to replace: a symbolic link is followed to its file; a hard-linked file is refused. */
function resolveTarget(target: string, instead: string): { real: string; mode?: number } {
  const stats = statOrUndefined(target);
  if (!stats) return { real: target };
  if (!stats.isFile()) throw new IoError(`cannot write ${target}: it is not a regular file`);
  if (stats.nlink > 1) {
    throw new IoError(
      `${target} has ${stats.nlink} hard links; replacing it would split them, so nothing was written (${instead})`,
    );
  }
  if (!writable(target, stats)) {
    const mode = (stats.mode & 0o777).toString(8).padStart(4, '0');
    throw new IoError(
      `${target} is read-only (mode ${mode}); nothing was written (make it writable first, or ${instead})`,
    );
  }
  return { real: realpathSync(target), mode: stats.mode & 0o7777 };
}

/**
 * Whether the user may change the file: it has a write bit, and this process may write it. (A
 * rename replaces a read-only file as easily as any, and root may write any file: the mode is
 * what says the file is not to be changed.)
 */
function writable(target: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(target, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function temporaryBeside(
  { real, mode }: { real: string; mode?: number },
  exclusive: boolean,
): Destination {
  const dir = path.dirname(real);
  // Web Crypto's global, loaded on first use: importing node:crypto here would load it (4 ms) in
  // every run, where only a write needs it (the launcher loads it only to check a Node 20 cache).
  const random = crypto.getRandomValues(Buffer.alloc(6)).toString('hex');
  const temp = path.join(dir, `.${path.basename(real)}.${random}.tmp`);
  let fd: number;
  try {
    // 'wx' = O_CREAT | O_EXCL: fails if anything, a symbolic link included, is at that name.
    fd = openSync(temp, 'wx', mode ?? 0o666);
  } catch (error) {
    throw new IoError(`cannot write in ${dir}: ${describe(error)}`);
  }
  const stream = quiet(createWriteStream('', { fd, autoClose: false }));
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    stream,
    async commit() {
      stream.end();
      await finished(stream);
      // The umask may have narrowed the mode given to open(); the target's mode is kept exactly.
      if (mode !== undefined) fchmodSync(fd, mode);
      fsyncSync(fd);
      close();
      if (!exclusive) return renameSync(temp, real);
      // link() fails (EEXIST) if anything appeared at the name meanwhile; rename would replace it.
      try {
        linkSync(temp, real);
      } catch (error) {
        unlinkSync(temp);
        if ((error as NodeJS.ErrnoException).code === 'EEXIST')
          throw new IoError(`${real} already exists; nothing was written there`);
        throw error;
      }
      unlinkSync(temp);
    },
    abort() {
      // destroy() closes the descriptor itself (autoClose or not): closing it again here would
      // fail with EBADF, or close a file opened since under the same number.
      open = false;
      stream.destroy();
      try {
        unlinkSync(temp);
      } catch {
        // Already gone: nothing to clean up.
      }
    },
  };
}

/** A write error is reported by commit() (through finished), not thrown from the event loop. */
function quiet<T extends Writable>(stream: T): T {
  stream.on('error', () => {});
  return stream;
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IoError(`cannot read ${file}: ${describe(error)}`);
  }
}

/** A one-line reason for a file-system error. */
export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
