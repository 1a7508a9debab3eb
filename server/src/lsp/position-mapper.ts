// Positions between the editor (LSP) and the core, for one document. Every handler converts
// through the document's mapper; none shifts columns itself. Two things differ:
//  - LSP ends a line at "\n", "\r\n" or a lone "\r"; the core, like every JSONL reader, only at
//    "\n" (a "\r" before it is part of the ending). A lone "\r" stays inside the core's line, so
//    one core line may be several editor lines. Every "\r" left in a core line is such a break.
//  - A UTF-8 byte order mark is character 0 of editor line 0; the core strips it.
// Editor positions are clamped into the document as LSP asks (a line past the end means the
// end of the document, a character past the line's end means the line's end), and ranges are
// normalised so that start comes first.

/** A position as LSP counts it: 0-based line, UTF-16 character. */
export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
/** A position in the core's lines: 0-based line, UTF-16 column in that line's text. */
export interface CorePosition {
  line: number;
  column: number;
}
/** A span in the core's lines (the core's Range, TextEdit and Problem share these fields). */
export interface CoreSpan {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The lines a mapper reads (the core's document). */
export interface LineSource {
  readonly lineCount: number;
  getLine(line: number): string;
}

const CR = '\r';

/** Positions of every "\r" in a text (each one ends an editor line). */
function crOffsets(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(CR); i >= 0; i = text.indexOf(CR, i + 1)) out.push(i);
  return out;
}

export class PositionMapper {
  /** For each core line holding a lone "\r" (ascending): the editor line it starts on. */
  private readonly starts: number[];

  /**
   * @param lines the core's lines
   * @param bom whether the editor's text starts with U+FEFF
   * @param crLines the core lines whose text holds a "\r", ascending (usually none)
   */
  constructor(
    private readonly lines: LineSource,
    private readonly bom: boolean,
    private readonly crLines: readonly number[],
  ) {
    let extra = 0;
    this.starts = crLines.map((line) => {
      const start = line + extra;
      extra += crOffsets(lines.getLine(line)).length;
      return start;
    });
    this.editorLineCount = Math.max(1, lines.lineCount + extra);
  }

  /** How many lines the editor sees (at least one, as LSP counts an empty text). */
  readonly editorLineCount: number;

  /** Whether editor and core lines are the same lines (no lone "\r"). */
  get sameLines(): boolean {
    return this.crLines.length === 0;
  }

  /** An editor position as a core position, clamped into the document. */
  toCore(p: LspPosition): CorePosition {
    const count = this.lines.lineCount;
    if (count === 0) return { line: 0, column: 0 };
    if (p.line >= this.editorLineCount) {
      const line = count - 1;
      return { line, column: this.lines.getLine(line).length };
    }
    const { line, sub } = this.coreLineOf(Math.max(0, p.line));
    const text = this.lines.getLine(line);
    let from = 0;
    let to = text.length;
    if (sub > 0 || this.crLines.length > 0) {
      const crs = this.isCrLine(line) ? crOffsets(text) : [];
      from = sub > 0 ? crs[sub - 1]! + 1 : 0;
      to = sub < crs.length ? crs[sub]! : text.length;
    }
    // Editor line 0 starts with the BOM, which is not in the core's text.
    const shift = line === 0 && sub === 0 && this.bom ? 1 : 0;
    const column = from + Math.min(Math.max(0, p.character - shift), to - from);
    return { line, column };
  }

  /** A core position as an editor position. */
  toEditor(line: number, column: number): LspPosition {
    const at = this.indexOfCrLine(line);
    const base = at >= 0 ? this.starts[at]! : line + this.extraBefore(line);
    if (at >= 0) {
      const crs = crOffsets(this.lines.getLine(line));
      let sub = 0;
      while (sub < crs.length && crs[sub]! < column) sub++;
      if (sub > 0) return { line: base + sub, character: column - crs[sub - 1]! - 1 };
    }
    return { line: base, character: line === 0 && this.bom ? column + 1 : column };
  }

  /** An editor range as a core span: clamped, start before end. */
  toCoreSpan(range: LspRange): CoreSpan {
    let a = this.toCore(range.start);
    let b = this.toCore(range.end);
    if (b.line < a.line || (b.line === a.line && b.column < a.column)) [a, b] = [b, a];
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** A core span as an editor range. */
  toEditorRange(span: CoreSpan): LspRange {
    return {
      start: this.toEditor(span.line, span.column),
      end: this.toEditor(span.endLine, span.endColumn),
    };
  }

  /** A span of core coordinates (a problem, an edit) in editor coordinates, other fields kept. */
  spanToEditor<T extends CoreSpan>(span: T): T {
    if (this.sameLines && !this.bom) return span;
    const { start, end } = this.toEditorRange(span);
    return {
      ...span,
      line: start.line,
      column: start.character,
      endLine: end.line,
      endColumn: end.character,
    };
  }

  /** A span in editor coordinates (a diagnostic's) back in core coordinates, other fields kept. */
  spanToCore<T extends CoreSpan>(span: T): T {
    if (this.sameLines && !this.bom) return span;
    const core = this.toCoreSpan({
      start: { line: span.line, character: span.column },
      end: { line: span.endLine, character: span.endColumn },
    });
    return { ...span, ...core };
  }

  /** The core line an editor line belongs to (clamped into the document). */
  coreLine(editorLine: number): number {
    return this.toCore({ line: editorLine, character: 0 }).line;
  }

  private isCrLine(line: number): boolean {
    return this.indexOfCrLine(line) >= 0;
  }

  /** Index of `line` in crLines, or -1 (binary search). */
  private indexOfCrLine(line: number): number {
    let lo = 0;
    let hi = this.crLines.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.crLines[mid]!;
      if (v === line) return mid;
      if (v < line) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Editor lines added by lone "\r"s in core lines before `line`. */
  private extraBefore(line: number): number {
    // The last cr line before `line`: its start plus its own breaks, minus its core index.
    let lo = 0;
    let hi = this.crLines.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.crLines[mid]! < line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return 0;
    const crLine = this.crLines[found]!;
    const breaks = crOffsets(this.lines.getLine(crLine)).length;
    return this.starts[found]! + breaks - crLine;
  }

  /** The core line and the sub-line (0 = its first editor line) of an editor line. */
  private coreLineOf(editorLine: number): { line: number; sub: number } {
    if (this.crLines.length === 0) return { line: editorLine, sub: 0 };
    // The last cr line that starts at or before the editor line.
    let lo = 0;
    let hi = this.crLines.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= editorLine) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return { line: editorLine, sub: 0 };
    const crLine = this.crLines[found]!;
    const start = this.starts[found]!;
    const breaks = crOffsets(this.lines.getLine(crLine)).length;
    if (editorLine <= start + breaks) return { line: crLine, sub: editorLine - start };
    return { line: crLine + (editorLine - start - breaks), sub: 0 };
  }
}
