// Finds the pretty-printed requests of a file in one pass over its lines, for the document
// checker and the stream alike, so both report the same blocks. A line that opens an object
// starts a block when the bracket depth, counted from it, first comes back to zero on a later
// line, and the lines joined parse as one object (see findBlock, which answers for one line).
//
// Asking that of every opening line in turn reads the lines after it again and again: 10,000
// requests that each miss their final "}" cost 10,000 × 5,000 line reads. Here each line is read
// once: the opening lines still waiting for their depth to come back form a stack (their depths
// increase from bottom to top), and each new line settles the ones its closing brackets reach.

import { joinBlock, MAX_BLOCK_LINES } from './blocks';
import type { Block } from './blocks';
import { scanLenient } from './repair';

/** What the block search needs to know of a line's brackets. */
export interface LineShape {
  /** Brackets opened minus brackets closed, outside strings. */
  depth: number;
  /** A string is still open at the end of the line: no block runs through it. */
  unterminated: boolean;
}

/** The shape of one line's text. */
export function lineShape(text: string): LineShape {
  const scan = scanLenient(text);
  return { depth: scan.depth, unterminated: scan.unterminated };
}

/**
 * Whether a line the finder handed on may be fixed on its own: not when it is unjoined (inside an
 * object too long to join), unless it holds a custom_id (a request line of its own after an object
 * left open, not a piece of one). A line that is only an array's bracket is removed only when it
 * is an edge of a JSON array of requests (array-frame.ts), never when it may be part of a request;
 * a request's comma after it is not removed in an array that is not one of requests (`loose`).
 */
export function fixableAlone(
  unjoined: boolean,
  arrayEdge: boolean,
  result: { facts: { customId?: string }; arrayBracket?: boolean; arrayPunctuation?: boolean },
  loose = false,
): boolean {
  if (result.arrayBracket === true) return arrayEdge;
  if (loose && result.arrayPunctuation === true) return false;
  return !unjoined || result.facts.customId !== undefined;
}

/** The problem without its fix (a line that is not fixable alone). */
export function withoutFix<P extends { fix?: unknown }>(problem: P): P {
  if (problem.fix === undefined) return problem;
  const { fix: _fix, ...rest } = problem;
  return rest as P;
}

export interface BlockItem {
  text: string;
  /** The line does not parse on its own but opens an object (LineResult.opensBlock). */
  opensBlock: boolean;
  /** The line holds a request, as written or repaired (read by ArrayFrame; unset: unknown). */
  request?: boolean;
}

/**
 * Receives the lines in order: each line on its own, or a block of lines joined. `unjoined` is
 * true for a line inside an object that opened on an earlier line and runs past MAX_BLOCK_LINES
 * (or for that opening line): the block is not joined, and a fix must not edit its lines either,
 * since they are pieces of the user's one request (a message `{"role","content"}` written on one
 * line of it is not a request missing its envelope). `topLevel` is true for a line outside every
 * object the finder was following (none was open when it came); ArrayFrame reads it.
 */
export interface BlockSink<T> {
  single(item: T, line: number, unjoined: boolean, topLevel: boolean): void;
  block(block: Block, items: readonly T[]): void;
  /** Called once the last line is handed on. */
  end?(): void;
}

interface Entry<T> {
  item: T;
  line: number;
  /** Depth before this line, counted from an arbitrary origin. */
  before: number;
  /** For an opening line: the last line of its block, -1 when it has none, undefined while open. */
  end?: number;
  /** Inside (or opening) an object too long to join: see BlockSink. */
  unjoined?: boolean;
}

/**
 * Feed it every line in order, then call end(). Lines come out through the sink in the same
 * order, each once. It holds only the lines after the oldest opening line still undecided (at
 * most MAX_BLOCK_LINES) and reads each line's shape at most once, so the whole search is linear.
 */
