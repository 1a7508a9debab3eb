// Reads an open file in chunks, the way every whole-file command reads a file on disk.

import { read } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/** Reads up to a buffer's length from the file's current position; resolves to the bytes read. */
function readInto(fd: number, buffer: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, buffer.length, null, (error, bytesRead) =>
      error ? reject(error) : resolve(bytesRead),
    );
  });
}

/**
 * Reads a file in 1 MB chunks, the next one read (by the thread pool) while the caller works on
 * the last: on the 50,000-line bench file the 40 ms of reading no longer adds to the checking.
 * Two buffers take turns, so reading a file allocates 2 MB once, not 1 MB per chunk left for the
 * garbage collector: a chunk is good until the next is asked for, and whoever keeps bytes of it
 * (the line reader, the fixer, the dialect read-ahead) copies them. Each chunk waits on a read,
 * which gives the event loop a turn (a server stays responsive). Rejects with the read's error.
 * Reads sequentially from the file's current position, one read at a time; when the caller stops
 * early, the read in flight is waited for, so the caller may close `fd` at once.
 */
export async function* readChunks(fd: number): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let turn = 0;
  let pending: Promise<number> | undefined = readInto(fd, buffers[turn]!);
  try {
    for (;;) {
      const bytesRead = await pending;
      pending = undefined;
      if (bytesRead === 0) return;
      const chunk = buffers[turn]!;
      turn = 1 - turn;
      pending = readInto(fd, buffers[turn]!);
      yield chunk.subarray(0, bytesRead);
    }
  } finally {
    // Stopped early (or a read failed): no read may still write after the caller closes `fd`.
    await pending?.catch(() => 0);
  }
}
