// `batchlint fix`: applies every safe fix, pass after pass (one fix per line per pass, so no two
// edits ever collide), until nothing safe is left. Lines without a safe fix are left exactly as
// they were, byte for byte.

import type { CheckResult, TextEdit } from '../core';
import { DocumentChecker, applyEdits, fixesFor, splitLines } from '../core';

const MAX_PASSES = 8;

export interface FixOutcome {
  text: string;
  applied: number;
  /** The check of the fixed text. */
  after: CheckResult;
}

export function fixText(original: string): FixOutcome {
  const split = splitLines(original);
  let lines = split.lines;
  let applied = split.bom ? 1 : 0;
  let checker = new DocumentChecker(lines.join('\n'));
  let result = checker.check();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const edits: TextEdit[] = [];
    const taken = new Set<number>();
    for (const problem of result.problems) {
      const fix = fixesFor(problem, (n) => checker.getLine(n)).find((f) => f.safe);
      if (!fix || fix.edits.length === 0) continue;
      const touched = fix.edits.flatMap((e) => range(e.line, Math.max(e.line, e.endLine)));
      if (touched.some((line) => taken.has(line))) continue;
      touched.forEach((line) => taken.add(line));
      edits.push(...fix.edits);
      applied++;
    }
    if (edits.length === 0) break;
    lines = applyEdits(lines, edits);
    checker = new DocumentChecker(lines.join('\n'));
    result = checker.check();
  }
  const crlf = split.crlf.filter(Boolean).length * 2 > split.crlf.length;
  const eol = crlf ? '\r\n' : '\n';
  const finalNewline = /\n$/.test(original);
  const text = lines.join(eol) + (finalNewline && lines.length > 0 ? eol : '');
  return { text, applied, after: result };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
