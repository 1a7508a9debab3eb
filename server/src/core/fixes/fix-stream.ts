// `batchlint fix` as a stream: the same fixes as fixDocument (see fix-document.ts), byte for byte,
// but read, fixed and written line after line, so a 300 MB file is fixed in the memory of the
// lines a pretty-printed request may span, not in several copies of the file. Blank lines are
// removed and pretty-printed requests joined as the block finder settles them; every other line
// gets fixLine when its own check offers a fix; the fixed lines go straight on to the check
// that says what is left.

import { arrayItems } from '../array-line';
import { isUtf8 } from 'node:buffer';
import type { CheckOptions, CheckResult } from '../options';
import { finalize, ruleContext } from '../options';
import { readAhead } from '../dialects/read-ahead';
import type { RuleContext } from '../rules/rule';
import { checkLine } from '../line-check';
import type { LineResult } from '../line-check';
import { LineMemo } from '../line-memo';
import { ProblemCollector } from '../problems';
import { SeenIds, StreamChecker } from '../stream';
import { BlockFinder, fixableAlone } from '../syntax/block-finder';
import type { BlockItem } from '../syntax/block-finder';
import { ArrayFrame, holdsRequest } from '../syntax/array-frame';
import type { Block } from '../syntax/blocks';
import { fixLine } from './fix-line';
import { LineBytes } from '../line-bytes';

/** Where the fixed bytes go, in order. A promise returned is awaited (backpressure). */
export type FixSink = (piece: Buffer) => void | Promise<void>;

export interface StreamFixOutcome {
  applied: number;
  /** The check of the fixed file, as `batchlint check` would report it. */
  after: CheckResult;
}

/** The input holds a NUL byte: it is not text. Nothing after it was written. */
export class BinaryInputError extends Error {}

/** A line read; its `text` is what the checker sees: decoded (bad bytes as U+FFFD), no last "\r". */
interface Line extends BlockItem {
  /** The bytes as read, without the line ending. */
  raw: Buffer;
  /** The decoded bytes; undefined when they are not UTF-8 (never fixed, copied as they were). */
  own: string | undefined;
  result: LineResult;
  eol: Buffer;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NO_BYTES = Buffer.alloc(0);
const ENDINGS = new Map(['\n', '\r\n', '\r', ''].map((e) => [e, Buffer.from(e, 'latin1')]));
/**
 * Fixed bytes are handed to the sink in pieces of about this size; a line this long or longer
 * goes on its own, as it was read (a 100 MB line is not copied into a piece).
 */
const PIECE_BYTES = 1 << 16;

/**
 * Fixes the bytes of `source` into `sink`. Throws BinaryInputError at the first chunk holding a
 * NUL byte (the caller discards what was written). Same output as fixDocument on the whole input.
 * No chunk of `source` is kept once the next is asked for (a source may reuse one buffer).
 */
export async function fixStream(
  source: AsyncIterable<Buffer> | Iterable<Buffer>,
  sink: FixSink,
  options: CheckOptions & {
    /** custom_ids of the whole input, read beforehand: wrapped bodies' new ids avoid them. */
    idsAhead?: ReadonlySet<string>;
    /** The input's size in bytes, when known: a long line's buffer is then allocated once. */
    totalBytes?: number;
  } = {},
): Promise<StreamFixOutcome> {
  const ahead = options.dialect ? { source, readAs: undefined } : await readAhead(source);
  const fixer = new StreamFixer(
    sink,
    ruleContext(options, ahead.readAs),
    options.idsAhead,
    options.totalBytes,
  );
  for await (const chunk of ahead.source) {
    if (chunk.includes(0)) throw new BinaryInputError('the input holds NUL bytes');
    await fixer.feed(chunk);
  }
  return fixer.end();
}

class StreamFixer {
  private applied = 0;
  /** The first bytes, held until there are three (a byte order mark is dropped: a fix). */
  private head: Buffer | undefined = NO_BYTES;
  /** The start of the line the next chunk continues, copied (chunks are not kept). */
  private readonly partial: LineBytes;
  private bytesFed = 0;
  private lines = 0;
  private readonly memo: LineMemo;
  private readonly blocks: BlockFinder<Line>;
  private readonly collector = new ProblemCollector({});
  private readonly after: StreamChecker;
  /** The ids read so far, for the custom_ids of wrapped bare bodies (as the check proposes them). */
  private readonly ids: SeenIds;
  private out: Buffer[] = [];
  private outBytes = 0;
  private waiting: Promise<void> | undefined;

