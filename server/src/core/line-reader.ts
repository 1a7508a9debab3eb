// Turns a stream of bytes into lines, for every reader of whole files (the checker, the
// converter). Each chunk is decoded in one call and split as a string, as fast as reading a
// file whole; line sizes in bytes come from the newline positions in the bytes, which match the
// string's one for one. At the first invalid UTF-8 byte it falls back to decoding line by line,
// so the bad lines, and only they, are handed over as raw bytes.
//
// A line that spans chunks is held once: as text on the fast path (its bytes are not kept, so
// one 100 MB line costs 100 MB here, not 200), as bytes on the byte path. Should a later chunk
// of that line not decode, its bytes so far are the text encoded again (valid UTF-8 decodes and
// encodes one to one) plus the bytes of a character the decoder still holds.

import { isAscii, isUtf8 } from 'node:buffer';

export interface LineSink {
  /**
   * A line without its "\n" (a "\r" before it is kept); `bytes` counts one more for the line
   * ending; `ended` is false for a last line that has no newline.
   */
  line(text: string, bytes: number, ended: boolean): void;
  /** A line whose bytes are not valid UTF-8, without its "\n". */
  badLine(raw: Buffer, ended: boolean): void;
  /** The input starts with a UTF-8 byte order mark (it is not part of the first line). */
  bom?(): void;
  /** NUL bytes at the start: the input is not text. Nothing more is read. */
  binary?(): void;
}

export class LineReader {
  bytesRead = 0;
  /** Bytes held until there are enough to tell whether the input starts with a BOM. */
  private head: Buffer | undefined = Buffer.alloc(0);
  /** Decodes chunk after chunk, holding back a character cut by a chunk boundary. */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private fast = true;
  /** The last byte decoded: a non-ASCII one may leave part of a character in the decoder. */
  private lastByte = 0;
  /** The bytes of a character cut by the end of the last chunk, held by the decoder (0-3). */
  private held: Buffer = Buffer.alloc(0);
  /** The line read so far: its decoded text (fast path) or its bytes (byte path). */
  private text = '';
  private parts: Buffer[] = [];
  /** The size in bytes of the line read so far (either path). */
  private partBytes = 0;

  constructor(private readonly sink: LineSink) {}

  /** Returns false once the input is known not to be text (stop reading). */
  feed(piece: Buffer): boolean {
    if (!this.head) return this.feedLines(piece);
    const chunk = Buffer.concat([this.head, piece]);
    if (chunk.length < 3) {
      this.head = chunk;
      return true;
    }
    this.head = undefined;
    return this.begin(chunk);
  }

  /** Hands over the last line, if the input did not end with a newline. */
  end(): void {
    if (this.head && this.head.length > 0 && !this.begin(this.head)) return;
    if (this.partBytes === 0) return;
    // A lone CR after the last newline is the tail of a line ending, not a line.
    if (this.partBytes === 1 && (this.fast ? this.text === '\r' : this.parts[0]![0] === 13)) return;
    if (this.fast) {
      try {
        this.sink.line(this.text + this.decoder.decode(), this.partBytes + 1, false);
        return;
      } catch {
        // A character cut short by the end of the input: the byte path reports the line.
        this.toBytePath();
      }
    }
    this.byteLine(Buffer.concat(this.parts), false);
  }

  /** The first bytes: a BOM is noted and skipped; NUL bytes mean this is not text at all. */
  private begin(chunk: Buffer): boolean {
    let rest = chunk;
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.sink.bom?.();
      rest = chunk.subarray(3);
      this.bytesRead += 3;
    }
    if (this.sink.binary && rest.subarray(0, 8192).includes(0)) {
      this.sink.binary();
      return false;
    }
    return this.feedLines(rest);
  }

  private feedLines(chunk: Buffer): boolean {
    this.bytesRead += chunk.length;
    if (this.fast) {
      let decoded: string | undefined;
      try {
        // ASCII (most batch files) decodes fastest as latin1, once no character is pending from
        // the chunk before; otherwise TextDecoder, faster than Buffer#toString on non-ASCII.
        const pending = this.lastByte >= 0x80;
        if (!pending && isAscii(chunk)) decoded = chunk.toString('latin1');
        else {
          decoded = this.decoder.decode(chunk, { stream: true });
          this.held = heldBack(this.held, chunk);
        }
        if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1]!;
      } catch {
        this.toBytePath();
      }
      if (decoded !== undefined) {
        this.splitDecoded(chunk, decoded);
        return true;
      }
    }
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.parts.push(chunk.subarray(start, nl));
      this.byteLine(this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts), true);
      this.parts = [];
      this.partBytes = 0;
      start = nl + 1;
    }
    this.keepPartial(chunk, start);
    return true;
  }

  private splitDecoded(chunk: Buffer, decoded: string): void {
    let byteAt = 0;
    let charAt = 0;
    for (let nl = chunk.indexOf(10, byteAt); nl >= 0; nl = chunk.indexOf(10, byteAt)) {
      const nlChar = decoded.indexOf('\n', charAt);
      this.sink.line(
        this.text + decoded.slice(charAt, nlChar),
        this.partBytes + nl - byteAt + 1,
        true,
      );
      this.text = '';
      this.partBytes = 0;
      byteAt = nl + 1;
      charAt = nlChar + 1;
    }
    this.text += decoded.slice(charAt);
    this.partBytes += chunk.length - byteAt;
  }

  /**
   * Leaves the fast path for good (a chunk did not decode): the line read so far becomes bytes,
   * its text encoded again and the bytes of a character the decoder held.
   */
  private toBytePath(): void {
    this.fast = false;
    const head = Buffer.from(this.text, 'utf8');
    this.parts = this.partBytes === 0 ? [] : [Buffer.concat([head, this.held])];
    this.text = '';
    this.held = Buffer.alloc(0);
  }

  /** A line read on the byte path: valid lines still go out as text. */
  private byteLine(raw: Buffer, ended: boolean): void {
    if (isUtf8(raw)) this.sink.line(raw.toString('utf8'), raw.length + 1, ended);
    else this.sink.badLine(raw, ended);
  }

  /** Byte path: keeps the start of a line that the next chunk continues. */
  private keepPartial(chunk: Buffer, from: number): void {
    if (from >= chunk.length) return;
    this.parts.push(chunk.subarray(from));
    this.partBytes += chunk.length - from;
  }
}

/**
 * The bytes the decoder holds after `chunk` (decoded with `stream: true`, after it held `before`):
 * the start of a character the chunk's end cuts short, at most 3 bytes, copied (the chunk's memory
 * is not kept alive by them).
 */
function heldBack(before: Buffer, chunk: Buffer): Buffer {
  const end = chunk.subarray(Math.max(0, chunk.length - 4));
  const tail = before.length > 0 ? Buffer.concat([before, end]) : end;
  // The last lead byte (not 10xxxxxx) within the last 4 bytes, and the length it announces.
  for (let i = tail.length - 1; i >= 0 && i >= tail.length - 4; i--) {
    const b = tail[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > tail.length - i ? Buffer.from(tail.subarray(i)) : Buffer.alloc(0);
  }
  return Buffer.alloc(0);
}
