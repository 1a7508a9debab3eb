// The status bar's words for a batch summary and its estimate, kept free of editor APIs so tests
// can run them: a compact text (problems and requests) and a Markdown tooltip with the details.

import type { DocumentSummary, EstimateSummary } from '../../server/src/protocol';

export const MAX_REQUESTS = 50_000;
/** The Batch API's 200 MB is decimal: 200,000,000 bytes. */
export const MAX_BYTES = 200_000_000;

const n = (v: number): string => v.toLocaleString('en-US');

/** Bytes in decimal units (1 MB = 1,000,000 bytes), as the API states its limit. */
export function size(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Lines that hold a request, well-formed or not: a line being typed is still one, so the count
 * does not drop while it is half-written.
 */
export function requestLines(s: DocumentSummary): number {
  return s.requests + (s.unreadable ?? 0);
}

const plural = (count: number, word: string): string =>
  `${n(count)} ${word}${count === 1 ? '' : 's'}`;

/** The status text: `$(error) 2 · 1,234 requests`, `$(check) 5 requests` (pure, for tests). */
export function statusTextFor(s: DocumentSummary): string {
  const requests = requestLines(s);
  const over = requests > MAX_REQUESTS || s.bytes > MAX_BYTES;
  const count = requests > MAX_REQUESTS ? `${n(requests)}/${n(MAX_REQUESTS)}` : n(requests);
  const tail = `${count} request${requests === 1 ? '' : 's'}`;
  if (s.errors > 0) return `$(error) ${n(s.errors)} · ${tail}`;
  if (over) return `$(error) ${tail}`;
  if (s.warnings > 0) return `$(warning) ${n(s.warnings)} · ${tail}`;
  return `$(check) ${tail}`;
}

/** `$0.42`; below a cent, two significant digits without trailing zeros (`$0.000003`). */
const usd = (v: number): string =>
  v === 0
    ? '$0'
    : v < 0.01
      ? `$${Number(v.toPrecision(2)).toFixed(20).replace(/0+$/, '')}`
      : `$${v.toFixed(2)}`;

/** The tooltip: the file against the Batch API's limits, its problems and its estimate (Markdown). */
export function statusTooltipFor(s: DocumentSummary, e: EstimateSummary | undefined): string {
  const requests = requestLines(s);
  const lines: string[] = ['**batchlint**: batch input'];
  const where = [s.endpoint && `\`${s.endpoint}\``, s.model && `\`${s.model}\``].filter(Boolean);
  if (where.length > 0) lines.push(where.join(' · '));
  lines.push(
    `${plural(requests, 'request')} of at most 50,000 · ${size(s.bytes)} of at most 200 MB`,
  );
  if (s.unreadable)
    lines.push(`${plural(s.unreadable, 'line')} not yet a request (not JSON) counted in`);
  const over: string[] = [];
  if (requests > MAX_REQUESTS) over.push('more than 50,000 requests');
  if (s.bytes > MAX_BYTES) over.push('larger than 200 MB');
  if (over.length > 0) lines.push(`**Over the Batch API's limits:** ${over.join(', ')}`);
  lines.push(`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}`);
  lines.push(...estimateLines(s, e));
  lines.push('Click to open the Problems panel.');
  return lines.join('\n\n');
}

function estimateLines(s: DocumentSummary, e: EstimateSummary | undefined): string[] {
  if (!e || e.version !== s.version) return ['Estimate: counting…'];
  const table = `model table of ${e.asOf || 'unknown date'}`;
  if (e.status === 'too-large')
    return [`Estimate: too large to count in the editor; run \`batchlint estimate\` (${table}).`];
  const out = [`**Estimate** (batch prices, ${table}):`];
  for (const m of e.models) {
    const parts = [plural(m.requests, 'request')];
    if (m.inputTokens !== undefined) parts.push(`${n(m.inputTokens)} input tokens`);
    parts.push(`at most ${n(m.maxOutputTokens)} output tokens`);
    const cost = !m.costUsd
      ? '; no batch price in the table'
      : m.costUsd.input !== undefined
        ? `; ${usd(m.costUsd.input)} input + at most ${usd(m.costUsd.outputMax)} output`
        : `; at most ${usd(m.costUsd.outputMax)} output`;
    out.push(`- \`${m.model}\`: ${parts.join(', ')}${cost}`);
  }
  if (e.status === 'no-tokenizer')
    out.push(
      'Input tokens are not counted in VS Code for the Web; `batchlint estimate` counts them.',
    );
  return out;
}
