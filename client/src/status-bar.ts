// The status bar item for the active batch file: a compact text (problems and requests) with
// the details in its tooltip (endpoint, model, size against the Batch API's limits, the cost
// estimate and the model table's date). Hidden for every other file. Fed by the server's
// batchlint/summary and batchlint/estimate notifications. It never shows a "checking" state:
// the last result stays until the next one, so typing does not make it flicker.

import * as vscode from 'vscode';
import type { DocumentSummary, EstimateSummary } from '../../server/src/protocol';

import { statusTextFor, statusTooltipFor } from './status-text';

export class BatchStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'batchlint.status',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly estimates = new Map<string, EstimateSummary>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'batchlint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.summaries.delete(doc.uri.toString());
        this.estimates.delete(doc.uri.toString());
      }),
    );
  }

  /** A new summary from the server; older versions than the one shown are ignored. */
  accept(summary: DocumentSummary): void {
    const previous = this.summaries.get(summary.uri);
    if (
      previous?.version !== undefined &&
      summary.version !== undefined &&
      summary.version < previous.version
    )
      return;
    this.summaries.set(summary.uri, summary);
    this.update();
  }

  /** A document's estimate (it follows its summary once the user pauses). */
  acceptEstimate(estimate: EstimateSummary): void {
    const previous = this.estimates.get(estimate.uri);
    if (previous && estimate.version < previous.version) return;
    this.estimates.set(estimate.uri, estimate);
    this.update();
  }

  /** The text shown now, or undefined while the item is hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  /** The tooltip's Markdown now, or undefined while the item is hidden. */
  get tooltip(): string | undefined {
    return this.visible ? (this.item.tooltip as vscode.MarkdownString).value : undefined;
  }

  private visible = false;

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const summary = uri ? this.summaries.get(uri) : undefined;
    if (!summary || !summary.isBatch) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const text = statusTextFor(summary);
    if (this.item.text !== text) this.item.text = text;
    const tooltip = new vscode.MarkdownString(
      statusTooltipFor(summary, uri ? this.estimates.get(uri) : undefined),
    );
    this.item.tooltip = tooltip;
    if (!this.visible) this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
