// `batchlint convert --to responses|anthropic|gemini`: converts every chat-completions line (and,
// to responses, the chat fields of a /v1/responses line), leaves every other line exactly as it was (line endings, a BOM, even
// bytes that are not UTF-8), and lists what could not be carried over. A request pretty-printed
// over several lines is one request: it is joined into one line and converted (as `fix` would
// join it). The output is checked as it is written, so the caller can say what errors are left.
// Streams chunk by chunk, so a 200 MB file never sits in memory whole.

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { convertLineTo } from '../core';
import type { CheckResult, ConvertTarget, DialectId, LineConversion } from '../core';
import { LineReader } from '../core/line-reader';
import { BlockFinder } from '../core/syntax/block-finder';
import type { Block } from '../core/syntax/blocks';
import { StreamChecker } from '../core/stream';
import { ProblemCollector } from '../core/problems';
import { bomProblem, finalize, ruleContext } from '../core/options';

export interface ConvertOutcome {
  converted: number;
  /**
   * One human-readable line per thing that needs a decision or a value dropped, added or
   * changed, prefixed by its 1-based line.
   */
  report: string[];
  /** How many of the report's lines are values dropped, added or changed. */
  changes: number;
  /** What differs between the APIs, said once per file (no value of a line changed). */
  notes: string[];
  /** What was done that changes no value (a pretty-printed request joined), by 1-based lines. */
  joined: string[];
  /** The check of the converted output, as `batchlint check` would report it. */
  after: CheckResult;
  /**
   * Lines left because they are another provider's requests, by dialect: how many, the first
   * (1-based) and why. Such a file is not converted, so the command fails rather than pass it.
   */
  otherProviders: { dialect: DialectId; lines: number; first: number; why: string }[];
}

interface Item {
  text: string;
  opensBlock: boolean;
  eol: string;
  /** The bytes of a line that is not UTF-8: copied as they were, never converted. */
  raw?: Buffer;
  /** The line's own conversion, made when it was read. */
  result?: LineConversion;
}

/**
 * A line this long is written on its own, this much of its text at a time, each part encoded into
 * one reused buffer once the part before is written: it is neither joined with the lines around
 * it nor turned into bytes whole (a 100 MB line costs 768 KB of bytes).
 */
const WRITE_CHARS = 1 << 18;

/**
 * Converts `input` (chunks of bytes; `totalBytes` its size when known) into `output`, line by
 * line, and checks what it writes.
 */
