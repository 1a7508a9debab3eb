// Sizes in the units the Batch API states its limits in. Its 200 MB file limit is decimal
// (1 MB = 1,000,000 bytes), so every size batchlint shows (CLI, language server, status bar) is
// decimal too: one file is never "60 MB" in one place and "57.0 MB" in another.

/** One megabyte as the API counts it: 1,000,000 bytes. */
export const MB = 1_000_000;
/** One kilobyte (kB): 1,000 bytes. */
export const KB = 1_000;

/**
 * A byte count for people, decimal: `512 B`, `3.4 kB`, `57.0 MB` (one decimal place above
 * 1,000 bytes). `bytes` is a non-negative count.
 */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} B`;
  if (bytes < MB) return `${(bytes / KB).toFixed(1)} kB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}
