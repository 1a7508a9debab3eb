// The bytes of one line read over several chunks, held in one buffer: a 100 MB line costs its
// 100 MB once, not a list of chunks plus their concatenation (twice), nor a rope of decoded
// pieces plus its flattened copy.

const EMPTY = Buffer.alloc(0);
/** The first buffer of a line that spans chunks; most such lines are short. */
const FIRST_BYTES = 1 << 16;
/** Past this, a line is long: it gets all the room the input may still hold, at once. */
const LONG_BYTES = 8 << 20;

/**
 * One line's bytes so far. The buffer doubles as it fills; once the line passes LONG_BYTES and
 * the input's size is known, the buffer takes the most the line can still be (its bytes so far
 * plus the input's unread bytes): a long line is copied once, not at each doubling, and only the
 * pages written are resident (a large Buffer.allocUnsafe is not touched until written).
 */
export class LineBytes {
  private buffer: Buffer = EMPTY;
  length = 0;
  /** Buffers allocated so far: a long line of a file of known size takes a bounded number. */
  allocations = 0;
  /** Bytes copied from one buffer to the next as they grew (appending is not counted). */
  moved = 0;

  /** `unread()`: bytes the input holds past what was appended (Infinity when unknown). */
  constructor(private readonly unread: () => number = () => Infinity) {}

  append(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const need = this.length + bytes.length;
    if (need > this.buffer.length) this.grow(need);
    this.buffer.set(bytes, this.length);
    this.length = need;
  }

  /** The byte at `at` (0 <= at < length). */
  at(at: number): number {
    return this.buffer[at]!;
  }

  /**
   * The line's bytes, handed over: the holder lets go of them (the next line starts a new
   * buffer), so whoever takes them may keep them and a long line's buffer is freed with them.
   */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.buffer = EMPTY;
    this.length = 0;
    return bytes;
  }

  private grow(need: number): void {
    let size = Math.max(need, 2 * this.buffer.length, FIRST_BYTES);
    if (size > LONG_BYTES) {
      const most = need + this.unread();
      if (Number.isFinite(most)) size = Math.max(need, most);
    }
    const next = Buffer.allocUnsafe(size);
    this.buffer.copy(next, 0, 0, this.length);
    this.moved += this.length;
    this.buffer = next;
    this.allocations++;
  }
}
