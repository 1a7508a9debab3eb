// `batchlint estimate FILE... [--format text|json] [--models FILE]`: per file and model, the
// requests, input tokens, the sum of the requests' output caps, and what they cost at the model
// table's batch prices; the text form also says which usage tiers' enqueued-token limits the
// input fits. Files are streamed. Exit status: 0 estimated, 2 usage or I/O.

import { createReadStream, readFileSync } from 'node:fs';
import { readSubcommand, subcommand, UsageError } from './args';
import { describe } from './output';
import { ModelCatalogue, ModelsFileError } from '../core/models/catalogue';
import { catalogueFromText } from '../core/models/load';
import { costUsd } from '../core/models/estimate';
import { estimateStream } from '../core/models/estimate-stream';
import type { FileEstimate, ModelEstimate } from '../core/models/estimate';

export const ESTIMATE_USAGE = `Usage:
  batchlint estimate FILE... [--format text|json] [--models FILE]

  Per file and model: requests, input tokens (text in the model's encoding, message framing,
  images from data URLs by the published formulas), the sum of the output caps, and the cost at
  the batch price. Output cost is an upper bound: what the caps allow, not what the model writes.
  Lines of other providers' batch formats (Anthropic, Gemini, Bedrock, Together, …) are counted
  too, in OpenAI's encodings (an approximation for their models); requests whose model the job
  names are under "(the job's model)".`;

interface Args {
  files: string[];
  format: 'text' | 'json';
  models?: string;
}