  constructor(
    private readonly sink: FixSink,
    private readonly context: RuleContext,
    idsAhead?: ReadonlySet<string>,
    totalBytes?: number,
  ) {
    this.partial = new LineBytes(() =>
      totalBytes !== undefined && totalBytes > 0
        ? Math.max(0, totalBytes - this.bytesFed)
        : Infinity,
    );
    this.ids = new SeenIds(idsAhead);
    this.memo = new LineMemo(context);
    this.after = new StreamChecker(this.collector, false, context);
    this.blocks = new BlockFinder<Line>(
      new ArrayFrame({
        single: (line, _n, unjoined, array, loose) =>
          this.single(line, fixableAlone(unjoined, array !== undefined, line.result, loose)),
        block: (block, lines, fixable) => this.block(block, lines, fixable),
      }),
    );
  }

  async feed(chunk: Buffer): Promise<void> {
    this.bytesFed += chunk.length;
    let bytes = chunk;
    if (this.head) {
      bytes = Buffer.concat([this.head, chunk]);
      if (bytes.length < 3) {
        this.head = bytes;
        return;
      }
      this.head = undefined;
      if (bytes.subarray(0, 3).equals(BOM)) {
        this.applied++;
        bytes = bytes.subarray(3);
      }
    }
    this.split(bytes);
    await this.flush(false);
  }

  async end(): Promise<StreamFixOutcome> {
    if (this.head) this.split(this.head);
    this.head = undefined;
    const rest = this.partial.take();
    // A lone "\r" after the final newline ends the line before; it is not a line of its own.
    const trailer = rest.length === 1 && rest[0] === 13 && this.lines > 0;
    if (!trailer && rest.length > 0) this.line(rest, false);
    this.blocks.end();
    this.after.end();
    if (trailer) this.emit(rest);
    await this.flush(true);
    return { applied: this.applied, after: finalize(this.collector, this.after.tally.summary()) };
  }

  private split(bytes: Buffer): void {
    let start = 0;
    for (let nl = bytes.indexOf(10); nl >= 0; nl = bytes.indexOf(10, start)) {
      // A line is kept until written (a block's lines longer): copied, as the chunk is not ours.
      let rest = bytes.subarray(start, nl);
      if (this.partial.length > 0) {
        this.partial.append(rest);
        rest = this.partial.take();
      } else rest = Buffer.from(rest);
      this.line(rest, true);
      start = nl + 1;
    }
    this.partial.append(bytes.subarray(start));
  }

  /** One line as read: `rest` is its bytes up to the "\n" (or the end of the input). */
  private line(rest: Buffer, ended: boolean): void {
    this.lines++;
    const cr = rest.length > 0 && rest[rest.length - 1] === 13;
    const raw = cr ? rest.subarray(0, -1) : rest;
    const own = isUtf8(raw) ? raw.toString('utf8') : undefined;
    const decoded = own ?? raw.toString('utf8');
    const text = decoded.endsWith('\r') ? decoded.slice(0, -1) : decoded;
    const result = this.memo.check(text);
    const eol = ENDINGS.get((cr ? '\r' : '') + (ended ? '\n' : ''))!;
    const request = holdsRequest(result.facts);
    this.blocks.push({ text, raw, own, opensBlock: result.opensBlock, request, result, eol });
  }

  /**
   * A line on its own: removed when blank, fixed when its check offers a fix, else copied. A line
   * not `fixable` alone (see fixableAlone) is copied as it was.
   */
  private single(line: Line, fixable: boolean): void {
    if (line.result.facts.customId !== undefined) this.ids.see(line.result.facts.customId);
    if (!fixable) {
      this.copy(line);
      return;
    }
    if (line.result.problems.some((p) => p.fix?.id === 'remove-line')) {
      this.applied++;
      return;
    }
    const items = line.result.problems.some((p) => p.fix?.id === 'split-array')
      ? arrayItems(line.own ?? '')
      : undefined;
    if (items) {
      // One line per request, each then fixed on its own; the last keeps the line's ending.
      this.applied++;
      items.forEach((text, i) => {
        const eol = i < items.length - 1 && line.eol.length === 0 ? ENDINGS.get('\n')! : line.eol;
        const result = checkLine(text, this.context);
        this.write({ ...line, text, own: text, raw: NO_BYTES, result, eol });
      });
      return;
    }
    this.write(line);
  }

