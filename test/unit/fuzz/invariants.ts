// What must hold for any input at all, however broken: the checker reports instead of
// throwing, every position is inside the text, every fix stays on its problem's lines, and a
// fix never drops a top-level key of a line that parsed.

import assert from 'node:assert/strict';
import {
  applyEdits,
  convertLineToResponses,
  DocumentChecker,
  fixesFor,
  isProblemCode,
} from '../../../server/src/core';
import type { Fix, Problem } from '../../../server/src/core';
import { checkLine } from '../../../server/src/core/line-check';
import type { LineProblem } from '../../../server/src/core/line-check';

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function assertLineProblems(text: string, problems: readonly LineProblem[]): void {
  for (const p of problems) {
    assert.ok(isProblemCode(p.code), `code not in the catalogue: ${JSON.stringify(p)}`);
    assert.ok(
      typeof p.message === 'string' && p.message.trim() !== '',
      `empty message [${p.code}]`,
    );
    assert.ok(
      isCount(p.column) && isCount(p.endColumn),
      `bad columns [${p.code}] ${p.column}-${p.endColumn}`,
    );
    assert.ok(
      p.column <= p.endColumn,
      `column after endColumn [${p.code}] ${p.column}-${p.endColumn}`,
    );
    assert.ok(
      p.endColumn <= text.length,
      `endColumn ${p.endColumn} beyond the line (${text.length}) [${p.code}]`,
    );
  }
}

export function assertDocumentProblems(
  lines: readonly string[],
  problems: readonly Problem[],
): void {
  const last = Math.max(0, lines.length - 1);
  for (const p of problems) {
    const where = `[${p.code}] ${p.line}:${p.column}-${p.endLine}:${p.endColumn}`;
    assert.ok(isProblemCode(p.code), `code not in the catalogue ${where}`);
    assert.ok(p.message.trim() !== '', `empty message ${where}`);
    assert.ok([p.line, p.column, p.endLine, p.endColumn].every(isCount), `bad position ${where}`);
    assert.ok(p.line <= p.endLine && p.endLine <= last, `bad lines ${where} of ${lines.length}`);
    if (p.line === p.endLine) assert.ok(p.column <= p.endColumn, `reversed ${where}`);
    assert.ok(p.column <= (lines[p.line] ?? '').length, `column beyond its line ${where}`);
    assert.ok(p.endColumn <= (lines[p.endLine] ?? '').length, `endColumn beyond its line ${where}`);
  }
}

/** Checks each fix of a problem and applies it; returns the fixed texts of a one-line document. */
export function assertFixes(lines: string[], problem: Problem): string[][] {
  const fixes: Fix[] = fixesFor(problem, (n) => lines[n] ?? '');
  const results: string[][] = [];
  for (const fix of fixes) {
    assert.ok(fix.title.trim() !== '', `untitled fix for [${problem.code}]`);
    for (const e of fix.edits) {
      const where = `[${problem.code}] fix "${fix.title}" edit ${e.line}:${e.column}-${e.endLine}:${e.endColumn}`;
      assert.ok([e.line, e.column, e.endLine, e.endColumn].every(isCount), `bad edit ${where}`);
      assert.ok(
        e.line >= problem.line && e.line <= problem.endLine,
        `edit starts off the problem's lines ${where}`,
      );
      // Removing a whole line ends at column 0 of the next one; anything else stays on the lines.
      const endsOnNext = e.endLine === problem.endLine + 1 && e.endColumn === 0;
      assert.ok(
        e.endLine <= problem.endLine || endsOnNext,
        `edit ends off the problem's lines ${where}`,
      );
      assert.ok(e.column <= (lines[e.line] ?? '').length, `edit column beyond its line ${where}`);
      if (!endsOnNext)
        assert.ok(
          e.endColumn <= (lines[e.endLine] ?? '').length,
          `edit end beyond its line ${where}`,
        );
      assert.equal(typeof e.newText, 'string');
    }
    results.push(applyEdits(lines, fix.edits));
  }
  return results;
}

function topLevelKeys(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Bounds on what one line may produce, whatever its size or depth: a guard against runaway work
 * that does not depend on the machine's speed (timing belongs in `npm run bench`).
 */
export const MAX_PROBLEMS_PER_LINE = 64;
/** A message quotes at most a preview of the line, never the line itself. */
export const MAX_MESSAGE_CHARS = 1_000;

/** Asserts the size bounds above on one line's problems. */
export function assertBounded(problems: readonly { code: string; message: string }[]): void {
  assert.ok(problems.length <= MAX_PROBLEMS_PER_LINE, `${problems.length} problems on one line`);
  for (const p of problems)
    assert.ok(
      p.message.length <= MAX_MESSAGE_CHARS,
      `[${p.code}] message of ${p.message.length} chars: ${p.message.slice(0, 200)}`,
    );
}

/** The whole per-line pipeline on one line, with every invariant and size bound. */
export function runLineCase(text: string): void {
  const lineResult = checkLine(text);
  const checker = new DocumentChecker(text);
  const result = checker.check();
  assertLineProblems(text, lineResult.problems);
  assertBounded(lineResult.problems);
  const lines = Array.from({ length: checker.lineCount }, (_, i) => checker.getLine(i));
  assertDocumentProblems(lines, result.problems);

  const keys = lines.length === 1 ? topLevelKeys(lines[0]!) : undefined;
  for (const problem of result.problems) {
    if (!problem.fix) continue;
    // A fix that removes a key on purpose (an unknown top-level key) may lose that one key.
    const fix = problem.fix;
    const removed = fix.id === 'remove-key' && fix.path.length === 1 ? fix.path[0] : undefined;
    for (const fixed of assertFixes(lines, problem)) {
      const after = fixed.join('\n');
      if (keys) {
        const kept = topLevelKeys(after);
        assert.ok(
          kept,
          `fix for [${problem.code}] made a parsing line unparseable: ${after.slice(0, 300)}`,
        );
        for (const key of keys)
          assert.ok(
            key === removed || kept.includes(key),
            `fix for [${problem.code}] lost top-level key '${key}'`,
          );
      }
      // The fixed text must itself be checkable.
      new DocumentChecker(after).check();
    }
  }

  const conversion = convertLineToResponses(text);
  assert.ok(['converted', 'unchanged', 'unparseable', 'not-chat'].includes(conversion.status));
  if (conversion.status === 'converted') {
    const convertedKeys = topLevelKeys(conversion.text);
    assert.ok(convertedKeys, 'a converted line is not a JSON object');
    for (const key of keys ?? [])
      assert.ok(convertedKeys.includes(key), `convert lost top-level key '${key}'`);
  } else {
    assert.equal(conversion.text, text, `a ${conversion.status} line was changed`);
  }
}
