// The status bar's words for a batch summary and its estimate, kept free of editor APIs so tests
// can run them: a compact text (problems and requests) and a Markdown tooltip with the details.

import type { DocumentSummary, EstimateSummary } from '../../server/src/protocol';
import { formatBytes, MB } from '../../server/src/core/sizes';
import { plural } from '../../server/src/core/words';

export const MAX_REQUESTS = 50_000;
/** The Batch API's 200 MB is decimal: 200,000,000 bytes. */
export const MAX_BYTES = 200 * MB;

const n = (v: number): string => v.toLocaleString('en-US');

/** Bytes in decimal units (1 MB = 1,000,000 bytes), as the API states its limit: one formatter for every size batchlint shows. */
export const size = formatBytes;

/**
 * Lines that hold a request, well-formed or not: a line being typed is still one, so the count
 * does not drop while it is half-written.
 */
export function requestLines(s: DocumentSummary): number {
  return s.requests + (s.unreadable ?? 0);
}

/** The file's limits: its dialect's (null: it has none), else the Batch API's. */
export function limitsOf(s: DocumentSummary): { requests: number | null; bytes: number | null } {
  return {
    requests: s.maxRequests === undefined ? MAX_REQUESTS : s.maxRequests,
    bytes: s.maxBytes === undefined ? MAX_BYTES : s.maxBytes,
  };
}

/** Another provider's limit, as its docs state it: 256 MB, 2 GB (binary units). */
export function limitSize(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 1024 && mb % 1024 === 0 ? `${mb / 1024} GB` : `${mb} MB`;
}

/** Another provider's file: whose, and why (detected from its lines, or chosen by the setting). */
function dialectOf(s: DocumentSummary): string | undefined {
  if (!s.dialect || s.dialect === 'openai') return undefined;
  return `${s.dialectName ?? s.dialect} (\`${s.dialect}\`): ${s.dialectEvidence ?? ''}`.trimEnd();
}

/**
 * The status text: `$(error) 2 · 1,234 requests`, `$(check) 5 requests`, and another provider's
 * file its dialect first: `$(check) anthropic · 5 requests` (pure, for tests).
 */
export function statusTextFor(s: DocumentSummary): string {
  const requests = requestLines(s);
  const limits = limitsOf(s);
  const tooMany = limits.requests !== null && requests > limits.requests;
  const over = tooMany || (limits.bytes !== null && s.bytes > limits.bytes);
  const count = tooMany ? `${n(requests)}/${n(limits.requests!)}` : n(requests);
  const dialect = s.dialect && s.dialect !== 'openai' ? `${s.dialect} · ` : '';
  const tail = `${dialect}${count} request${requests === 1 ? '' : 's'}`;
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
  const dialect = dialectOf(s);
  if (dialect) lines.push(`Dialect: ${dialect}`);
  const where = [s.endpoint && `\`${s.endpoint}\``, s.model && `\`${s.model}\``].filter(Boolean);
  if (where.length > 0) lines.push(where.join(' · '));
  const limits = limitsOf(s);
  // The Batch API's own limits keep their words; another provider's come from its row.
  const openai = s.maxRequests === undefined && s.maxBytes === undefined;
  const maxBytes = openai ? '200 MB' : limits.bytes === null ? '' : limitSize(limits.bytes);
  lines.push(
    [
      limits.requests === null
        ? plural(requests, 'request')
        : `${plural(requests, 'request')} of at most ${n(limits.requests)}`,
      maxBytes === '' ? size(s.bytes) : `${size(s.bytes)} of at most ${maxBytes}`,
    ].join(' · '),
  );
  if (s.unreadable)
    lines.push(`${plural(s.unreadable, 'line')} not yet a request (not JSON) counted in`);
  const over: string[] = [];
  if (limits.requests !== null && requests > limits.requests)
    over.push(`more than ${n(limits.requests)} requests`);
  if (limits.bytes !== null && s.bytes > limits.bytes) over.push(`larger than ${maxBytes}`);
  if (over.length > 0)
    lines.push(`**Over ${openai ? "the Batch API's" : 'its'} limits:** ${over.join(', ')}`);
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
