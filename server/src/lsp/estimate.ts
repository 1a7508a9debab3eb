// The cost estimate of an open batch document, for the status bar tooltip: the core's
// BatchEstimator (the one `batchlint estimate` uses) over the document's lines, once the user
// pauses. It runs in slices that yield to the event loop and stops as soon as the document
// changes, so diagnostics are never held up by counting tokens. Where the build carries no
// tokenizer (the web worker) it says so and counts only requests and output caps.

import { BatchEstimator, costUsd, countTokens } from '../core';
import type { FileEstimate } from '../core';
import { Methods } from '../protocol';
import type { EstimateSummary, ModelEstimateSummary } from '../protocol';
import type { ServerContext } from './context';
import type { OpenDocument } from './documents';
import { describeError } from './guard';

/** The pause after the last change before the estimate runs (the check itself runs sooner). */
export const ESTIMATE_DELAY_MS = 250;
/** Lines estimated between two yields to the event loop. */
const SLICE_LINES = 500;
/** Documents larger than this are not estimated in the editor (`batchlint estimate` streams them). */
export const MAX_ESTIMATE_CHARS = 20_000_000;

function summarize(estimate: FileEstimate, tokens: boolean): ModelEstimateSummary[] {
  return estimate.models.map((m) => {
    const entry: ModelEstimateSummary = {
      model: m.model,
      requests: m.requests,
      maxOutputTokens: m.max_output_tokens,
    };
    if (tokens) entry.inputTokens = m.input_tokens;
    if (m.batchPrice) {
      entry.costUsd = { outputMax: costUsd(m.max_output_tokens, m.batchPrice.output) };
      if (tokens) entry.costUsd.input = costUsd(m.input_tokens, m.batchPrice.input);
    }
    return entry;
  });
}

export class Estimates {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly ctx: ServerContext) {}

  /** Estimates the document once it has not changed for ESTIMATE_DELAY_MS. */
  schedule(doc: OpenDocument): void {
    const previous = this.timers.get(doc.uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      doc.uri,
      setTimeout(() => {
        this.timers.delete(doc.uri);
        this.run(doc).catch((error: unknown) =>
          this.ctx.log(`batchlint: estimating ${doc.uri} failed: ${describeError(error)}`),
        );
      }, ESTIMATE_DELAY_MS),
    );
  }

  private async run(doc: OpenDocument): Promise<void> {
    const version = doc.version;
    const current = (): boolean =>
      this.ctx.documents.get(doc.uri) === doc && doc.version === version && doc.active;
    if (!current()) return;
    const model = doc.model;
    const summary: EstimateSummary = {
      uri: doc.uri,
      version,
      status: 'counted',
      asOf: this.ctx.models.asOf,
      requests: 0,
      models: [],
    };
    let chars = 0;
    for (let i = 0; i < model.lineCount; i++) chars += model.getLine(i).length;
    if (chars > MAX_ESTIMATE_CHARS) {
      summary.status = 'too-large';
      this.send(summary);
      return;
    }
    const tokens = countTokens(['batch'], undefined) !== undefined;
    if (!tokens) summary.status = 'no-tokenizer';
    const estimator = new BatchEstimator(this.ctx.models);
    for (let i = 0; i < model.lineCount; i++) {
      estimator.line(model.getLine(i));
      if (i % SLICE_LINES === SLICE_LINES - 1) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!current()) return;
      }
    }
    const result = estimator.result();
    summary.requests = result.requests;
    summary.models = summarize(result, tokens);
    this.send(summary);
  }

  private send(summary: EstimateSummary): void {
    void this.ctx.connection.sendNotification(Methods.estimate, summary);
  }

  dispose(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }
}
