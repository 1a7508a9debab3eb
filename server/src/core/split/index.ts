// Splits a batch file that is over its provider's limits (or mixes urls or models) into parts
// that each fit: FILE.part-1.jsonl, FILE.part-2.jsonl, … beside it. The limits are those of the
// file's dialect (schemas/dialects.json: OpenAI's 50,000 requests, Anthropic's 100,000, …),
// detected from its first lines unless given. The file is read as a stream and each part written
// as it goes, through sinks the caller opens (temporary files put into place), committed only
// once every part is written. Parts left by an earlier split are never replaced: the split is
// refused before anything is written (a stale part among new ones would be sent with them).

import { createReadStream, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Writable } from 'node:stream';
import { drained } from '../drain';
import { PartPlanner } from './planner';
import type { PartFacts, SplitLimits } from './planner';
import type { DialectId } from '../dialects/table';
import { DEFAULT_DIALECT, dialectInfo } from '../dialects/table';
import { readAhead } from '../dialects/read-ahead';
import { BlockFinder } from '../syntax/block-finder';
import { opensObject } from '../syntax/diagnose';
import { parseLine } from '../parse-line';
import type { BlockItem } from '../syntax/block-finder';
import { RequestSpansLines, RequestsInArray } from './planner';
import { lineRepairs } from '../syntax/line-repairs';
import { requestItems } from '../array-line';

export { LineTooLarge, PartPlanner, RequestSpansLines, RequestsInArray } from './planner';
export type { PartFacts, SplitLimits } from './planner';

/**
 * The limits of one file in `dialect`, from its row of schemas/dialects.json; Infinity where the
 * provider documents none (Fireworks' request count, Vertex's quotas).
 */
export function dialectLimits(dialect: DialectId): SplitLimits {
  const { limits } = dialectInfo(dialect);
  return { maxRequests: limits.requests ?? Infinity, maxBytes: limits.bytes ?? Infinity };
}

/** The Batch API's limits: 50,000 requests and 200 MB per file. */
export const API_LIMITS: SplitLimits = dialectLimits(DEFAULT_DIALECT);

export interface SplitPart extends PartFacts {
  path: string;
}

/** A part being written: nothing may appear at its path before `commit` (the front end's safe write). */
export interface PartSink {
  stream: Writable;
  commit(): Promise<void>;
  abort(): void;
}

export interface SplitOutcome {
  /** The parts written, in order; empty when the file fits in one part (nothing is written). */
  parts: SplitPart[];
  /** Lines read. */
  lines: number;
  /** The dialect the file was read in (given, or detected from its first lines). */
  dialect: DialectId;
  /** The limits each part was held to: those given, the rest the dialect's. */
  limits: SplitLimits;
}

/** `dir/batch.jsonl` → `dir/batch.part-K.jsonl` (other names keep their extension: `x.txt.part-K.jsonl`). */
export function partPath(path: string, k: number): string {
  const stem = path.toLowerCase().endsWith('.jsonl') ? path.slice(0, -'.jsonl'.length) : path;
  return `${stem}.part-${k}.jsonl`;
}

/** The split would write where parts already are (from an earlier split, or planted links). */
export class PartsExist extends Error {}

/**
 * Throws PartsExist when any `FILE.part-K.jsonl` is beside `path` (a file, a folder or a link,
 * whatever K): the parts of an earlier split, which this one would replace or mix with.
 */
export function refuseExistingParts(path: string): void {
  const prefix = basename(partPath(path, 0)).slice(0, -'0.jsonl'.length);
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return; // The folder is unreadable: creating each part exclusively still refuses one there.
  }
  const found = names
    .filter((n) => n.startsWith(prefix) && /^\d+\.jsonl$/.test(n.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length, -6)) - Number(b.slice(prefix.length, -6)));
  if (found.length === 0) return;
  const shown = found.length <= 3 ? found : [...found.slice(0, 3), `${found.length - 3} more`];
  const list =
    shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
  throw new PartsExist(
    `${list} already exist${found.length === 1 ? 's' : ''}; nothing was written (split never replaces parts: remove or move them first)`,
  );
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Splits `path` into parts within `given` limits (each one left out: the dialect's), each written
 * to `open(partPath)`. The dialect is `dialect`, or the one the file's first lines show (OpenAI's
 * when none does). Throws PartsExist before writing anything when parts are already there (see
 * refuseExistingParts), LineTooLarge when a single line is over the byte limit,
 * RequestSpansLines when a request is pretty-printed over several lines (the block search of
 * check finds it), and the file system's errors when reading or writing fails; every sink is
 * aborted then, so nothing is left behind.
 */