  /**
   * A pretty-printed request: joined into one line when every line of it is UTF-8 and it is
   * `fixable` (not when the join would drop the comma of an array that is not one of requests).
   */
  private block(block: Block, lines: readonly Line[], fixable: boolean): void {
    if (!fixable || lines.some((l) => l.own === undefined)) {
      // Not joined, and its lines are not requests of their own: copied as they were.
      for (const l of lines) this.keep(l.raw, l.eol, l.own === undefined);
      return;
    }
    this.applied++;
    const last = lines[lines.length - 1]!;
    const joined = block.joined;
    const result = checkLine(joined, this.context);
    if (result.facts.customId !== undefined) this.ids.see(result.facts.customId);
    this.write({ ...last, text: joined, own: joined, raw: NO_BYTES, result });
  }

  /** Writes a line after the fixes of its own (or copies it when it has none). */
  private write(line: Line): void {
    if (line.own !== undefined && line.result.problems.some((p) => p.fix)) {
      const bare = line.result.facts.bareBody === true;
      const fixed = fixLine(
        line.own,
        this.context,
        bare ? this.ids.allocator.allocate() : undefined,
      );
      if (fixed.applied > 0 && fixed.text !== line.own) {
        this.applied += fixed.applied;
        this.keep(Buffer.from(fixed.text, 'utf8'), line.eol, false);
        return;
      }
    }
    this.copy(line);
  }

  /** Writes a line as it came (a joined block's text, or the bytes as read). */
  private copy(line: Line): void {
    const raw = line.raw === NO_BYTES ? Buffer.from(line.own!, 'utf8') : line.raw;
    // A line copied as it was checked (its text is all of it) is not decoded and checked again.
    const same =
      line.raw !== NO_BYTES && line.own !== undefined && line.own.length === line.text.length;
    this.keep(raw, line.eol, line.own === undefined, same ? line : undefined);
  }

  /**
   * Hands a line of the fixed file to the output and to the check of what is left; `checked`
   * is the line itself when its text and check are those of `raw` already.
   */
  private keep(raw: Buffer, eol: Buffer, invalidUtf8: boolean, checked?: Line): void {
    this.emit(raw);
    if (eol.length > 0) this.emit(eol);
    // As `batchlint check` reads it: a "\r" before the "\n" is the line reader's to drop.
    const cr = eol[0] === 13 ? 1 : 0;
    if (checked) this.after.pushChecked(checked.text, raw.length + cr + 1, checked.result);
    else
      this.after.pushText(
        raw.toString('utf8') + (cr ? '\r' : ''),
        raw.length + cr + 1,
        invalidUtf8,
      );
  }

  private emit(bytes: Buffer): void {
    this.out.push(bytes);
    this.outBytes += bytes.length;
  }

  private async flush(all: boolean): Promise<void> {
    if (this.outBytes > 0 && (all || this.outBytes >= PIECE_BYTES)) {
      const pieces = coalesce(this.out);
      this.out = [];
      this.outBytes = 0;
      for (const piece of pieces) {
        if (this.waiting) await this.waiting;
        this.waiting = this.sink(piece) ?? undefined;
      }
    }
    if (all && this.waiting) await this.waiting;
  }
}

/**
 * The bytes to write, in order: runs of short pieces joined into one (one write each), pieces of
 * PIECE_BYTES or more as they are (a long line is written from the bytes it was read into).
 */
export function coalesce(pieces: readonly Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  let run: Buffer[] = [];
  const close = (): void => {
    if (run.length > 0) out.push(run.length === 1 ? run[0]! : Buffer.concat(run));
    run = [];
  };
  for (const piece of pieces) {
    if (piece.length < PIECE_BYTES) run.push(piece);
    else {
      close();
      out.push(piece);
    }
  }
  close();
  return out;
}
