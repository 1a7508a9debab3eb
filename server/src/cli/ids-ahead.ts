// The ids `batchlint fix` could propose for wrapped bare bodies (request-1, request-2, …) that a
// file already uses anywhere, read before the streaming fix: it sees only the lines before the
// one it wraps, and an id taken by a later line would make the fixed file a duplicate_custom_id.

import { createReadStream } from 'node:fs';

/** `"custom_id": "request-N"`, with room for the spaces a hand-written line may put around ':'. */
const PROPOSABLE = /"custom_id"\s{0,64}:\s{0,64}"(request-\d{1,15})"/g;
/** Longer than any match: the tail of a chunk is searched again with the next one. */
const OVERLAP = 256;

/**
 * The `request-N` custom_ids written in the file at `path` (read once, 1 MB at a time, in memory
 * of one chunk). Rejects on a read error, as the fix's own read would.
 */
export async function proposableIdsIn(path: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let tail = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    // latin1 maps each byte to one character: the ASCII the pattern looks for is unchanged.
    const text = tail + (chunk as Buffer).toString('latin1');
    for (const match of text.matchAll(PROPOSABLE)) ids.add(match[1]!);
    tail = text.slice(-OVERLAP);
  }
  return ids;
}
