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
  let converted = 0;
  const report: string[] = [];
  let index = 0;
  for await (const { text, eol } of readLines(input)) {
    const bom = index === 0 && text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const line = bom ? text.slice(1) : text;
    const result = convertLineToResponses(line);
    const where = `line ${index + 1}`;
    if (result.status === 'unparseable')
      report.push(`${where}: not converted: ${result.error ?? 'not valid JSON'}`);
    for (const item of result.notCarried) report.push(`${where}: '${item.param}' ${item.reason}`);
    if (result.status === 'converted') converted++;
    const out = bom + (result.status === 'converted' ? result.text : line) + eol;
    if (!output.write(out)) await once(output, 'drain');
    index++;
  }
  return { converted, report };
}

/** Lines with their own endings ("\n", "\r\n" or "" for a last line without one). */
async function* readLines(input: Readable): AsyncGenerator<{ text: string; eol: string }> {
  let pending: Buffer[] = [];
  for await (const piece of input) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : (piece as Buffer);
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      yield split(Buffer.concat(pending).toString('utf8'), '\n');
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield split(Buffer.concat(pending).toString('utf8'), '');
}

function split(text: string, newline: string): { text: string; eol: string } {
  return text.endsWith('\r')
    ? { text: text.slice(0, -1), eol: `\r${newline}` }
    : { text, eol: newline };
}
