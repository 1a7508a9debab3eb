// A finished batch's results shown on the input document: problems in their own diagnostic
// collection (source `batchlint-results`, so they are told apart from the linter's and cleared
// on their own), kept in step with edits by matching the document's lines again, and what each
// line's request came to, for the hover and the retry file.

import * as vscode from 'vscode';
import type { Problem } from '../../../server/src/core';
import type { LineOutcome, ResultIndex, ResultsSummary } from '../../../server/src/core/results';

/** The `source` of every result diagnostic. */
export const RESULTS_SOURCE = 'batchlint-results';

/** The results attached to one input document, with the files they were read from. */
export interface AttachedResults {
  index: ResultIndex;
  resultFiles: vscode.Uri[];
  batchFile?: vscode.Uri;
  /** Per line of the document, as last matched. */
  outcomes: LineOutcome[];
  summary: ResultsSummary;
}

const REMATCH_DELAY_MS = 200;

export class ResultsView implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection(RESULTS_SOURCE);
  private readonly byDocument = new Map<string, AttachedResults>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.listeners = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        const key = event.document.uri.toString();
        if (!this.byDocument.has(key) || event.contentChanges.length === 0) return;
        clearTimeout(this.timers.get(key));
        this.timers.set(
          key,
          setTimeout(() => {
            this.timers.delete(key);
            const attached = this.byDocument.get(key);
            if (attached) this.attach(event.document, attached);
          }, REMATCH_DELAY_MS),
        );
      }),
    ];
  }

  /** Shows `index` on `document` (replacing results shown before); returns what it attached. */
  show(
    document: vscode.TextDocument,
    index: ResultIndex,
    resultFiles: vscode.Uri[],
    batchFile?: vscode.Uri,
  ): AttachedResults {
    this.clear(document.uri);
    return this.attach(document, { index, resultFiles, ...(batchFile && { batchFile }) });
  }

  /** The results shown on a document, if any. */
  get(uri: vscode.Uri): AttachedResults | undefined {
    return this.byDocument.get(uri.toString());
  }

  /** Clears the results of one document (and of its result files), or of every document. */
  clear(uri?: vscode.Uri): void {
    const keys = uri ? [uri.toString()] : [...this.byDocument.keys()];
    for (const key of keys) {
      const attached = this.byDocument.get(key);
      if (!attached) continue;
      this.byDocument.delete(key);
      clearTimeout(this.timers.get(key));
      this.diagnostics.delete(vscode.Uri.parse(key));
      for (const file of [
        ...attached.resultFiles,
        ...(attached.batchFile ? [attached.batchFile] : []),
      ])
        this.diagnostics.delete(file);
    }
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.listeners.forEach((l) => l.dispose());
    this.diagnostics.dispose();
  }

  /** Matches every line of the document again and publishes the problems. */
  private attach(
    document: vscode.TextDocument,
    files: Pick<AttachedResults, 'index' | 'resultFiles' | 'batchFile'>,
  ): AttachedResults {
    const pass = files.index.matchInput(basename(document.uri));
    const problems: Problem[] = [];
    const outcomes: LineOutcome[] = [];
    for (let line = 0; line < document.lineCount; line++) {
      const outcome = pass.line(line, document.lineAt(line).text);
      outcomes.push(outcome);
      problems.push(...outcome.problems);
    }
    const rest = pass.finish(document.lineCount);
    const attached: AttachedResults = { ...files, outcomes, summary: rest.summary };
    this.byDocument.set(document.uri.toString(), attached);
    this.diagnostics.set(document.uri, problems.map(toDiagnostic));
    files.resultFiles.forEach((file, i) =>
      this.diagnostics.set(file, (rest.fileProblems[i] ?? []).map(toDiagnostic)),
    );
    if (files.batchFile)
      this.diagnostics.set(files.batchFile, rest.batchProblems.map(toDiagnostic));
    return attached;
  }
}

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

function toDiagnostic(problem: Problem): vscode.Diagnostic {
  const range = new vscode.Range(problem.line, problem.column, problem.endLine, problem.endColumn);
  const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITY[problem.severity]);
  diagnostic.source = RESULTS_SOURCE;
  diagnostic.code = problem.code;
  return diagnostic;
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
