// Checks a file as a stream of bytes, so a 200 MB batch is checked without holding it in memory:
// each line is decoded, checked and dropped; only the facts the cross-line rules need are kept.

import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream, statSync } from 'node:fs';
import type { Problem } from './types';
import { checkLine } from './line-check';
import type { LineResult } from './line-check';
import { LineTree } from './locate';
import { BatchTally } from './cross/tally';
import { findBlock, blockProblem, MAX_BLOCK_LINES } from './syntax/blocks';
import { scanLenient } from './syntax/repair';
import { fixesFor } from './fixes';
import { finalize, bomProblem } from './options';
import type { CheckOptions, CheckResult } from './options';

export interface StreamOptions extends CheckOptions {
  /** Called now and then with the bytes read so far and the total (0 when unknown). */
  onProgress?(bytesRead: number, totalBytes: number): void;
}

interface PendingLine {
  text: string;
  bytes: number;
  result: LineResult;
}

/** Streams a file (or any byte source) through the checker. */
export async function checkFile(path: string, options: StreamOptions = {}): Promise<CheckResult> {
  const { size } = statSync(path);
  return checkStream(createReadStream(path, { highWaterMark: 1 << 20 }), options, size);
}

export async function checkStream(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: StreamOptions = {},
  totalBytes = 0,
): Promise<CheckResult> {
  const reader = new ByteLines(new StreamChecker());
  let lastProgress = 0;
  for await (const piece of source) {
    if (!reader.feed(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)) break;
    if (options.onProgress && reader.bytesRead - lastProgress >= 4 << 20) {
      lastProgress = reader.bytesRead;
      options.onProgress(reader.bytesRead, totalBytes);
    }
  }
  options.onProgress?.(reader.bytesRead, totalBytes);
  return reader.end(options);
}

/**
 * Splits bytes into lines. Each chunk is decoded in one call and split as a string (as fast as
 * reading a file whole); byte lengths come from the newline positions in the bytes, which match
 * the string's one for one. At the first invalid UTF-8 byte it falls back to decoding line by
 * line, so the bad lines, and only they, are reported.
 */
class ByteLines {
  bytesRead = 0;
  private binary = false;
  /** Bytes held until there are enough to tell whether the file starts with a BOM. */
  private head: Buffer | undefined = Buffer.alloc(0);
  /** Decodes chunk after chunk, holding back a character cut by a chunk boundary. */
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private fast = true;
  /** The last byte decoded: a non-ASCII one may leave part of a character in the decoder. */
  private lastByte = 0;
  /** The line read so far: its decoded text (fast path) and its bytes (either path). */
  private text = '';
  private parts: Buffer[] = [];
  private partBytes = 0;

  constructor(private readonly checker: StreamChecker) {}

  /** Returns false once the input is known not to be text (nothing more is read). */
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

  end(options: CheckOptions): CheckResult {
    if (this.head && this.head.length > 0) this.begin(this.head);
    if (!this.binary) {
      this.finishLastLine();
      this.checker.end();
    }
    return finalize(this.checker.problems, this.checker.tally.summary(), options);
  }

  /** The first bytes: a BOM is noted and skipped; NUL bytes mean this is not text at all. */
  private begin(chunk: Buffer): boolean {
    let rest = chunk;
    if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
      this.checker.problems.push(bomProblem());
      rest = chunk.subarray(3);
      this.bytesRead += 3;
    }
    if (rest.subarray(0, 8192).includes(0)) {
      this.binary = true;
      this.checker.problems.push(binaryProblem());
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
        decoded =
          !pending && isAscii(chunk)
            ? chunk.toString('latin1')
            : this.decoder.decode(chunk, { stream: true });
        this.lastByte = chunk.length > 0 ? chunk[chunk.length - 1]! : this.lastByte;
      } catch {
        this.fast = false;
      }
      if (decoded !== undefined) {
        this.splitDecoded(chunk, decoded);
        return true;
      }
    }
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      this.parts.push(chunk.subarray(start, nl));
      this.checker.push(this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts));
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
      const line = this.text + decoded.slice(charAt, nlChar);
      this.checker.pushText(line, this.partBytes + nl - byteAt + 1);
      this.text = '';
      this.parts = [];
      this.partBytes = 0;
      byteAt = nl + 1;
      charAt = nlChar + 1;
    }
    this.text += decoded.slice(charAt);
    this.keepPartial(chunk, byteAt);
  }

  private keepPartial(chunk: Buffer, from: number): void {
    if (from >= chunk.length) return;
    this.parts.push(chunk.subarray(from));
    this.partBytes += chunk.length - from;
  }

  private finishLastLine(): void {
    if (this.partBytes === 0) return;
    // A lone CR after the last newline is the tail of a line ending, not a line.
    if (this.partBytes === 1 && this.parts[0]![0] === 13) return;
    if (this.fast) {
      try {
        this.checker.pushText(this.text + this.decoder.decode(), this.partBytes + 1);
        return;
      } catch {
        // A character cut short by the end of the file: the byte path reports the line.
      }
    }
    this.checker.push(Buffer.concat(this.parts));
  }
}

