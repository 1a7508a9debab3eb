// Checks a file as a stream of bytes, so a 200 MB batch is checked without holding it in memory:
// each line is decoded, checked and dropped; only the facts the cross-line rules need are kept.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Problem } from './types';
import { checkLine } from './line-check';
import type { LineResult } from './line-check';
import { LineTree } from './locate';
import { BatchTally } from './cross/tally';
import { findBlock, blockProblem, MAX_BLOCK_LINES } from './syntax/blocks';
import { scanLenient } from './syntax/repair';
import { fixesFor } from './fixes';
import { LineReader } from './line-reader';
import { finalize, bomProblem } from './options';
import type { CheckOptions, CheckResult } from './options';

export interface StreamOptions extends CheckOptions {
  /** Called now and then with the bytes read so far and the total (0 when unknown). */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /**
   * Fill each problem's `fixTitles` while its line is in hand. Off by default: it parses every
   * fixable line a second time, which only a report that lists fixes needs.
   */
  fixTitles?: boolean;
}

interface PendingLine {
  text: string;
  bytes: number;
  result: LineResult;
}

/** Streams a file (or any byte source) through the checker. */
export async function checkFile(path: string, options: StreamOptions = {}): Promise<CheckResult> {
  const fd = openSync(path, 'r');
  try {
    return await checkStream(readChunks(fd), options, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
}

const CHUNK_BYTES = 1 << 20;
/** How much is read between two turns of the event loop (so a server stays responsive). */
const BYTES_PER_TURN = 16 << 20;

/**
 * Reads a file in chunks with plain synchronous reads (measured faster than a read stream here:
 * no waiting on the thread pool), handing the event loop a turn every 16 MB.
 */
async function* readChunks(fd: number): AsyncGenerator<Buffer> {
  let sinceTurn = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
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

export async function checkStream(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: StreamOptions = {},
  totalBytes = 0,
): Promise<CheckResult> {
  const checker = new StreamChecker(options.fixTitles === true);
  let binary = false;
  const reader = new LineReader({
    line: (text, bytes) => checker.pushText(text, bytes),
    badLine: (raw) => checker.pushText(raw.toString('utf8'), raw.length + 1, true),
    bom: () => checker.problems.push(bomProblem()),
    binary: () => {
      binary = true;
      checker.problems.push(binaryProblem());
    },
  });
  let lastProgress = 0;
  for await (const piece of source) {
    if (!reader.feed(typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece)) break;
    if (options.onProgress && reader.bytesRead - lastProgress >= 4 << 20) {
      lastProgress = reader.bytesRead;
      options.onProgress(reader.bytesRead, totalBytes);
    }
  }
  options.onProgress?.(reader.bytesRead, totalBytes);
  if (!binary) {
    reader.end();
    checker.end();
  }
  return finalize(checker.problems, checker.tally.summary(), options);
}

class StreamChecker {
  readonly problems: Problem[] = [];
  readonly tally: BatchTally;
  private line = 0;
  /** Lines held back while a pretty-printed request may still be open (first line at `pendingStart`). */
  private pending: PendingLine[] = [];
  private pendingStart = 0;
  private depth = 0;

  constructor(private readonly withFixTitles: boolean) {
    this.tally = new BatchTally((line, path) => {
      const text = this.textOf(line);
      const span = new LineTree(text).locate(path, 'value');
      return { column: span.start, endColumn: span.end };
    });
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
    this.current = { line, text: entry.text };
    for (const p of entry.result.problems) this.emit({ ...p, line, endLine: line });
    for (const p of this.tally.add(line, entry.result.facts, entry.bytes)) this.emit(p);
    this.current = undefined;
  }

  /** Records a problem with the titles of its fixes, computed while its lines are still in hand. */
  private emit(problem: Problem): void {
    if (this.withFixTitles && problem.fix)
      problem.fixTitles = fixesFor(problem, (n) => this.textOf(n)).map((f) => f.title);
    this.problems.push(problem);
  }

  /** Lines whose text is still held: the one being reported, and those of a pending block. */
  private current: { line: number; text: string } | undefined;
  private readonly inHand = new Map<number, string>();

  private textOf(line: number): string {
    if (this.current?.line === line) return this.current.text;
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
