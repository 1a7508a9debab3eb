// The bytes of one line read over several chunks, held in one buffer: a 100 MB line costs its
// 100 MB once, not a list of chunks plus their concatenation (twice), nor a rope of decoded
// pieces plus its flattened copy; and once decoded, its bytes are freed at once, not whenever
// the garbage collector next runs.

const EMPTY = Buffer.alloc(0);
/** The first buffer of a line that spans chunks; most such lines are short. */
const FIRST_BYTES = 1 << 16;
/** Past this, a line is long: its bytes go to one resizable buffer. */
const LONG_BYTES = 1 << 20;
/**
 * Address space a long line of unknown size may grow in without a copy. Reserving it costs no
 * memory (pages are only resident once written); V8 cannot make a string of a line this long.
 */
const RESERVE = 2 ** 32;

/** A resizable ArrayBuffer (ES2024; every Node this runs on has it, the project's lib is ES2022). */
interface ResizableArrayBuffer extends ArrayBuffer {
  readonly maxByteLength: number;
  resize(byteLength: number): void;
}
const ResizableArrayBuffer = ArrayBuffer as unknown as new (
  byteLength: number,
  options: { maxByteLength: number },
) => ResizableArrayBuffer;

/** A buffer whose memory can be handed back at once (`free`), not whenever the garbage collector runs. */
export interface FreeableBuffer {
  bytes: Buffer;
  /** Hands the memory back; `bytes` is empty afterwards. */
  free(): void;
}

/** `size` bytes, in a resizable buffer from LONG_BYTES on (freed by shrinking it to nothing). */
export function freeableBuffer(size: number): FreeableBuffer {
  if (size < LONG_BYTES) return { bytes: Buffer.allocUnsafe(size), free: () => {} };
  const store = new ResizableArrayBuffer(size, { maxByteLength: size });
  return { bytes: Buffer.from(store, 0, size), free: () => store.resize(0) };
}

/**
 * One line's bytes so far. A short line's buffer doubles as it fills. Past LONG_BYTES the line
 * moves, once, into a resizable buffer that reserves the most the line can still be (its bytes so
 * far plus the input's unread bytes, when the input's size is known) and grows in place: a long
 * line is not copied at each doubling, and decoded (`decode`) its pages are handed back at once.
 */
export class LineBytes {
  private buffer: Buffer = EMPTY;
  /** The resizable buffer of a long line. */
  private store: ResizableArrayBuffer | undefined;
  length = 0;
  /** Buffers allocated so far: a long line takes a bounded number. */
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
   * buffer), so whoever takes them may keep them; they are freed when dropped.
   */
  take(): Buffer {
    const bytes = this.buffer.subarray(0, this.length);
    this.reset();
    return bytes;
  }

  /**
   * `read(bytes)` of the line's bytes; unless it gives undefined, the bytes are freed at once
   * (`read` must keep no view of them) and the next line starts a new buffer. On undefined the
   * bytes stay, for `take`.
   */
  decode<T>(read: (bytes: Buffer) => T | undefined): T | undefined {
    const out = read(this.buffer.subarray(0, this.length));
    if (out === undefined) return undefined;
    this.store?.resize(0);
    this.reset();
    return out;
  }

  private reset(): void {
    this.buffer = EMPTY;
    this.store = undefined;
    this.length = 0;
  }

  private grow(need: number): void {
    const size = Math.max(need, 2 * this.buffer.length, FIRST_BYTES);
    if (this.store && need <= this.store.maxByteLength) {
      // In place: the pages already written stay where they are.
      this.store.resize(Math.min(size, this.store.maxByteLength));
      this.buffer = Buffer.from(this.store, 0, this.store.byteLength);
      return;
    }
    const previous = this.store;
    let next: Buffer;
    if (size <= LONG_BYTES) next = Buffer.allocUnsafe(size);
    else {
      const most = need + this.unread();
      const reserve = Math.max(size, Math.min(Number.isFinite(most) ? most : RESERVE, RESERVE));
      this.store = new ResizableArrayBuffer(size, { maxByteLength: reserve });
      next = Buffer.from(this.store, 0, size);
    }
    this.buffer.copy(next, 0, 0, this.length);
    previous?.resize(0);
    this.moved += this.length;
    this.buffer = next;
    this.allocations++;
  }
}
