// Turns a stream of bytes into lines, for every reader of whole files (the checker, the
// converter). The complete lines of a chunk are decoded in blocks of whole lines and split as a
// string when they are ASCII, line by line when they are other UTF-8; line sizes in bytes come
// from the newline positions in the bytes, which match the string's one for one. A run of lines
// that is not valid UTF-8 is decoded line by line, so the bad lines, and only they, are handed
// over as raw bytes.
//
// A line that spans chunks is held as bytes in one buffer (line-bytes.ts) and decoded once when
// it ends: one 100 MB line costs its bytes and then its text, never a second copy of either, and
// its bytes are let go of before its text is handed on. A newline byte is never part of a longer
// UTF-8 character, so decoding whole lines never cuts a character.

import { isAscii, isUtf8 } from 'node:buffer';
import { LineBytes } from './line-bytes';

/** ASCII is decoded in blocks of whole lines of about this size (see asciiLines). */
const ASCII_BLOCK_BYTES = 1 << 16;

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

export interface LineReaderOptions {
  /** The input's size in bytes, when known: a long line's buffer is then allocated once. */
  totalBytes?: number;
}

export class LineReader {
  bytesRead = 0;
  /** Bytes held until there are enough to tell whether the input starts with a BOM. */
  private head: Buffer | undefined = Buffer.alloc(0);
  /** ignoreBOM: a U+FEFF within the input is the text's own (the input's BOM is read apart). */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The start of the line the next chunk continues. */
  private readonly partial: LineBytes;

  constructor(
    private readonly sink: LineSink,
    options: LineReaderOptions = {},
  ) {
    const total = options.totalBytes;
    this.partial = new LineBytes(() =>
      total !== undefined && total > 0 ? Math.max(0, total - this.bytesRead) : Infinity,
    );
  }

  /**
   * Returns false once the input is known not to be text (stop reading). `piece` is not kept
   * after the call: what a later chunk continues is copied.
   */
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
    if (this.partial.length === 0) return;
    // A lone CR after the last newline is the tail of a line ending, not a line.
    if (this.partial.length === 1 && this.partial.at(0) === 13) return;
    this.heldLine(false);
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
    const first = chunk.indexOf(10);
    if (first < 0) {
      this.partial.append(chunk);
      return true;
    }
    let start = 0;
    if (this.partial.length > 0) {
      this.partial.append(chunk.subarray(0, first));
      this.heldLine(true);
      start = first + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= start) this.lines(chunk.subarray(start, last + 1));
    this.partial.append(chunk.subarray(last + 1));
    return true;
  }

  /**
   * Complete lines, each ending with its "\n": ASCII decoded in blocks, other UTF-8 line by line
   * (Buffer#toString per line measured faster than one TextDecoder call and slices: 225 ms
   * against 330 ms to decode the 85.6 MB of the 50,000-line bench file).
   */
  private lines(bytes: Buffer): void {
    if (isAscii(bytes)) return this.asciiLines(bytes);
    if (isUtf8(bytes)) {
      let from = 0;
      for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, from)) {
        this.sink.line(bytes.toString('utf8', from, nl), nl - from + 1, true);
        from = nl + 1;
      }
      return;
    }
    // Not UTF-8 somewhere: line by line, so only the bad lines are handed over as bytes.
    let from = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, from)) {
      this.oneLine(bytes.subarray(from, nl), true);
      from = nl + 1;
    }
  }

  /**
   * ASCII lines (a character per byte), decoded a block of whole lines at a time. A block stays
   * under 64 KB unless one line is longer: V8 makes a string of 128 KB or more outside its young
   * generation, in pages of its own, and that measured 8 to 40 times slower here (decoding a
   * 200 MB file in 1 MB blocks: 385 ms; in 64 KB blocks: 49 ms).
   */
  private asciiLines(bytes: Buffer): void {
    for (let from = 0; from < bytes.length;) {
      let end = bytes.length;
      if (end - from > ASCII_BLOCK_BYTES) {
        const nl = bytes.lastIndexOf(10, from + ASCII_BLOCK_BYTES - 1);
        end = (nl >= from ? nl : bytes.indexOf(10, from + ASCII_BLOCK_BYTES)) + 1;
      }
      const text = bytes.toString('latin1', from, end);
      let at = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', at)) {
        this.sink.line(text.slice(at, nl), nl - at + 1, true);
        at = nl + 1;
      }
      from = end;
    }
  }

  /**
   * The line held across chunks, handed on: its bytes are freed as soon as they are decoded, so
   * a long line's bytes and text are both held only while it is decoded.
   */
  private heldLine(ended: boolean): void {
    const bytes = this.partial.length + 1;
    const text = this.partial.decode((raw) => this.decode(raw));
    if (text !== undefined) this.sink.line(text, bytes, ended);
    else this.sink.badLine(this.partial.take(), ended);
  }

  /** One line within a chunk, without its "\n". */
  private oneLine(raw: Buffer, ended: boolean): void {
    const text = this.decode(raw);
    if (text === undefined) this.sink.badLine(raw, ended);
    else this.sink.line(text, raw.length + 1, ended);
  }

  /** The text of UTF-8 bytes; undefined when they are not UTF-8. */
  private decode(bytes: Buffer): string | undefined {
    // ASCII (most batch files) decodes fastest as latin1; otherwise TextDecoder, faster than
    // Buffer#toString on non-ASCII text.
    if (isAscii(bytes)) return bytes.toString('latin1');
    if (!isUtf8(bytes)) return undefined;
    return this.decoder.decode(bytes);
  }
}
