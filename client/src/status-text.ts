// The status bar's words for a batch summary, kept free of editor APIs so tests can run them.

import type { DocumentSummary } from '../../server/src/protocol';

export const MAX_REQUESTS = 50_000;
export const MAX_BYTES = 200 * 1024 * 1024;

export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The status text for a summary (pure, so tests can check it without an editor). */
export function statusTextFor(s: DocumentSummary): string {
  const parts: string[] = [];
  if (s.endpoint) parts.push(s.endpoint.replace(/^\/v1\//, ''));
  if (s.model) parts.push(s.model);
  parts.push(
    `${s.requests.toLocaleString('en-US')}/${MAX_REQUESTS.toLocaleString('en-US')} requests`,
  );
  parts.push(`${size(s.bytes)}/200 MB`);
  const icon = s.errors > 0 ? '$(error)' : s.warnings > 0 ? '$(warning)' : '$(check)';
  const problems = s.errors > 0 ? `${s.errors} error${s.errors === 1 ? '' : 's'}` : 'no errors';
  return `${icon} batch: ${parts.join(' · ')} · ${problems}`;
}
