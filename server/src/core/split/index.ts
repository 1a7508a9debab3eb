// Splits a batch file that is over the API's limits (or mixes urls or models) into parts that
// each fit: FILE.part-1.jsonl, FILE.part-2.jsonl, … beside it. The file is read as a stream and
// each part written as it goes, to temporary files renamed into place only once all are written.

import { createReadStream } from 'node:fs';
import { MAX_FILE_BYTES, MAX_REQUESTS } from '../cross/tally';
import { TempFile } from '../temp-file';
import { PartPlanner } from './planner';
import type { PartFacts, SplitLimits } from './planner';

export { LineTooLarge, PartPlanner } from './planner';
export type { PartFacts, SplitLimits } from './planner';

/** The Batch API's limits: 50,000 requests and 200 MB per file. */
export const API_LIMITS: SplitLimits = { maxRequests: MAX_REQUESTS, maxBytes: MAX_FILE_BYTES };

export interface SplitPart extends PartFacts {
  path: string;
}

export interface SplitOutcome {
  /** The parts written, in order; empty when the file fits in one part (nothing is written). */
  parts: SplitPart[];
  /** Lines read. */
  lines: number;
}

/** `dir/batch.jsonl` → `dir/batch.part-K.jsonl` (other names keep their extension: `x.txt.part-K.jsonl`). */
export function partPath(path: string, k: number): string {
  const stem = path.toLowerCase().endsWith('.jsonl') ? path.slice(0, -'.jsonl'.length) : path;
  return `${stem}.part-${k}.jsonl`;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Splits `path` into parts within `limits`. Throws LineTooLarge when a single line is over the
 * byte limit, and the file system's errors when reading or writing fails; nothing is left behind
 * then.
 */
export async function splitFile(
  path: string,
  limits: SplitLimits = API_LIMITS,
): Promise<SplitOutcome> {
  const planner = new PartPlanner(limits);
  const temps: TempFile[] = [];
  let line = 0;
  let pending: Buffer[] = [];
  let first = true;
  const take = (raw: Buffer): void => {
    let text = raw.toString('utf8');
    if (first) {
      first = false;
      // The BOM stays in part 1 (so the parts join back to the input) but is not JSON.
      if (raw.subarray(0, 3).equals(BOM)) text = text.slice(1);
    }
    if (planner.add(line, text, raw.length))
      temps.push(new TempFile(partPath(path, temps.length + 1)));
    temps[temps.length - 1]!.write(raw);
    line++;
  };
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      const data = chunk as Buffer;
      let start = 0;
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
        pending.push(data.subarray(start, nl + 1));
        take(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
        pending = [];
        start = nl + 1;
      }
      if (start < data.length) pending.push(Buffer.from(data.subarray(start)));
    }
    if (pending.length > 0) take(Buffer.concat(pending));
    if (temps.length <= 1) {
      temps.forEach((t) => t.abort());
      return { parts: [], lines: line };
    }
    temps.forEach((t) => t.commit());
  } catch (error) {
    temps.forEach((t) => t.abort());
    throw error;
  }
  return {
    parts: planner.parts.map((facts, i) => ({ ...facts, path: partPath(path, i + 1) })),
    lines: line,
  };
}
