// `batchlint convert --to responses`: converts every chat-completions line, leaves every other
// line exactly as it was (line endings and a BOM included), and lists what could not be carried
// over. Streams line by line, so a 200 MB file never sits in memory whole.

import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { convertLineToResponses } from '../core';

export interface ConvertOutcome {
  converted: number;
  /** One human-readable line per thing that needs a decision, prefixed by its 1-based line. */
  report: string[];
}

export async function convertStream(input: Readable, output: Writable): Promise<ConvertOutcome> {
  const outcome: ConvertOutcome = { converted: 0, report: [] };
  let index = 0;
  // One write per chunk read, not per line: the stream machinery costs more than a line.
  for await (const lines of readLines(input)) {
    let out = '';
    for (const { text, eol } of lines) out += convertOne(text, index++, outcome) + eol;
    if (!output.write(out)) await once(output, 'drain');
  }
  return outcome;
}

/** Converts one line (keeping a leading BOM on the first), recording what needs a decision. */
function convertOne(text: string, index: number, outcome: ConvertOutcome): string {
  const bom = index === 0 && text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const line = bom ? text.slice(1) : text;
  const result = convertLineToResponses(line);
  const where = `line ${index + 1}`;
  if (result.status === 'unparseable') {
    outcome.report.push(`${where}: not converted: ${result.error ?? 'not valid JSON'}`);
  }
  for (const item of result.notCarried)
    outcome.report.push(`${where}: '${item.param}' ${item.reason}`);
  if (result.status !== 'converted') return bom + line;
  outcome.converted++;
  return bom + result.text;
}

interface Line {
  text: string;
  /** "\n", "\r\n", or "" for a last line without one. */
  eol: string;
}

/** The complete lines of each chunk read, with their own endings. */
async function* readLines(input: Readable): AsyncGenerator<Line[]> {
  let pending: Buffer[] = [];
  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : (piece as Buffer);
    const lines: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      const text =
        pending.length === 0
          ? chunk.toString('utf8', start, nl)
          : Buffer.concat([...pending, chunk.subarray(start, nl)]).toString('utf8');
      lines.push(split(text, '\n'));
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    if (lines.length > 0) yield lines;
  }
  if (pending.length > 0) yield [split(Buffer.concat(pending).toString('utf8'), '')];
}

function split(text: string, newline: string): Line {
  return text.endsWith('\r')
    ? { text: text.slice(0, -1), eol: `\r${newline}` }
    : { text, eol: newline };
}
