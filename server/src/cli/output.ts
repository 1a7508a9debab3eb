// Where `fix` and `convert` write, without ever damaging a file: the result goes to a new file
// created exclusively (O_EXCL, a random name, never following a link planted at that name) in the
// target's folder, then is renamed over the target, so a reader sees the old file or the new one
// and nothing in between. The target keeps its mode. Deliberate choices, stated to the user:
// - `-o` naming the input itself (by any path, or a hard link to it) is refused: use --write;
// - a target that is a symbolic link is resolved: the file it points to is rewritten, the link
//   stays a link;
// - a target with other hard links is refused: renaming would split it from its other names;
// - `-o` naming a device or a FIFO (`/dev/null`) writes to it directly: there is nothing to replace.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  createWriteStream,
  fchmodSync,
  fsyncSync,
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
}

/** Where the result goes: stdout, `-o OUT`, or the input itself with --write. */
export function openDestination(choice: OutputChoice): Destination {
  const target = choice.write ? choice.file : choice.output;
  if (target === undefined) {
    return { stream: process.stdout, commit: () => Promise.resolve(), abort: () => {} };
  }
  if (!choice.write && choice.file !== '-') refuseSameFile(choice.file, target);
  const stream = choice.write ? undefined : deviceOrPipe(target);
  if (stream) return stream;
  const resolved = resolveTarget(target);
  const destination = temporaryBeside(resolved);
  if (resolved.real !== target && lstatSync(target).isSymbolicLink())
    destination.note = `${target} is a symbolic link: wrote the file it points to, ${resolved.real}`;
  return destination;
}

function refuseSameFile(input: string, output: string): void {
  const a = statOrUndefined(input);
  const b = statOrUndefined(output);
  if (a && b && a.dev === b.dev && a.ino === b.ino) {
    throw new IoError(
      `-o ${output} is the input file itself; nothing was written (use --write to rewrite it in place)`,
    );
  }
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
function resolveTarget(target: string): { real: string; mode?: number } {
  const stats = statOrUndefined(target);
  if (!stats) return { real: target };
  if (!stats.isFile()) throw new IoError(`cannot write ${target}: it is not a regular file`);
  if (stats.nlink > 1) {
    throw new IoError(
      `${target} has ${stats.nlink} hard links; replacing it would split them, so nothing was written (write to another file with -o)`,
    );
  }
  return { real: realpathSync(target), mode: stats.mode & 0o7777 };
}

function temporaryBeside({ real, mode }: { real: string; mode?: number }): Destination {
  const dir = path.dirname(real);
  const temp = path.join(dir, `.${path.basename(real)}.${randomBytes(6).toString('hex')}.tmp`);
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
      renameSync(temp, real);
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
