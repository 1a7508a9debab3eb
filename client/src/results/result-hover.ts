// Hover on a request line of a document with results shown: what became of the request (status,
// the API's message for a failure), why generation stopped, and the tokens it used.

import * as vscode from 'vscode';
import type { LineOutcome, RequestResult } from '../../../server/src/core/results';
import type { ResultsView } from './results-view';

const STATUS: Record<RequestResult['status'], string> = {
  succeeded: 'succeeded',
  failed: 'failed',
  expired: 'expired (batch_expired)',
  cancelled: 'cancelled (batch_cancelled)',
  timed_out: 'timed out (request_timeout)',
};

export class ResultHoverProvider implements vscode.HoverProvider {
  constructor(private readonly view: ResultsView) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const outcome = this.view.get(document.uri)?.outcomes[position.line];
    if (!outcome?.customId) return undefined;
    return new vscode.Hover(hoverText(outcome), document.lineAt(position.line).range);
  }
}

/** The hover's Markdown for one request line. */
export function hoverText(outcome: LineOutcome): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const result = outcome.result;
  if (!result) {
    md.appendMarkdown('**Batch result:** none (no result line has this custom_id)');
    return md;
  }
  const http = result.statusCode !== undefined ? ` (HTTP ${result.statusCode})` : '';
  md.appendMarkdown(`**Batch result:** ${STATUS[result.status]}${http}`);
  if (result.error) {
    md.appendMarkdown('\n\n');
    md.appendText(result.error.message);
    if (result.error.code) md.appendMarkdown(` \`${result.error.code}\``);
  }
  if (result.finishReason) md.appendMarkdown(`\n\nFinish reason: \`${result.finishReason}\``);
  if (result.usage) {
    const u = result.usage;
    const n = (value: number): string => value.toLocaleString('en-US');
    const cached = u.cachedInput > 0 ? ` (${n(u.cachedInput)} cached)` : '';
    const reasoning = u.reasoning > 0 ? ` (${n(u.reasoning)} reasoning)` : '';
    md.appendMarkdown(
      `\n\nUsage: ${n(u.input)} input tokens${cached}, ${n(u.output)} output tokens${reasoning}, ${n(u.total)} in all`,
    );
  }
  if (result.model) md.appendMarkdown(`\n\nModel: \`${result.model}\``);
  return md;
}
