// An open document, checked incrementally: per-line results are cached and only lines an edit
// touched are checked again; rules across lines are recomputed from the cached per-line facts.

import type { FixRef } from './types';
import { ALLOCATED_ID_PREFIX, CustomIds } from './bare-body';
import { utf8Length } from './bytes';
import { spliceLarge, splitLines } from './lines';
import { checkLine } from './line-check';
import type { LineResult } from './line-check';
import { LineTree } from './locate';
import { TextMemo } from './line-memo';
import { BatchTally } from './cross/tally';
import { blockProblem } from './syntax/blocks';
import { placeInBlock } from './syntax/content';
import { BlockFinder, fixableAlone, lineShape, withoutFix } from './syntax/block-finder';
import type { BlockItem } from './syntax/block-finder';
import { ArrayFrame, edgeProblem, holdsRequest } from './syntax/array-frame';
import type { LineShape } from './syntax/block-finder';
import { finalize, bomProblem, ruleContext } from './options';
import type { RuleContext } from './models/context';
import { ProblemCollector } from './problems';
import type { DialectId } from './dialects/table';
import { DETECT_LINES, DialectVote } from './dialects/detect';
import type { CheckOptions, CheckResult } from './options';

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What a line's text alone decides; identical short lines share one (see line-memo.ts). */
interface CachedLine {
  /** The text it was made from: identical lines can share this one string. */
  text: string;
  result: LineResult;
  bytes: number;
  /** The line's brackets, read the first time a block search passes through it. */
  shape?: LineShape;
}

interface DocumentLine extends BlockItem {
  cached: CachedLine;
}

export class DocumentChecker {
  private lines: string[];
  private cache: (CachedLine | undefined)[];
  private bom: boolean;
  private options: CheckOptions;
  private blocks = new Map<string, LineResult>();
  private blocksSeen = new Map<string, LineResult>();
  private memo: TextMemo<CachedLine>;
  private context: RuleContext;
  /** The dialect the first lines show, when the options choose none (see detectDialect). */
  private readAs: DialectId | undefined;

  /** `emptyLastLine`: one more, empty line after the text's (an editor's line after a final line end). */
  constructor(text: string, options: CheckOptions = {}, emptyLastLine = false) {
    const split = splitLines(text);
    this.lines = split.lines;
    if (emptyLastLine) this.lines.push('');
    this.bom = split.bom;
    this.cache = new Array<CachedLine | undefined>(this.lines.length);
    this.options = options;
    this.context = ruleContext(options);
    this.memo = this.lineMemo();
  }

  get lineCount(): number {
    return this.lines.length;
  }

  getLine(line: number): string {
    return this.lines[line] ?? '';
  }

  getText(): string {
    return this.lines.join('\n');
  }

  setOptions(options: CheckOptions): void {
    // Another model table or dialect can change any line's findings: check every line again.
    if (options.models !== this.options.models || options.dialect !== this.options.dialect) {
      this.options = options;
      this.readAs = undefined;
      this.resetLines();
    }
    this.options = options;
  }

  private resetLines(): void {
    this.cache = new Array<CachedLine | undefined>(this.lines.length);
    this.blocks = new Map();
    this.memo = this.lineMemo(ruleContext(this.options, this.readAs));
  }

  /**
   * Without a chosen dialect, the one the first lines show (their shapes are in the cached
   * facts, which do not depend on the dialect lines are read in): when it changes, every line
   * is read again in it.
   */
  private detectDialect(): void {
    if (this.options.dialect) return;
    const vote = new DialectVote();
    for (let line = 0; line < this.lines.length && vote.voters < DETECT_LINES; line++) {
      const shape = this.lineResult(line).result.facts.dialect;
      if (shape) vote.add(shape);
    }
    const detected = vote.voters > 0 ? vote.dialect() : undefined;
    if (detected !== this.readAs) {
      this.readAs = detected;
      this.resetLines();
    }
  }

  /** Applies an LSP-style content change; without a range the whole text is replaced. */
  applyChange(range: Range | undefined, text: string): void {
    if (!range) {
      const split = splitLines(text);
      this.lines = split.lines;
      this.bom = split.bom;
      this.cache = new Array<CachedLine | undefined>(this.lines.length);
      return;
    }
    const startLine = clamp(range.line, 0, this.lines.length - 1);
    const endLine = clamp(range.endLine, startLine, this.lines.length - 1);
    const head = this.getLine(startLine).slice(0, range.column);
    const tail = this.getLine(endLine).slice(range.endColumn);
    const replaced = (head + text + tail)
      .split('\n')
      .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const count = endLine - startLine + 1;
    spliceLarge(this.lines, startLine, count, replaced);
    spliceLarge(this.cache, startLine, count, new Array<CachedLine | undefined>(replaced.length));
  }

