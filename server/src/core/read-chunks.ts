// Reads an open file in chunks, the way every whole-file command reads a file on disk.

import { readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;
/** How much is read between two turns of the event loop (so a server stays responsive). */
const BYTES_PER_TURN = 16 << 20;

/**
 * Reads a file in chunks with plain synchronous reads (measured faster than a read stream here:
 * no waiting on the thread pool), handing the event loop a turn every 16 MB. Every chunk is read
 * into the same buffer, so reading a file allocates 1 MB once, not 1 MB per chunk left for the
 * garbage collector: a chunk is good until the next is asked for, and whoever keeps bytes of it
 * (the line reader, the fixer, the dialect read-ahead) copies them.
 */
export async function* readChunks(fd: number): AsyncGenerator<Buffer> {
  let sinceTurn = 0;
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  for (;;) {
    const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
    if (read === 0) return;
    yield chunk.subarray(0, read);
    sinceTurn += read;
    if (sinceTurn >= BYTES_PER_TURN) {
      sinceTurn = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
