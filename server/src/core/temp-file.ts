// Writes a file so that readers only ever see the old file or the whole new one: the bytes go to
// a temporary file beside the target, created exclusively (never over someone else's file), and
// are renamed over the target once they are all on disk. On failure the temporary file is removed.

import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

/** A file being written; nothing appears at `target` until `commit`. */
export class TempFile {
  private readonly fd: number;
  private readonly temp: string;
  private done = false;

  /** Throws the file system's error when the temporary file cannot be created. */
  constructor(readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.${process.pid}-${sequence++}.tmp`);
    this.fd = openSync(this.temp, 'wx');
  }

  write(bytes: Uint8Array): void {
    let at = 0;
    while (at < bytes.length) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  /** Flushes to disk and renames over the target. */
  commit(): void {
    if (this.done) return;
    this.done = true;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      renameSync(this.temp, this.target);
    } catch (error) {
      rmSync(this.temp, { force: true });
      throw error;
    }
  }

  /** Removes the temporary file; the target is left as it was. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.temp, { force: true });
    }
  }
}
