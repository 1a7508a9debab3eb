// The status bar item for the active batch file: endpoint, model, request count and size
// against the Batch API's limits (50,000 requests, 200 MB), and the error count. Hidden for
// every other file. Fed by the server's batchlint/summary notifications.

import * as vscode from 'vscode';
import type { DocumentSummary } from '../../server/src/protocol';

import { MAX_BYTES, MAX_REQUESTS, size, statusTextFor } from './status-text';

export class BatchStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'batchlint.status',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private readonly summaries = new Map<string, DocumentSummary>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item.name = 'batchlint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.summaries.delete(doc.uri.toString())),
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

  /** The text shown now, or undefined while the item is hidden. */
  get text(): string | undefined {
    return this.visible ? this.item.text : undefined;
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
    this.item.text = statusTextFor(summary);
    const over: string[] = [];
    if (summary.requests > MAX_REQUESTS) over.push('more than 50,000 requests');
    if (summary.bytes > MAX_BYTES) over.push('larger than 200 MB');
    this.item.tooltip = [
      `Endpoint: ${summary.endpoint ?? 'unknown'}`,
      `Model: ${summary.model ?? 'unknown'}`,
      `Requests: ${summary.requests.toLocaleString('en-US')} of at most 50,000`,
      `Size: ${size(summary.bytes)} of at most 200 MB`,
      `Errors: ${summary.errors}, warnings: ${summary.warnings}`,
      ...(over.length > 0 ? [`Over the Batch API's limits: ${over.join(', ')}`] : []),
    ].join('\n');
    this.item.backgroundColor =
      summary.errors > 0 || over.length > 0
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : undefined;
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
