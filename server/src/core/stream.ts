// Checks a file as a stream of bytes, so a 200 MB batch is checked without holding it in memory:
// each line is decoded, checked and dropped; only the facts the cross-line rules need are kept.

import { closeSync, fstatSync, openSync } from 'node:fs';
import type { Problem } from './types';
import { atDefault } from './catalogue';
import { checkLine } from './line-check';
import type { LineResult } from './line-check';
import { LineTree } from './locate';
import { BatchTally } from './cross/tally';
import { blockProblem } from './syntax/blocks';
import { placeInBlock } from './syntax/content';
import { BlockFinder, fixableAlone, withoutFix } from './syntax/block-finder';
import { ArrayFrame, holdsRequest } from './syntax/array-frame';
import type { ArraySpan, FramedSink } from './syntax/array-frame';
import type { BlockItem } from './syntax/block-finder';
import { fixOffersOf } from './fixes';
import { LineReader } from './line-reader';
import { readChunks } from './read-chunks';
import { LineMemo } from './line-memo';
import { finalize, bomProblem, ruleContext } from './options';
import type { RuleContext } from './models/context';
import { ProblemCollector } from './problems';
import { readAhead } from './dialects/read-ahead';
import { ALLOCATED_ID_PREFIX, CustomIds } from './bare-body';
import { withCustomId } from './document';
import type { CheckOptions, CheckResult } from './options';

export interface StreamOptions extends CheckOptions {
  /** Called now and then with the bytes read so far and the total (0 when unknown). */
  onProgress?(bytesRead: number, totalBytes: number): void;
  /**
   * Fill each problem's `fixOffers` while its line is in hand. Off by default: it parses every
   * fixable line a second time, which only a report that lists fixes needs.
   */
  fixOffers?: boolean;
  /**
   * Takes the problems instead of the result (whose `problems` is then empty): each one, severity
   * settings applied, as soon as its line is complete, in position order but for the whole-file
   * problems only the end tells, which come last; at most `maxProblems`. A report can be written
   * while the file is read, in the memory of one line's problems.
   */
  onProblem?(problem: Problem): void;
  /**
   * Asked between two chunks of input: a promise returned is awaited before reading on (a report
   * written to a slow pipe holds the reading back instead of queueing in memory).
   */
  backpressure?(): Promise<void> | undefined;
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

/** With backpressure: how much is read between two questions whether to wait. */
const SLICE_BYTES = 1 << 12;

export async function checkStream(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: StreamOptions = {},
  totalBytes = 0,
): Promise<CheckResult> {
  const collector = new ProblemCollector(options, options.onProblem);
  // Without a chosen dialect, the first lines say which one lines of their family are read in.
  const ahead = options.dialect ? { source, readAs: undefined } : await readAhead(source);
  source = ahead.source;
  const checker = new StreamChecker(
    collector,
    options.fixOffers === true,
    ruleContext(options, ahead.readAs),
  );
  let binary = false;
  const reader = new LineReader(
    {
      line: (text, bytes) => checker.pushText(text, bytes),
      badLine: (raw) => checker.pushText(raw.toString('utf8'), raw.length + 1, true),
      bom: () => {
        const bom = bomProblem(options.dialect ?? ahead.readAs);
        if (options.fixOffers === true) bom.fixOffers = fixOffersOf(bom, () => '');
        collector.add(bom);
      },
      binary: () => {
        binary = true;
        collector.add(binaryProblem());
      },
    },
    { totalBytes },
  );
  let lastProgress = 0;
  for await (const piece of source) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (options.backpressure) {
      // In slices, so what one slice makes a report write stays small. Each slice ends just
      // after a newline, so a line is read from one slice (a line split between two would be
      // copied and decoded apart, which cost the CLI 15% of its time on the 50,000-line bench).
      let stop = false;
      for (let at = 0; at < bytes.length && !stop;) {
        const nl = bytes.indexOf(10, Math.min(at + SLICE_BYTES, bytes.length) - 1);
        const end = nl < 0 ? bytes.length : nl + 1;
        stop = !reader.feed(bytes.subarray(at, end));
        at = end;
        const wait = options.backpressure();
        if (wait) await wait;
      }
      if (stop) break;
    } else if (!reader.feed(bytes)) break;
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
  return finalize(collector, checker.tally.summary());
}

interface PendingLine extends BlockItem {
  bytes: number;
  result: LineResult;
}

/**
 * Checks line after line, holding only the lines a pretty-printed request may still span (the
 * block finder decides) and the problems the collector keeps.
 */
export class StreamChecker {
  readonly tally: BatchTally;
  /** The ids read so far, for the custom_ids the fixes of bare bodies propose. */
  readonly ids = new SeenIds();
  private line = 0;
  private readonly blocks: BlockFinder<PendingLine>;
  private readonly memo: LineMemo;