export async function convertStream(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  output: Writable,
  to: ConvertTarget = 'responses',
  totalBytes?: number,
): Promise<ConvertOutcome> {
  const collector = new ProblemCollector({});
  const after = new StreamChecker(collector, false, ruleContext({}));
  const outcome = {
    converted: 0,
    report: [] as string[],
    changes: 0,
    notes: [] as string[],
    joined: [] as string[],
    otherProviders: [] as ConvertOutcome['otherProviders'],
  };
  // The output of the chunk being read: text, with the raw bytes of any line that is not valid
  // UTF-8 in between (copied byte for byte).
  let pieces: (string | Buffer)[] = [];
  let text = '';
  const write = (line: string | Buffer, eol: string): void => {
    if (typeof line === 'string' && line.length >= WRITE_CHARS) {
      pieces.push(text, line);
      text = eol;
      after.pushText(line + (eol.startsWith('\r') ? '\r' : ''), Buffer.byteLength(line) + 1);
    } else if (typeof line === 'string') {
      text += line + eol;
      after.pushText(line + (eol.startsWith('\r') ? '\r' : ''), Buffer.byteLength(line) + 1);
    } else {
      pieces.push(text, line, eol);
      text = '';
      after.pushText(line.toString('utf8'), line.length + 1, true);
    }
  };
  const single = (item: Item, line: number): void => {
    if (item.raw) {
      outcome.report.push(`line ${line + 1}: not converted: the line is not valid UTF-8`);
      write(item.raw, item.eol);
    } else write(record(item.result!, item.text, `line ${line + 1}`, outcome, to), item.eol);
  };
  const blocks = new BlockFinder<Item>({
    single,
    block: (block: Block, items) => {
      // Bytes that are not UTF-8 are never rewritten: such a block stays as it was, line by line.
      if (items.some((i) => i.raw)) {
        items.forEach((item, i) => single(item, block.startLine + i));
        return;
      }
      const span = `lines ${block.startLine + 1}-${block.endLine + 1}`;
      outcome.joined.push(
        `${span}: one request pretty-printed over ${items.length} lines; joined into one line`,
      );
      const result = convertLineTo(block.joined, to);
      write(record(result, block.joined, span, outcome, to), items[items.length - 1]!.eol);
    },
  });
  const reader = new LineReader(
    {
      bom: () => {
        text += '\uFEFF';
        collector.add(bomProblem());
      },
      line: (line, _bytes, ended) => {
        const cr = line.endsWith('\r');
        const own = cr ? line.slice(0, -1) : line;
        const result = convertLineTo(own, to);
        const opensBlock = result.status === 'unparseable' && own.trimStart().startsWith('{');
        blocks.push({ text: own, opensBlock, eol: (cr ? '\r' : '') + (ended ? '\n' : ''), result });
      },
      badLine: (raw, ended) => {
        blocks.push({ text: '', opensBlock: false, eol: ended ? '\n' : '', raw });
      },
    },
    totalBytes === undefined ? {} : { totalBytes },
  );
  const flush = async (): Promise<void> => {
    pieces.push(text);
    text = '';
    for (const piece of pieces) {
      if (typeof piece === 'string' && piece.length > WRITE_CHARS) await writeLong(piece);
      else if (piece.length > 0 && !output.write(piece)) await once(output, 'drain');
    }
    pieces = [];
  };
  let scratch: Buffer | undefined;
  const writeLong = async (line: string): Promise<void> => {
    // Up to 3 bytes per UTF-16 unit in UTF-8.
    scratch ??= Buffer.allocUnsafe(3 * WRITE_CHARS);
    for (let at = 0; at < line.length;) {
      let end = Math.min(at + WRITE_CHARS, line.length);
      // A surrogate pair is never cut in two: each half would be written as U+FFFD.
      const last = line.charCodeAt(end - 1);
      if (end < line.length && last >= 0xd800 && last < 0xdc00) end--;
      const bytes = scratch.subarray(0, scratch.write(line.slice(at, end), 'utf8'));
      // The buffer is filled again only once the stream is done with it.
      await new Promise<void>((resolve) => output.write(bytes, () => resolve()));
      at = end;
    }
  };
  // One write per chunk read, not per line: the stream machinery costs more than a line.
  for await (const chunk of input) {
    reader.feed(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
    await flush();
  }
  reader.end();
  blocks.end();
  after.end();
  await flush();
  return { ...outcome, after: finalize(collector, after.tally.summary()) };
}

/** Records what a conversion needs decided; returns the text to write (the line as it was if not converted). */
function record(
  result: LineConversion,
  line: string,
  where: string,
  outcome: Omit<ConvertOutcome, 'after' | 'joined'>,
  to: ConvertTarget,
): string {
  if (result.provider) {
    // Said once per provider with a count: a 100,000-line Anthropic file is one sentence.
    const seen = outcome.otherProviders.find((p) => p.dialect === result.provider);
    if (seen) seen.lines++;
    else {
      const first = Number(/\d+/.exec(where)?.[0] ?? 0);
      outcome.otherProviders.push({
        dialect: result.provider,
        lines: 1,
        first,
        why: result.notes[0] ?? '',
      });
    }
    return line;
  }
  if (result.status === 'unparseable') {
    outcome.report.push(`${where}: not converted: ${result.error ?? 'not valid JSON'}`);
  }
  // Left as an OpenAI request in another provider's file, the line is one that provider refuses
  // (in a Responses file an embeddings line is still an OpenAI request, and check says if the
  // file mixes urls).
  if (result.status === 'not-chat' && to !== 'responses') {
    outcome.report.push(`${where}: not converted: ${result.notes[0] ?? 'not a chat request'}`);
  }
  for (const item of result.notCarried)
    outcome.report.push(`${where}: '${item.param}' ${item.reason}`);
  outcome.changes += result.changes.length;
  for (const change of result.changes)
    outcome.report.push(`${where}: '${change.param}' ${change.kind}: ${change.detail}`);
  if (result.status !== 'converted') return line;
  outcome.converted++;
  for (const note of result.notes) {
    // Bounded: notes are few kinds (a model name varies, so a file of many models stops at 20).
    if (!outcome.notes.includes(note) && outcome.notes.length < 20) outcome.notes.push(note);
  }
  return result.text;
}
