// `batchlint convert --to responses|anthropic|gemini`: converts every chat-completions line, leaves every other
// line exactly as it was (line endings, a BOM, even bytes that are not UTF-8), and lists what
// could not be carried over. Streams chunk by chunk, so a 200 MB file never sits in memory whole.

import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { convertLineTo } from '../core';
import type { ConvertTarget } from '../core';
import { LineReader } from '../core/line-reader';

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
}

export async function convertStream(
  input: Readable,
  output: Writable,
  to: ConvertTarget = 'responses',
): Promise<ConvertOutcome> {
  const outcome: ConvertOutcome = { converted: 0, report: [], changes: 0, notes: [] };
  let index = 0;
  // The output of the chunk being read: text, with the raw bytes of any line that is not valid
  // UTF-8 in between (copied byte for byte).
  let pieces: (string | Buffer)[] = [];
  let text = '';
  const reader = new LineReader({
    bom: () => {
      text += '\uFEFF';
    },
    line: (line, _bytes, ended) => {
      const cr = line.endsWith('\r');
      const eol = (cr ? '\r' : '') + (ended ? '\n' : '');
      text += convertOne(cr ? line.slice(0, -1) : line, index++, outcome, to) + eol;
    },
    badLine: (raw, ended) => {
      outcome.report.push(`line ${++index}: not converted: the line is not valid UTF-8`);
      pieces.push(text, raw, ended ? '\n' : '');
      text = '';
    },
  });
  const flush = async (): Promise<void> => {
    pieces.push(text);
    text = '';
    for (const piece of pieces) {
      if (piece.length > 0 && !output.write(piece)) await once(output, 'drain');
    }
    pieces = [];
  };
  // One write per chunk read, not per line: the stream machinery costs more than a line.
  for await (const chunk of input) {
    reader.feed(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
    await flush();
  }
  reader.end();
  await flush();
  return outcome;
}

/** Converts one line, recording what needs a decision; a line it does not convert stays as is. */
function convertOne(
  line: string,
  index: number,
  outcome: ConvertOutcome,
  to: ConvertTarget,
): string {
  const result = convertLineTo(line, to);
  const where = `line ${index + 1}`;
  if (result.status === 'unparseable') {
    outcome.report.push(`${where}: not converted: ${result.error ?? 'not valid JSON'}`);
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