  constructor(
    private readonly collector: ProblemCollector,
    private readonly withFixOffers: boolean,
    private readonly context: RuleContext,
  ) {
    this.memo = new LineMemo(context);
    this.tally = new BatchTally((line, path) => {
      const span = new LineTree(this.textOf(line)).locate(path, 'value');
      return { column: span.start, endColumn: span.end };
    }, context);
    const sink: FramedSink<PendingLine> = {
      single: (entry, line, unjoined, array, loose) =>
        this.report(line, entry, unjoined, array, loose),
      block: (block, entries, fixable) => {
        entries.forEach((e, i) => this.inHand.set(block.startLine + i, e.text));
        const bytes = entries.reduce((sum, e) => sum + e.bytes, 0);
        const problem = blockProblem(block, this.textOf(block.endLine).length);
        this.emit(fixable ? problem : withoutFix(problem));
        const joined = checkLine(block.joined, this.context);
        const { facts } = joined;
        if (facts.customId !== undefined) this.ids.see(facts.customId);
        for (const p of this.tally.add(block.startLine, facts, bytes)) this.emit(p);
        // What the request holds, where it is written: joining it must uncover nothing new.
        for (const p of placeInBlock(joined.problems, block, (n) => this.textOf(n))) this.emit(p);
        this.inHand.clear();
      },
    };
    this.blocks = new BlockFinder<PendingLine>(new ArrayFrame(sink));
  }

  /** A line already decoded; `bytes` is its size in the file, line ending included. */
  pushText(line: string, bytes: number, invalidUtf8 = false): void {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    this.pushChecked(text, bytes, invalidUtf8 ? invalidUtf8Result(text) : this.memo.check(text));
  }

  /**
   * A line whose check is already done: `text` without its line ending (and without the "\r"
   * before it), `result` what checkLine gives for it in this checker's context.
   */
  pushChecked(text: string, bytes: number, result: LineResult): void {
    const request = holdsRequest(result.facts);
    this.blocks.push({ text, bytes, result, opensBlock: result.opensBlock, request });
    this.line++;
  }

  end(): void {
    this.blocks.end();
    for (const p of this.tally.finish(this.line)) this.collector.add(p);
  }

  /**
   * A line handed on alone. An edge of an array of requests (`array`) keeps its own fix, the
   * removal of its line: the editor's rewrite of the whole array (document.ts) needs every line
   * of it, which a stream no longer holds.
   */
  private report(
    line: number,
    entry: PendingLine,
    unjoined: boolean,
    array: ArraySpan | undefined,
    loose: boolean,
  ): void {
    this.current = { line, text: entry.text };
    const collector = this.collector;
    const { facts } = entry.result;
    if (facts.customId !== undefined) this.ids.see(facts.customId);
    const fixable = fixableAlone(unjoined, array !== undefined, entry.result, loose);
    for (const p of entry.result.problems) {
      const severity = collector.count(p.code, p.severity);
      if (severity && collector.wants(line, p.column, severity)) {
        const problem = fixable ? withCustomId(p, this.ids.allocator) : withoutFix(p);
        this.emit({ ...problem, severity, line, endLine: line }, true);
      }
    }
    for (const p of this.tally.add(line, entry.result.facts, entry.bytes)) this.emit(p);
    this.current = undefined;
  }

  /** Records a problem with the titles of its fixes, computed while its lines are still in hand. */
  private emit(problem: Problem, counted = false): void {
    if (!counted) {
      const severity = this.collector.count(problem.code, problem.severity);
      if (!severity || !this.collector.wants(problem.line, problem.column, severity)) return;
      problem.severity = severity;
    }
    if (this.withFixOffers && problem.fix)
      problem.fixOffers = fixOffersOf(problem, (n) => this.textOf(n));
    this.collector.keep(problem);
  }

  /** Lines whose text is still held: the one being reported, and those of a block. */
  private current: { line: number; text: string } | undefined;
  private readonly inHand = new Map<number, string>();

  private textOf(line: number): string {
    if (this.current?.line === line) return this.current.text;
    return this.inHand.get(line) ?? '';
  }
}

/**
 * The custom_ids a stream has read so far, and the allocator for bare bodies' ids. A stream
 * cannot see ahead: `ahead` holds the ids of later lines when the caller could read them first
 * (a file can be read twice, a pipe cannot); without it an id proposed here may still be used by
 * a later line.
 */
export class SeenIds {
  private readonly seen = new Set<string>();
  readonly allocator = new CustomIds((id) => this.seen.has(id) || this.ahead.has(id));

  constructor(private readonly ahead: ReadonlySet<string> = new Set()) {}

  /** Notes an id a line uses; only ids an allocator could hand out are kept (others never clash). */
  see(id: string): void {
    if (id.startsWith(ALLOCATED_ID_PREFIX)) this.seen.add(id);
  }
}

function invalidUtf8Result(text: string): LineResult {
  return {
    problems: [
      atDefault({
        code: 'invalid_utf8',
        message: 'This line is not valid UTF-8 text. Batch files must be UTF-8 encoded JSON.',
        column: 0,
        endColumn: text.length,
      }),
    ],
    facts: { isRequest: false, unreadable: true },
    opensBlock: false,
  };
}

function binaryProblem(): Problem {
  return atDefault({
    code: 'binary_file',
    message: 'This is not a text file (it contains NUL bytes): a batch file is UTF-8 JSONL text.',
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
  });
}
