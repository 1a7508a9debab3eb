// Back-pressure for writers of large files: wait until a stream takes more, or fails.

import type { Writable } from 'node:stream';

/** Resolves once `stream` has drained (at once if it need not); rejects with its error. */
export function drained(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error): void => {
      stream.off('drain', onDrain);
      stream.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = (): void => done();
    stream.on('drain', onDrain);
    stream.on('error', done);
  });
}
