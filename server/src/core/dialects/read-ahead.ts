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
  const lines = new AheadLines();
  let done = false;
  while (!lines.enough()) {
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
    lines.read(next.value);
  }
  const readAs = detectFromLines(lines.complete(done).map((l) => l.replace(/^\uFEFF/, '')));
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

/**
 * The first lines of a source, decoded only as far as detection reads: DETECT_LINES lines with
 * content, among the lines that end within the first AHEAD_BYTES bytes (characters, of a source
 * of strings). Bytes are decoded line by line up to there, not a whole chunk (a 1 MB chunk of
 * non-ASCII text took 16 ms to decode, for the 100 lines detection parses). Which lines are read
 * depends on the input alone, never on how it is cut into chunks.
 */
class AheadLines {
  private readonly lines: string[] = [];
  /** The text of the line not yet ended. */
  private partial = '';
  /** Bytes (or characters) before the piece being read. */
  private position = 0;
  private withContent = 0;
  /** A line ends past AHEAD_BYTES, or the input has gone past it: nothing more is read. */
  private full = false;
  private readonly decoder = new TextDecoder();

  enough(): boolean {
    return this.full || this.withContent >= DETECT_LINES;
  }

  read(piece: Uint8Array | string): void {
    let from = 0;
    for (let nl = newlineIn(piece, 0); nl >= 0 && !this.enough(); nl = newlineIn(piece, from)) {
      if (this.position + nl >= AHEAD_BYTES) {
        this.full = true;
        return;
      }
      const line = this.partial + this.text(piece, from, nl + 1).slice(0, -1);
      this.partial = '';
      this.lines.push(line);
      if (line.trim() !== '') this.withContent++;
      from = nl + 1;
    }
    if (this.enough()) return;
    this.partial += this.text(piece, from, piece.length);
    this.position += piece.length;
    if (this.position >= AHEAD_BYTES) this.full = true;
  }

  /** The lines read whole, and the last one too once the source has ended. */
  complete(ended: boolean): string[] {
    return ended && this.partial !== '' ? [...this.lines, this.partial] : this.lines;
  }

  /** A piece's text from `start` to `end` (a character cut between pieces waits for its rest). */
  private text(piece: Uint8Array | string, start: number, end: number): string {
    return typeof piece === 'string'
      ? piece.slice(start, end)
      : this.decoder.decode(piece.subarray(start, end), { stream: true });
  }
}

function newlineIn(piece: Uint8Array | string, from: number): number {
  return typeof piece === 'string' ? piece.indexOf('\n', from) : piece.indexOf(10, from);
}
