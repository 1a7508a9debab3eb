// Fixes are pure functions: (the problem, the text of its lines) → edits within those lines.
// A problem carries a FixRef (an id and the data the fix needs), so a fix can be computed from
// the problem alone, long after the check, as LSP code actions require.

import type { Fix, Problem, TextEdit } from '../types';
import { LineEditor } from './edits';
import type { Replacement } from './edits';
import { PART_FIXES } from './parts';
import { KEY_FIXES } from './keys';
import { STRICT_FIXES } from './strict';
import { scanLenient } from '../syntax/repair';
import { findBlock } from '../syntax/blocks';
import { describeRepairs } from '../syntax/diagnose';

/** Fixes that change meaning or drop data are offered, but never applied without review. */
const REVIEW_FIRST = new Set(['remove-key']);

export function fixesFor(problem: Problem, getLine: (line: number) => string): Fix[] {
  const ref = problem.fix;
  if (!ref) return [];
  const text = getLine(problem.line);
  const safe = typeof ref.safe === 'boolean' ? ref.safe : !REVIEW_FIRST.has(ref.id);
  switch (ref.id) {
    case 'remove-line':
      return [{ title: 'Remove the blank line', edits: [removeLine(problem.line)], safe: true }];
    case 'remove-bom':
      // The byte order mark is outside every line's text; front ends that can see it remove it.
      return [];
    case 'repair-json': {
      const scan = scanLenient(text);
      if (scan.replacements.length === 0) return [];
      const title = `Fix the JSON: replace ${describeRepairs(scan.kinds)}`;
      return [{ title, edits: onLine(problem.line, scan.replacements), safe: true }];
    }
    case 'join-lines': {
      const block = findBlock(getLine, problem.line, Number(ref.endLine) + 1);
      if (!block) return [];
      const endColumn = getLine(block.endLine).length;
      const title =
        block.repairs.length > 0
          ? 'Join the request into one line and fix its quotes'
          : 'Join the request into one line';
      return [
        {
          title,
          edits: [
            {
              line: block.startLine,
              column: 0,
              endLine: block.endLine,
              endColumn,
              newText: block.joined,
            },
          ],
          safe: true,
        },
      ];
    }
  }
  const run = PART_FIXES[ref.id] ?? KEY_FIXES[ref.id] ?? STRICT_FIXES[ref.id];
  if (!run) return [];
  const editor = new LineEditor(text);
  const title = run(ref, editor);
  const edits = editor.sorted();
  if (!title || !edits || edits.length === 0) return [];
  return [{ title, edits: onLine(problem.line, edits), safe }];
}

function onLine(line: number, replacements: readonly Replacement[]): TextEdit[] {
  return replacements.map((r) => ({
    line,
    column: r.start,
    endLine: line,
    endColumn: r.end,
    newText: r.newText,
  }));
}

function removeLine(line: number): TextEdit {
  return { line, column: 0, endLine: line + 1, endColumn: 0, newText: '' };
}

/** Applies edits (document positions) to lines; later edits first so earlier offsets stay valid. */
export function applyEdits(lines: string[], edits: readonly TextEdit[]): string[] {
  const result = [...lines];
  const ordered = [...edits].sort((a, b) => b.line - a.line || b.column - a.column);
  for (const edit of ordered) {
    const head = (result[edit.line] ?? '').slice(0, edit.column);
    const tail =
      edit.endLine >= result.length ? '' : (result[edit.endLine] ?? '').slice(edit.endColumn);
    const replaced = (head + edit.newText + tail).split('\n');
    const count = Math.min(result.length, edit.endLine + 1) - edit.line;
    result.splice(edit.line, Math.max(count, 1), ...replaced);
    if (edit.endLine >= lines.length && replaced.length === 1 && replaced[0] === '')
      result.splice(edit.line, 1);
  }
  return result;
}
