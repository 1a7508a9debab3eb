// An open document as the core's incremental DocumentChecker, kept in the editor's coordinates.
// Where the core's view of a text and LSP's differ is reconciled here, once:
//  - LSP counts the empty "line" after a final newline; the core drops it. We give the checker
//    that empty line back so line numbers match 1:1, and hide the blank-line problem it causes.
//  - Columns and lines between the two (a BOM, lone "\r" line ends) go through the document's
//    PositionMapper, which every handler uses.
// Most edits are applied to the changed lines only. Edits that touch the BOM, insert a "\r"
// that is not part of "\r\n", or land in a document that holds a lone "\r" are applied to the
// whole text by LSP's own rules (vscode-languageserver-textdocument) and the lines re-split.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentChecker, looksLikeBatch, spliceLarge } from '../core';
import type { CheckOptions, CheckResult, Problem } from '../core';
import { PositionMapper } from './position-mapper';
import type { LspPosition, LspRange } from './position-mapper';

export type { LspPosition, LspRange };

const BOM = '\uFEFF';
/** looksLikeBatch reads at most five non-blank lines; a few more cover blank ones in between. */
const SAMPLE_LINES = 20;
const SAMPLE_CHARS = 4096;

export interface ContentChange {
  range?: LspRange;
  text: string;
}

export class TextModel {
  private checker!: DocumentChecker;
  private bom = false;
  /** The last line is the empty one after a final newline (LSP's, not the core's). */
  private phantom = false;
  /** Core lines holding a lone "\r" (an editor line end inside a JSONL line), ascending. */
  private crLines: number[] = [];
  /**
   * Each core line's own line end: "\n", "\r\n", "\r" (a lone one, only before the phantom
   * line) or "" (the last line). The core drops them; the exact path needs them back.
   */
  private endings: string[] = [];
  private positions!: PositionMapper;

  constructor(
    text: string,
    private options: CheckOptions,
  ) {
    this.reset(text);
  }

  /** The document's one position mapper (rebuilt on every change). */
  get mapper(): PositionMapper {
    return this.positions;
  }

  /** Lines as the core counts them (the phantom line included). */
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

  /** A core line's text (no BOM, no line ending; a lone "\r" stays in it). */
  getLine(line: number): string {
    return this.checker.getLine(line);
  }

  /** The whole text, exactly as the editor holds it. */
  getText(): string {
    const parts: string[] = [];
    for (let i = 0; i < this.checker.lineCount; i++) {
      parts.push(this.checker.getLine(i), this.endings[i] ?? '');
    }
    return (this.bom ? BOM : '') + parts.join('');
  }

  setOptions(options: CheckOptions): void {
    this.options = options;
    this.checker.setOptions(options);
  }

  /** Applies one LSP content change (ranged or full); positions are clamped, ranges ordered. */
  apply(change: ContentChange): void {
    const text = String(change.text ?? '');
    if (!change.range) return this.reset(text);
    const span = this.positions.toCoreSpan(change.range);
    const atStart = (p: LspPosition): boolean => p.line <= 0 && p.character <= 0;
    const touchesBom =
      (this.bom && (atStart(change.range.start) || atStart(change.range.end))) ||
      (text.startsWith(BOM) && span.line === 0 && span.column === 0);
    const last = this.checker.lineCount - 1;
    const loneCrEnd = last > 0 && this.endings[last - 1] === '\r';
    if (touchesBom || this.crLines.length > 0 || loneCrEnd || hasLoneCr(text)) {
      return this.applyToText({ range: change.range, text });
    }
    // No lone "\r" in the document or the change: the core's lines are the editor's lines.
    const kept = this.endings[Math.min(span.endLine, last)] ?? '';
    this.checker.applyChange(span, text);
    const added: string[] = [];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      added.push(text[i - 1] === '\r' ? '\r\n' : '\n');
    }
    added.push(kept);
    spliceLarge(
      this.endings,
      span.line,
      Math.max(0, Math.min(span.endLine, last) - span.line + 1),
      added,
    );
    const end = this.checker.lineCount - 1;
    this.phantom = end > 0 && this.checker.getLine(end) === '';
    this.positions = new PositionMapper(this.checker, this.bom, this.crLines);
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
      problems.push(this.toEditorProblem(p));
    }
    // The phantom line is the final newline, which the core counted once already.
    if (this.phantom) summary.bytes = Math.max(0, summary.bytes - 1);
    return { problems, summary };
  }

  /** A problem in core coordinates → editor coordinates (the BOM's own problem covers it). */
  private toEditorProblem(p: Problem): Problem {
    if (p.fix?.id === 'remove-bom' && this.bom) {
      return { ...p, line: 0, column: 0, endLine: 0, endColumn: 1 };
    }
    return this.positions.spanToEditor(p);
  }

  private reset(text: string): void {
    this.bom = text.startsWith(BOM);
    // LSP's last line after a final line end ("\n", or a lone "\r" the core takes for one) is
    // given to the core as one more, empty line (never through an edit: the core's edits drop
    // a "\r" at the end of a line).
    this.phantom = (text.endsWith('\n') || text.endsWith('\r')) && text.length > (this.bom ? 1 : 0);
    // After a final "\n", one more, empty line is added to the core's lines: `text + "\n"`
    // would copy a 200 MB text. A lone "\r" at the end is the core's to read as it is.
    this.checker =
      this.phantom && !text.endsWith('\n')
        ? new DocumentChecker(`${text}\n\n`, this.options)
        : new DocumentChecker(text, this.options, this.phantom);
    this.endings = lineEndings(text);
    if (this.phantom) this.endings.push('');
    this.crLines = [];
    if (text.includes('\r')) {
      for (let i = 0; i < this.checker.lineCount; i++) {
        if (this.checker.getLine(i).includes('\r')) this.crLines.push(i);
      }
    }
    this.positions = new PositionMapper(this.checker, this.bom, this.crLines);
  }

  /** The exact path: the change applied to the whole text by LSP's rules, then lines re-split. */
  private applyToText(change: { range: LspRange; text: string }): void {
    const doc = TextDocument.create('', '', 0, this.getText());
    this.reset(TextDocument.update(doc, [change], 1).getText());
  }
}

/** Whether a text holds a "\r" that is not part of "\r\n" (or ends in one, which may become one). */
function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text[i + 1] !== '\n') return true;
  }
  return false;
}

/** The line end of each of the core's lines of a text (see TextModel.endings; no phantom). */
function lineEndings(text: string): string[] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  if (body === '') return [];
  const endings: string[] = [];
  let lastStart = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) {
    endings.push(body[i - 1] === '\r' ? '\r\n' : '\n');
    lastStart = i + 1;
  }
  // The text after the last "\n" is a line unless empty (a final newline starts no line).
  if (lastStart < body.length || endings.length === 0) {
    endings.push(body.endsWith('\r') ? '\r' : '');
  }
  return endings;
}