export async function splitFile(
  path: string,
  open: (partPath: string) => PartSink,
  given: Partial<SplitLimits> = {},
  dialect?: DialectId,
): Promise<SplitOutcome> {
  const ahead = await readAhead(createReadStream(path, { highWaterMark: 1 << 20 }));
  const readAs = dialect ?? ahead.readAs ?? DEFAULT_DIALECT;
  const limits = { ...dialectLimits(readAs), ...given };
  const planner = new PartPlanner(limits, dialectInfo(readAs).envelope);
  const sinks: PartSink[] = [];
  let line = 0;
  let pending: Buffer[] = [];
  let first = true;
  /** No line but blank ones yet: a "[" now opens an array around the requests. */
  let opening = true;
  let failure: Error | undefined;
  // The lines check would join: a part boundary must not fall inside one (see RequestSpansLines).
  const blocks = new BlockFinder<BlockItem>({
    single: () => undefined,
    block: (block) => {
      throw new RequestSpansLines(block.startLine, block.endLine);
    },
  });
  const take = (raw: Buffer): void => {
    let text = raw.toString('utf8');
    if (first) {
      first = false;
      // The BOM stays in part 1 (so the parts join back to the input) but is not JSON.
      if (raw.subarray(0, 3).equals(BOM)) text = text.slice(1);
    }
    const value = parsed(text);
    if (inArray(text, value, opening)) throw new RequestsInArray(line);
    if (text.trim() !== '') opening = false;
    // As check decides it: a line that parses opens no block.
    blocks.push({ text, opensBlock: value === undefined && opensObject(text) });
    if (planner.add(line, value, raw.length)) {
      if (sinks.length === 0) refuseExistingParts(path);
      const sink = open(partPath(path, sinks.length + 1));
      // A write that fails (a full disk) fails the split at the next chunk, not the process.
      sink.stream.on('error', (error: Error) => (failure ??= error));
      sinks.push(sink);
    }
    sinks[sinks.length - 1]!.stream.write(raw);
    line++;
  };
  try {
    for await (const chunk of ahead.source) {
      const data = chunk as Buffer;
      let start = 0;
      for (let nl = data.indexOf(10); nl >= 0; nl = data.indexOf(10, start)) {
        pending.push(data.subarray(start, nl + 1));
        take(pending.length === 1 ? pending[0]! : Buffer.concat(pending));
        pending = [];
        start = nl + 1;
      }
      if (start < data.length) pending.push(data.subarray(start));
      const current = sinks[sinks.length - 1]?.stream;
      if (current) await drained(current);
      if (failure) throw failure;
    }
    if (pending.length > 0) take(Buffer.concat(pending));
    blocks.end();
    if (sinks.length <= 1) {
      sinks.forEach((s) => s.abort());
      return { parts: [], lines: line, dialect: readAs, limits };
    }
    if (failure) throw failure;
    for (const sink of sinks) await sink.commit();
  } catch (error) {
    sinks.forEach((s) => s.abort());
    throw error;
  }
  return {
    parts: planner.parts.map((facts, i) => ({ ...facts, path: partPath(path, i + 1) })),
    lines: line,
    dialect: readAs,
    limits,
  };
}

/** The line parsed (long strings not copied), or undefined when it is not JSON. */
function parsed(text: string): unknown {
  // A line without a brace is no request: not worth a parse.
  if (!text.includes('{')) return undefined;
  try {
    return parseLine(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether a line is a piece of a JSON array of requests, as check tells it: a "[" before any
 * other line (`opening`; one later may be a request's own), a request with the array's comma or
 * bracket (`value` undefined: the line does not parse), or the whole array on one line.
 */
function inArray(text: string, value: unknown, opening: boolean): boolean {
  if (Array.isArray(value)) return requestItems(value) !== undefined;
  if (value !== undefined) return false;
  if (opening && text.trim() === '[') return true;
  return lineRepairs(text).kinds.has('array-punctuation');
}