export class BlockFinder<T extends BlockItem> {
  private line = 0;
  private depth = 0;
  /** Lines not yet handed on, from the oldest undecided opening line (`head` indexes the first). */
  private queue: Entry<T>[] = [];
  private head = 0;
  /** Opening lines still undecided, oldest first; `bottom` indexes the oldest. */
  private open: Entry<T>[] = [];
  private bottom = 0;
  /**
   * While inside an object too long to join: the depth before its opening line. Every line until
   * the depth comes back to it is unjoined, and no opening line within starts a block.
   */
  private longBase: number | undefined;

  constructor(
    private readonly sink: BlockSink<T>,
    private readonly shapeOf: (item: T) => LineShape = (item) => lineShape(item.text),
  ) {}

  push(item: T): void {
    const line = this.line++;
    if (this.bottom === this.open.length && !item.opensBlock && this.longBase === undefined) {
      // Nothing is waiting (so nothing is queued): the common case costs no bracket count at all.
      this.sink.single(item, line, false, true);
      return;
    }
    const shape = this.shapeOf(item);
    const entry: Entry<T> = { item, line, before: this.depth };
    this.queue.push(entry);
    if (this.longBase !== undefined) {
      // Inside an object too long to join: its inner objects are not requests of their own.
      entry.unjoined = true;
      if (item.opensBlock) entry.end = -1;
      if (!shape.unterminated) this.depth += shape.depth;
      if (this.depth <= this.longBase) this.longBase = undefined;
    } else if (shape.unterminated) {
      // A string left open: no block runs through this line.
      if (item.opensBlock) entry.end = -1;
      this.settleAll();
    } else {
      if (item.opensBlock) this.open.push(entry);
      const after = this.depth + shape.depth;
      while (this.open.length > this.bottom && this.open[this.open.length - 1]!.before >= after) {
        const start = this.open.pop()!;
        start.end = start.before === after && line > start.line ? line : -1;
      }
      this.depth = after;
      // findBlock looks at most MAX_BLOCK_LINES lines from the opening one. The oldest opening
      // line past it holds every other one still open: none of them is joined, and no line
      // until the oldest one's object closes is fixed on its own.
      const oldest = this.open[this.bottom];
      if (oldest && line - oldest.line + 1 >= MAX_BLOCK_LINES) {
        this.longBase = oldest.before;
        for (let i = this.queue.indexOf(oldest, this.head); i < this.queue.length; i++)
          this.queue[i]!.unjoined = true;
        this.settleAll();
      }
    }
    this.compact();
    this.drain();
  }

  /** The last line was pushed: undecided opening lines have no block. */
  end(): void {
    this.settleAll();
    this.drain();
    this.sink.end?.();
  }

  private settleAll(): void {
    for (let i = this.bottom; i < this.open.length; i++) this.open[i]!.end = -1;
    this.open = [];
    this.bottom = 0;
  }

  /** Hands on every line that is decided, in order. */
  private drain(): void {
    while (this.head < this.queue.length) {
      const first = this.queue[this.head]!;
      if (first.item.opensBlock && first.end === undefined) return;
      if (first.end === undefined || first.end < 0) {
        this.head++;
        this.sink.single(first.item, first.line, first.unjoined === true, false);
        continue;
      }
      const count = first.end - first.line + 1;
      const entries = this.queue.slice(this.head, this.head + count);
      this.head += count;
      const items = entries.map((e) => e.item);
      const block = joinBlock((n) => items[n - first.line]!.text, first.line, first.end);
      if (block) {
        this.sink.block(block, items);
      } else {
        // Brackets that match but do not parse: a broken request, whose inner objects are not
        // requests of their own, so none of its lines is tried again (this keeps the joins linear).
        for (const e of entries) this.sink.single(e.item, e.line, false, false);
      }
    }
    this.queue = [];
    this.head = 0;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (this.bottom > 1024 && this.bottom * 2 > this.open.length) {
      this.open = this.open.slice(this.bottom);
      this.bottom = 0;
    }
  }
}
