// The ids `batchlint fix` could propose for wrapped bare bodies (request-1, request-2, …) that a
// file already uses anywhere, read before the streaming fix: it sees only the lines before the
// one it wraps, and an id taken by a later line would make the fixed file a duplicate_custom_id.

import { closeSync, openSync } from 'node:fs';
import { readChunks } from '../core/read-chunks';

/** `"custom_id": "request-N"`, with room for the spaces a hand-written line may put around ':'. */
const PROPOSABLE = /"custom_id"\s{0,64}:\s{0,64}"(request-\d{1,15})"/g;
/** Longer than any match: the tail of a piece is searched again with the next one. */
const OVERLAP = 256;
/**
 * Bytes searched at a time: their text stays a small string on the JavaScript heap (a string of
 * a megabyte or more is allocated outside it, and a file's worth of them lingers in memory).
 */
const PIECE = 1 << 16;

/**
 * The `request-N` custom_ids written in the file at `path` (read once, 1 MB at a time, in memory
 * of one chunk). Rejects on a read error, as the fix's own read would.
 */
export async function proposableIdsIn(path: string): Promise<Set<string>> {
  const fd = openSync(path, 'r');
  try {
    return await proposableIds(readChunks(fd));
  } finally {
    closeSync(fd);
  }
}

/** The `request-N` custom_ids written in `chunks` (a file's, or stdin's once read whole). */
export async function proposableIds(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
): Promise<Set<string>> {
  const ids = new Set<string>();
  let tail = '';
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += PIECE) {
      // latin1 maps each byte to one character: the ASCII the pattern looks for is unchanged.
      const text = tail + chunk.toString('latin1', at, at + PIECE);
      for (const match of text.matchAll(PROPOSABLE)) ids.add(match[1]!);
      tail = text.slice(-OVERLAP);
    }
  }
  return ids;
}
