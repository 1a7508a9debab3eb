// How a batch's results are summed up in words, for the command line and the editor alike.

import type { BatchCost } from './cost';
import type { ResultsSummary } from './matcher';
import type { Usage } from './usage';

const n = (value: number): string => value.toLocaleString('en-US');

/** "48,500 succeeded, 1,000 failed, 500 expired, 0 missing" (cancelled, timed out when any). */
export function outcomeText(summary: ResultsSummary): string {
  const parts = [`${n(summary.succeeded)} succeeded`, `${n(summary.failed)} failed`];
  parts.push(`${n(summary.expired)} expired`);
  if (summary.cancelled > 0) parts.push(`${n(summary.cancelled)} cancelled`);
  if (summary.timedOut > 0) parts.push(`${n(summary.timedOut)} timed out`);
  parts.push(`${n(summary.missing)} missing`);
  return parts.join(', ');
}

/** "120 input tokens (64 cached), 90 output tokens, 210 in all". */
export function usageText(usage: Usage): string {
  const cached = usage.cachedInput > 0 ? ` (${n(usage.cachedInput)} cached)` : '';
  const reasoning = usage.reasoning > 0 ? ` (${n(usage.reasoning)} reasoning)` : '';
  return `${n(usage.input)} input tokens${cached}, ${n(usage.output)} output tokens${reasoning}, ${n(usage.total)} in all`;
}

/** "$0.0123 at the batch prices of the model table (date)", with what was left out and why. */
export function costText(cost: BatchCost): string {
  const usd = (value: number): string => `$${value.toFixed(value < 1 ? 4 : 2)}`;
  const parts = [`${usd(cost.usd)} at the batch prices of the model table (${cost.asOf})`];
  if (cost.unpriced.length > 0)
    parts.push(`not priced (no batch price in the table): ${cost.unpriced.join(', ')}`);
  if (cost.uncertain.length > 0)
    parts.push(`prices uncertain (sources disagree): ${cost.uncertain.join(', ')}`);
  if (cost.cachedAsInput.length > 0)
    parts.push(
      `cached input priced as input (no cached batch price): ${cost.cachedAsInput.join(', ')}`,
    );
  return parts.join('; ');
}