class StreamChecker {
  readonly problems: Problem[] = [];
  readonly tally: BatchTally;
  private line = 0;
  /** Lines held back while a pretty-printed request may still be open (first line at `pendingStart`). */
  private pending: PendingLine[] = [];
  private pendingStart = 0;
  private depth = 0;

  constructor() {
    this.tally = new BatchTally((line, path) => {
      const text = this.textOf(line);
      const span = new LineTree(text).locate(path, 'value');
      return { column: span.start, endColumn: span.end };
    });
  }

  push(raw: Buffer): void {
    this.pushText(raw.toString('utf8'), raw.length + 1, !isUtf8(raw));
  }

  /** A line already decoded; `bytes` is its size in the file, line ending included. */
  pushText(line: string, bytes: number, invalidUtf8 = false): void {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    const result = invalidUtf8 ? invalidUtf8Result(text) : checkLine(text);
    const entry = { text, bytes, result };
    if (this.pending.length > 0) {
      this.pending.push(entry);
      this.depth = scanLenient(text, this.depth).depth;
      if (this.depth <= 0 || this.pending.length >= MAX_BLOCK_LINES) this.flushPending();
    } else if (result.opensBlock) {
      this.pending = [entry];
      this.pendingStart = this.line;
      this.depth = scanLenient(text).depth;
    } else {
      this.report(this.line, entry);
    }
    this.line++;
  }

  end(): void {
    if (this.pending.length > 0) this.flushPending();
    this.problems.push(...this.tally.finish(this.line));
  }

  private flushPending(): void {
    const lines = this.pending;
    const start = this.pendingStart;
    this.pending = [];
    lines.forEach((l, i) => this.inHand.set(start + i, l.text));
    const block = findBlock((n) => this.textOf(n), start, start + lines.length);
    let next = 0;
    if (block) {
      const bytes = lines.slice(0, block.endLine - start + 1).reduce((sum, l) => sum + l.bytes, 0);
      this.emit(blockProblem(block, this.textOf(block.endLine).length));
      for (const p of this.tally.add(start, checkLine(block.joined).facts, bytes)) this.emit(p);
      next = block.endLine - start + 1;
    }
    for (let i = next; i < lines.length; i++) this.report(start + i, lines[i]!);
    this.inHand.clear();
  }

  private report(line: number, entry: PendingLine): void {
    this.inHand.set(line, entry.text);
    for (const p of entry.result.problems) this.emit({ ...p, line, endLine: line });
    for (const p of this.tally.add(line, entry.result.facts, entry.bytes)) this.emit(p);
    this.inHand.delete(line);
  }

  /** Records a problem with the titles of its fixes, computed while its lines are still in hand. */
  private emit(problem: Problem): void {
    if (problem.fix)
      problem.fixTitles = fixesFor(problem, (n) => this.textOf(n)).map((f) => f.title);
    this.problems.push(problem);
  }

  /** Lines whose text is still held: the one being reported, or those of a pending block. */
  private readonly inHand = new Map<number, string>();

  private textOf(line: number): string {
    return this.inHand.get(line) ?? '';
  }
}

function invalidUtf8Result(text: string): LineResult {
  return {
    problems: [
      {
        code: 'invalid_utf8',
        severity: 'error',
        message: 'This line is not valid UTF-8 text. Batch files must be UTF-8 encoded JSON.',
        column: 0,
        endColumn: text.length,
      },
    ],
    facts: { isRequest: false },
    opensBlock: false,
  };
}

function binaryProblem(): Problem {
  return {
    code: 'binary_file',
    severity: 'error',
    message: 'This is not a text file (it contains NUL bytes): a batch file is UTF-8 JSONL text.',
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
  };
}
