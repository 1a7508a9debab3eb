// A file that is one JSON array of requests, written over many lines (json.dump of a list with
// indent): its first line "[" and its last line "]" hold no request, and removing them (with the
// requests joined, each without its comma) leaves JSONL. Whether a bracket line is such an edge
// is known only once the array is read to its end: a "[" or "]" on a line of its own is just as
// often part of a request (an embeddings input of token arrays), which must never lose it. So the
// lines from a "[" outside every object on are held until a "]" comes, outside every object too,
// and only if every
// piece between is a request (or blank) are the two brackets edges. Anything else between, an
// array too large to hold, or the end of the input first, and the lines go on as they are.

import type { Block } from './blocks';
import type { BlockItem, BlockSink } from './block-finder';
import type { FixRef, LineFacts } from '../types';

/** The lines of a JSON array of requests, from its "[" line to its "]" line (0-based). */
export interface ArraySpan {
  startLine: number;
  endLine: number;
}

/**
 * Receives the lines as a BlockFinder's sink does. `array` is set for the "[" and "]" lines of a
 * JSON array of requests (the array they bound), which a fix may remove. `loose` is true for a
 * line of an array that is not one of requests only (or not read to its end): no fix may remove
 * its comma or bracket. A block is `fixable` unless joining it would drop such a comma.
 */
export interface FramedSink<T> {
  single(
    item: T,
    line: number,
    unjoined: boolean,
    array: ArraySpan | undefined,
    loose: boolean,
  ): void;
  block(block: Block, items: readonly T[], fixable: boolean): void;
}

/**
 * Whether a line's facts are a request's: an envelope's keys, or a request body's model. A line
 * such as `{}` or `{"role": "user"}` is checked as a request missing its keys, but is no item of
 * an array of requests.
 */
export function holdsRequest(facts: LineFacts): boolean {
  return (
    facts.isRequest &&
    (facts.customId !== undefined ||
      facts.dialect !== undefined ||
      facts.url !== undefined ||
      facts.model !== undefined ||
      facts.bareBody === true)
  );
}

/**
 * A problem of an array's edge line (see FramedSink), its fix made the whole array's rewrite:
 * removing one bracket alone would leave the requests as pieces of no array.
 */
export function edgeProblem<P extends { fix?: FixRef }>(problem: P, array: ArraySpan): P {
  if (problem.fix?.id !== 'remove-line') return problem;
  return { ...problem, fix: { id: 'array-to-jsonl', ...array } };
}

/** Characters of lines held at most while an array is read (about 64 MB of text). */
const MAX_HELD_CHARS = 1 << 25;

type Piece<T> = { item: T; line: number } | { block: Block; items: readonly T[] };

interface Held<T> {
  open: { item: T; line: number };
  pieces: Piece<T>[];
  chars: number;
  requests: number;
}

/** A BlockFinder sink that tells the edges of a JSON array of requests (see the top). */
export class ArrayFrame<T extends BlockItem> implements BlockSink<T> {
  private held: Held<T> | undefined;
  /**
   * What came before is requests only (or nothing): a "[" now may open an array of them. After
   * any other line, a "[" is a piece of something else (the inner array of a list of lists).
   */
  private between = true;
  /**
   * Inside an array that is not one of requests only (from its "[" to the next "]" outside every
   * object): the commas and brackets of its requests stay.
   */
  private loose = false;

  constructor(private readonly sink: FramedSink<T>) {}

  single(item: T, line: number, unjoined: boolean, topLevel: boolean): void {
    const text = item.text.trim();
    if (this.held) {
      if (topLevel && text === ']') return this.close(item, line);
      if (!unjoined && (text === '' || item.request === true)) return this.hold(item, line);
      this.release(undefined);
      this.between = false;
    } else if (topLevel && text === '[' && this.between && !this.loose) {
      this.held = { open: { item, line }, pieces: [], chars: 0, requests: 0 };
      return;
    }
    this.sink.single(item, line, unjoined, undefined, this.loose);
    if (topLevel && text === ']') this.loose = false;
    if (text !== '') this.between = item.request === true;
  }

  block(block: Block, items: readonly T[]): void {
    if (this.held && block.request) {
      for (const item of items) this.held.chars += item.text.length;
      this.held.requests++;
      this.held.pieces.push({ block, items });
      if (this.held.chars > MAX_HELD_CHARS) this.release(undefined);
      return;
    }
    this.release(undefined);
    this.between = block.request;
    this.handOn(block, items);
  }

  /** The input ended: an array still open has no edges. */
  end(): void {
    this.release(undefined);
  }

  private hold(item: T, line: number): void {
    const held = this.held!;
    held.pieces.push({ item, line });
    held.chars += item.text.length;
    if (item.request === true) held.requests++;
    if (held.chars > MAX_HELD_CHARS) this.release(undefined);
  }

  private close(item: T, line: number): void {
    const held = this.held!;
    const array = held.requests > 0 ? { startLine: held.open.line, endLine: line } : undefined;
    this.release(array);
    this.loose = false;
    this.between = array !== undefined;
    this.sink.single(item, line, false, array, false);
  }

  /**
   * Hands on the held lines in order, the opening "[" first: as the pieces of the array of
   * requests `array`, or (undefined) of an array that is not one, whose rest is then loose too.
   */
  private release(array: ArraySpan | undefined): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    this.loose = array === undefined;
    this.sink.single(held.open.item, held.open.line, false, array, false);
    for (const piece of held.pieces) {
      if ('block' in piece && array) this.sink.block(piece.block, piece.items, true);
      else if ('block' in piece) this.handOn(piece.block, piece.items);
      else this.sink.single(piece.item, piece.line, false, undefined, this.loose);
    }
  }

  /**
   * A block outside an array of requests: one that parses only without an array's comma or
   * bracket after it is a piece of an array that is not one of requests only (or not read as
   * one), and joining it would drop that comma; reported, not fixed.
   */
  private handOn(block: Block, items: readonly T[]): void {
    this.sink.block(block, items, !block.repairs.includes('array-punctuation'));
  }
}
