// An open document as the core's incremental DocumentChecker, kept in the editor's coordinates.
// Two places where the core's view of a text and LSP's differ are reconciled here, once:
//  - LSP counts the empty "line" after a final newline; the core drops it. We give the checker
//    that empty line back so line numbers match 1:1, and hide the blank-line problem it causes.
//  - A UTF-8 byte order mark is character 0 of line 0 for LSP; the core strips it. Columns on
//    line 0 are shifted by one in both directions while the document starts with one.

import { DocumentChecker, looksLikeBatch } from '../core';
import type { CheckOptions, CheckResult, Problem, TextEdit } from '../core';

const BOM = '\uFEFF';
/** looksLikeBatch reads at most five non-blank lines; a few more cover blank ones in between. */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 4096;

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}
export interface ContentChange {
  range?: LspRange;
  text: string;
}

export class TextModel {
  private checker!: DocumentChecker;
  private bom = false;
  /** The last line is the empty one after a final newline (LSP's, not the core's). */
  private phantom = false;

  constructor(
    text: string,
    private options: CheckOptions,
  ) {
    this.reset(text);
  }

  get lineCount(): number {
    return this.checker.lineCount;
  }

  /** Lines that hold text: the empty line after a final newline is not one. */
  get contentLineCount(): number {
    return this.checker.lineCount - (this.phantom ? 1 : 0);
  }

  get hasBom(): boolean {
    return this.bom;
  }

  /** A line's text as the core sees it (no BOM, no line ending). */
  getLine(line: number): string {
    return this.checker.getLine(line);
  }

  /** The whole text (line endings normalised to "\n"). */
  getText(): string {
    const lines: string[] = [];
    for (let i = 0; i < this.checker.lineCount; i++) lines.push(this.checker.getLine(i));
    return (this.bom ? BOM : '') + lines.join('\n');
  }

  setOptions(options: CheckOptions): void {
    this.options = options;
    this.checker.setOptions(options);
  }

  /** Applies one LSP content change (ranged or full) without re-splitting the whole text. */
  apply(change: ContentChange): void {
    const range = change.range;
    if (!range) return this.reset(change.text);
    const { start, end } = range;
    const atStart = start.line === 0 && start.character === 0;
    // Edits that add, remove or move past the BOM are rare; take the simple exact path.
    if (atStart && (this.bom || change.text.startsWith(BOM))) return this.applyToText(change);
    const shift = (p: LspPosition): number =>
      Math.max(0, p.line === 0 && this.bom ? p.character - 1 : p.character);
    this.checker.applyChange(
      { line: start.line, column: shift(start), endLine: end.line, endColumn: shift(end) },
      change.text,
    );
    const last = this.checker.lineCount - 1;
    this.phantom = last > 0 && this.checker.getLine(last) === '';
  }

  /** Whether the first lines look like batch input (see the core's looksLikeBatch). */
  looksLikeBatch(): boolean {
    const sample: string[] = [];
    for (let i = 0; i < Math.min(SAMPLE_LINES, this.lineCount); i++) {
      sample.push(this.checker.getLine(i).slice(0, SAMPLE_CHARS));
    }
    return looksLikeBatch(sample.join('\n'));
  }

  /** Checks the changed lines again; problems come back in the editor's coordinates. */
  check(): CheckResult {
    const result = this.checker.check();
    const last = this.checker.lineCount - 1;
    const problems: Problem[] = [];
    const summary = { ...result.summary };
    // A brand-new empty file is not a mistake yet: no red squiggle before the first keystroke.
    const empty =
      this.checker.lineCount === 0 ||
      (this.checker.lineCount === 1 && this.checker.getLine(0) === '');
    for (const p of result.problems) {
      const hidden =
        (this.phantom && p.line === last && p.fix?.id === 'remove-line') ||
        (empty && p.code === 'empty_file');
      if (hidden) {
        if (p.severity === 'error') summary.errors--;
        else if (p.severity === 'warning') summary.warnings--;
        else summary.infos--;
        continue;
      }
      problems.push(this.toDocProblem(p));
    }
    // The phantom line is the final newline, which the core counted once already.
    if (this.phantom) summary.bytes = Math.max(0, summary.bytes - 1);
    return { problems, summary };
  }

  /** A problem in core coordinates → editor coordinates. */
  private toDocProblem(p: Problem): Problem {
    if (!this.bom) return p;
    if (p.fix?.id === 'remove-bom') return { ...p, column: 0, endLine: 0, endColumn: 1 };
    if (p.line !== 0 && p.endLine !== 0) return p;
    return {
      ...p,
      column: p.line === 0 ? p.column + 1 : p.column,
      endColumn: p.endLine === 0 ? p.endColumn + 1 : p.endColumn,
    };
  }

  /** A problem in editor coordinates → core coordinates (for the core's fixes). */
  toCoreProblem(p: Problem): Problem {
    if (!this.bom || (p.line !== 0 && p.endLine !== 0)) return p;
    return {
      ...p,
      column: p.line === 0 ? Math.max(0, p.column - 1) : p.column,
      endColumn: p.endLine === 0 ? Math.max(0, p.endColumn - 1) : p.endColumn,
    };
  }

  /** An edit from the core (core coordinates) → editor coordinates. */
  toDocEdit(edit: TextEdit): TextEdit {
    if (!this.bom) return edit;
    return {
      ...edit,
      column: edit.line === 0 ? edit.column + 1 : edit.column,
      endColumn: edit.endLine === 0 ? edit.endColumn + 1 : edit.endColumn,
    };
  }

  private reset(text: string): void {
    this.bom = text.startsWith(BOM);
    this.checker = new DocumentChecker(text, this.options);
    this.phantom = false;
    if (text.endsWith('\n') && text.length > (this.bom ? 1 : 0)) {
      const last = this.checker.lineCount - 1;
      const end = this.checker.getLine(last).length;
      this.checker.applyChange({ line: last, column: end, endLine: last, endColumn: end }, '\n');
      this.phantom = true;
    }
  }

  private applyToText(change: ContentChange): void {
    const text = this.getText();
    const offset = (p: LspPosition): number => {
      let at = 0;
      for (let i = 0; i < p.line && i < this.lineCount; i++) {
        at += this.checker.getLine(i).length + 1 + (i === 0 && this.bom ? 1 : 0);
      }
      const lineLength = this.checker.getLine(p.line).length + (p.line === 0 && this.bom ? 1 : 0);
      return Math.min(text.length, at + Math.min(p.character, lineLength));
    };
    const range = change.range!;
    const a = offset(range.start);
    const b = Math.max(a, offset(range.end));
    this.reset(text.slice(0, a) + change.text + text.slice(b));
  }
}
