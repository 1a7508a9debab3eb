// `batchlint convert --to responses`: converts every chat-completions line, leaves every other
// line exactly as it was, and lists what could not be carried over.

import { convertLineToResponses, splitLines } from '../core';

export interface ConvertOutcome {
  text: string;
  converted: number;
  /** One human-readable line per thing that needs a decision, prefixed by its 1-based line. */
  report: string[];
}

export function convertText(original: string): ConvertOutcome {
  const split = splitLines(original);
  let converted = 0;
  const report: string[] = [];
  const lines = split.lines.map((line, index) => {
    const result = convertLineToResponses(line);
    const where = `line ${index + 1}`;
    if (result.status === 'unparseable')
      report.push(`${where}: not converted: ${result.error ?? 'not valid JSON'}`);
    for (const item of result.notCarried) report.push(`${where}: '${item.param}' ${item.reason}`);
    if (result.status !== 'converted') return line;
    converted++;
    return result.text;
  });
  const eol = split.crlf.filter(Boolean).length * 2 > split.crlf.length ? '\r\n' : '\n';
  const bom = split.bom ? '\uFEFF' : '';
  const text = bom + lines.join(eol) + (/\n$/.test(original) && lines.length > 0 ? eol : '');
  return { text, converted, report };
}