  check(): CheckResult {
    this.blocksSeen = new Map();
    const collector = new ProblemCollector(this.options);
    const trees = new Map<number, LineTree>();
    this.detectDialect();
    // The date moves on while a document stays open; the model table only with the options.
    this.context = ruleContext(this.options, this.readAs);
    let fileIds: Set<string> | undefined;
    const idsInFile = (): ReadonlySet<string> => (fileIds ??= this.idsOfLines());
    const tally = new BatchTally(
      (line, path) => {
        let tree = trees.get(line);
        if (!tree) trees.set(line, (tree = new LineTree(this.getLine(line))));
        const span = tree.locate(path, 'value');
        return { column: span.start, endColumn: span.end };
      },
      { ...this.context, idsInFile },
    );
    if (this.bom) collector.add(bomProblem(this.options.dialect ?? this.readAs));
    const ids = this.customIds();
    const finder = new BlockFinder<DocumentLine>(
      new ArrayFrame({
        single: ({ cached }, line, unjoined, array, loose) => {
          const fixable = fixableAlone(unjoined, array !== undefined, cached.result, loose);
          for (const p of cached.result.problems) {
            const severity = collector.count(p.code, p.severity);
            if (severity && collector.wants(line, p.column, severity)) {
              const problem = !fixable
                ? withoutFix(p)
                : array
                  ? edgeProblem(p, array)
                  : withCustomId(p, ids);
              collector.keep({ ...problem, severity, line, endLine: line });
            }
          }
          collector.addAll(tally.add(line, cached.result.facts, cached.bytes));
        },
        block: (block, lines, fixable) => {
          const problem = blockProblem(block, this.getLine(block.endLine).length);
          collector.add(fixable ? problem : withoutFix(problem));
          const bytes = lines.reduce((sum, l) => sum + l.cached.bytes, 0);
          const joined = this.blockResult(block.joined);
          collector.addAll(tally.add(block.startLine, joined.facts, bytes));
          // What the request holds, where it is written: joining it must uncover nothing new.
          collector.addAll(placeInBlock(joined.problems, block, (n) => this.getLine(n)));
        },
      }),
      ({ cached, text }) => (cached.shape ??= lineShape(text)),
    );
    for (let line = 0; line < this.lines.length; line++) {
      const cached = this.lineResult(line);
      const { opensBlock, facts } = cached.result;
      finder.push({ text: this.lines[line]!, opensBlock, request: holdsRequest(facts), cached });
    }
    finder.end();
    collector.addAll(tally.finish(this.lines.length));
    this.blocks = this.blocksSeen;
    return finalize(collector, tally.summary());
  }

  /** The custom_ids of the document's lines (not of requests pretty-printed over several). */
  private idsOfLines(): Set<string> {
    const ids = new Set<string>();
    for (let line = 0; line < this.lines.length; line++) {
      const id = this.lineResult(line).result.facts.customId;
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }

  /**
   * Ids for the bare request bodies of the document (see bare-body.ts), none of them used by any
   * line of it; undefined when it has none.
   */
  private customIds(): CustomIds | undefined {
    let bare = false;
    for (let line = 0; line < this.lines.length && !bare; line++) {
      bare = this.lineResult(line).result.facts.bareBody === true;
    }
    if (!bare) return undefined;
    // Only ids of the allocator's form can clash with the ones it hands out.
    const taken = new Set<string>();
    for (let line = 0; line < this.lines.length; line++) {
      const id = this.lineResult(line).result.facts.customId;
      if (id !== undefined && id.startsWith(ALLOCATED_ID_PREFIX)) taken.add(id);
    }
    return new CustomIds((id) => taken.has(id));
  }

  /**
   * The check of a pretty-printed request, by its joined text: a keystroke elsewhere must not
   * re-check every block. Only blocks seen in the last check are kept.
   */
  private blockResult(joined: string): LineResult {
    let result = this.blocks.get(joined);
    if (!result) this.blocks.set(joined, (result = checkLine(joined, this.context)));
    this.blocksSeen.set(joined, result);
    return result;
  }

  private lineResult(line: number): CachedLine {
    let cached = this.cache[line];
    if (!cached) {
      cached = this.memo.get(this.lines[line]!);
      // Equal text, one string: a document of a million "{}" lines keeps one (and one entry).
      this.lines[line] = cached.text;
      this.cache[line] = cached;
    }
    return cached;
  }

  /** Line checks in `context` (this document's by default), shared by identical short lines. */
  private lineMemo(context: RuleContext = this.context): TextMemo<CachedLine> {
    // +1 for the "\n" (the last line's missing newline is not worth a special case).
    return new TextMemo((text) => ({
      text,
      result: checkLine(text, context),
      bytes: utf8Length(text) + 1,
    }));
  }
}

/** A bare body's wrap fix with the custom_id it is given (the cached problem stays as it was). */
export function withCustomId<T extends { fix?: FixRef }>(
  problem: T,
  ids: CustomIds | undefined,
): T {
  if (!ids || problem.fix?.id !== 'wrap-envelope') return problem;
  return { ...problem, fix: { ...problem.fix, customId: ids.allocate() } };
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