const ESTIMATE = subcommand({
  verb: 'estimate',
  usage: ESTIMATE_USAGE,
  options: { format: { type: 'string' }, models: { type: 'string' } },
  build(values, positionals): Args {
    if (positionals.length === 0) throw new UsageError("'estimate' needs at least one FILE");
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format takes text or json, not '${format}'`);
    return {
      files: positionals,
      format,
      ...(values.models !== undefined && { models: values.models }),
    };
  },
});

/** Runs `batchlint estimate` with the arguments after the verb; returns the exit status. */
export async function runEstimate(argv: readonly string[]): Promise<number> {
  const args = readSubcommand(argv, ESTIMATE);
  if (typeof args === 'number') return args;
  let catalogue = ModelCatalogue.builtIn();
  if (args.models !== undefined) {
    try {
      catalogue = catalogueFromText(readFileSync(args.models, 'utf8'));
    } catch (error) {
      const why = error instanceof ModelsFileError ? error.message : describe(error);
      process.stderr.write(`batchlint: ${args.models}: ${why}\n`);
      return 2;
    }
  }
  const results: { path: string; estimate: FileEstimate }[] = [];
  for (const path of args.files) {
    try {
      const input = path === '-' ? process.stdin : createReadStream(path);
      results.push({ path, estimate: await estimateStream(input, catalogue) });
    } catch (error) {
      process.stderr.write(`batchlint: cannot read ${path}: ${describe(error)}\n`);
      return 2;
    }
  }
  process.stdout.write(
    args.format === 'json' ? formatJson(results) : formatText(results, catalogue.asOf),
  );
  return 0;
}

/**
 * The JSON report: `{"files":[{"path","requests","repaired_requests","joined_requests","models":[…]}]}`;
 * unpriced models have null prices and costs.
 */
export function formatJson(results: { path: string; estimate: FileEstimate }[]): string {
  const files = results.map(({ path, estimate }) => ({
    path,
    requests: estimate.requests,
    repaired_requests: estimate.repairedRequests,
    joined_requests: estimate.joinedRequests,
    models: estimate.models.map((m) => ({
      model: m.model,
      requests: m.requests,
      input_tokens: m.input_tokens,
      max_output_tokens: m.max_output_tokens,
      capped_requests: m.cappedRequests,
      uncounted_requests: m.uncountedRequests,
      batch_price_per_1m: m.batchPrice
        ? { input: m.batchPrice.input, output: m.batchPrice.output }
        : null,
      estimated_cost_usd: m.batchPrice
        ? {
            input: costUsd(m.input_tokens, m.batchPrice.input),
            output_max: costUsd(m.max_output_tokens, m.batchPrice.output),
          }
        : null,
    })),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const n = (value: number): string => value.toLocaleString('en-US');
const usd = (value: number): string => `$${value.toFixed(value < 0.01 ? 6 : 2)}`;

function formatText(results: { path: string; estimate: FileEstimate }[], asOf: string): string {
  const out: string[] = [];
  for (const { path, estimate } of results) {
    const skipped =
      estimate.skippedLines > 0
        ? ` (${n(estimate.skippedLines)} line${estimate.skippedLines === 1 ? '' : 's'} not a request, not counted)`
        : '';
    out.push(
      `${path}: ${n(estimate.requests)} request${estimate.requests === 1 ? '' : 's'}${skipped}`,
    );
    out.push(...fixFirstLines(estimate));
    for (const m of estimate.models) out.push(...modelLines(m));
  }
  out.push(
    `Prices per 1M tokens at the batch rate, as of ${asOf || 'an unknown date'}. Input tokens are ≈ (message framing and tools are approximations); output cost is the most the caps allow.`,
  );
  return `${out.join('\n')}\n`;
}

/** The requests counted as `batchlint fix` would write them: the API refuses them as they are. */
function fixFirstLines(estimate: FileEstimate): string[] {
  const lines: string[] = [];
  const { joinedRequests: joined, repairedRequests: repaired } = estimate;
  if (joined > 0)
    lines.push(
      `  ${n(joined)} request(s) spread over several lines, counted joined: the Batch API refuses them until they are on one line each (batchlint fix joins them)`,
    );
  if (repaired > 0)
    lines.push(
      `  ${n(repaired)} request(s) not valid JSON as written, counted repaired: the Batch API refuses them until they are repaired (batchlint fix repairs them)`,
    );
  return lines;
}

function modelLines(m: ModelEstimate): string[] {
  const lines = [
    `  ${m.model}: ${n(m.requests)} request${m.requests === 1 ? '' : 's'}, ≈${n(m.input_tokens)} input tokens, at most ${n(m.max_output_tokens)} output tokens`,
  ];
  if (m.id === undefined)
    lines.push(`    no model facts for '${m.model}': counted with o200k_base, not priced`);
  if (m.batchPrice) {
    const input = costUsd(m.input_tokens, m.batchPrice.input);
    const output = costUsd(m.max_output_tokens, m.batchPrice.output);
    lines.push(
      `    cost: ${usd(input)} input ($${m.batchPrice.input}/1M) + at most ${usd(output)} output ($${m.batchPrice.output}/1M) = at most ${usd(input + output)}`,
    );
  } else if (m.id !== undefined) lines.push(`    no batch price for '${m.id}' in the model table`);
  if (m.cappedRequests > 0 && m.outputMaximum !== undefined)
    lines.push(
      `    ${n(m.cappedRequests)} request(s) ask for more than the model's ${n(m.outputMaximum)} output tokens: counted at that maximum`,
    );
  if (m.uncappedRequests > 0)
    lines.push(
      `    ${n(m.uncappedRequests)} request(s) set no output cap and the model has no known maximum: not in the output figures`,
    );
  if (m.uncountedRequests > 0)
    lines.push(
      `    ${n(m.uncountedRequests)} request(s) not counted: ${m.uncountedWhy.join('; ')} (a shape batchlint does not read)`,
    );
  if (m.unknownImages > 0)
    lines.push(
      `    ${n(m.unknownImages)} image(s) not counted: only data URLs can be measured, and only for models with a published formula`,
    );
  if (m.batchQueueLimits) {
    const tiers = Object.entries(m.batchQueueLimits) as [string, number][];
    const fits = tiers.filter(([, limit]) => m.input_tokens <= limit).map(([tier]) => tier);
    const over = tiers
      .filter(([, limit]) => m.input_tokens > limit)
      .map(([tier, limit]) => `${tier} (${n(limit)})`);
    lines.push(
      `    enqueued-token limit: ${fits.length > 0 ? `fits ${fits.join(', ')}` : 'fits no tier'}${over.length > 0 ? `; over ${over.join(', ')}` : ''}`,
    );
  }
  return lines;
}
