// The dialect of a streamed file, from its first lines, before any line is checked: the first
// megabyte (or the first lines up to DETECT_LINES) is read ahead, then handed on unchanged.

import type { DialectId } from './table';
import { DETECT_LINES, detectFromLines } from './detect';

/** Bytes read ahead at most; a file whose first line is longer is read in its lines' own dialects. */
const AHEAD_BYTES = 1 << 20;

export interface ReadAhead<T> {
  /** The whole source again, the bytes read ahead first. */
  source: AsyncIterable<T>;
  readAs: DialectId | undefined;
}

/**
 * Reads the start of `source` to detect its dialect; `source` must not be read elsewhere. The
 * chunks read ahead are copies: a source may fill one buffer again for each chunk.
 */
export async function readAhead<T extends Uint8Array | string>(
  source: AsyncIterable<T> | Iterable<T>,
): Promise<ReadAhead<T>> {
  const iterator =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  const held: T[] = [];
  let text = '';
  let done = false;
  const decoder = new TextDecoder();
  // Newlines are counted in each new piece only: a source of tiny chunks stays linear.
  let newlines = 0;
  while (text.length < AHEAD_BYTES && newlines <= DETECT_LINES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // A typed array's own slice copies (Buffer's is a view); a Buffer's copy is a Buffer.
    held.push(
      typeof next.value === 'string'
        ? next.value
        : (Uint8Array.prototype.slice.call(next.value) as T),
    );
    const piece =
      typeof next.value === 'string' ? next.value : decoder.decode(next.value, { stream: true });
    text += piece;
    newlines += countLines(piece);
  }
  const lines = text.split('\n');
  if (!done) lines.pop(); // a line cut short is not read
  const readAs = detectFromLines(lines.map((l) => l.replace(/^\uFEFF/, '')));
  async function* again(): AsyncGenerator<T> {
    try {
      yield* held;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A reader that stops early (an error, a break) closes the source (a file's descriptor).
      if (!done) await iterator.return?.();
    }
  }
  return { source: again(), readAs };
}

function countLines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}
