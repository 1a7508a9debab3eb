// Builds WorkspaceEdits for one document. Versioned (documentChanges) when the client allows it,
// so an edit computed for one version of a document is refused by the client for any other.

import type { TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextEdit } from '../core';

export function toLspEdit(edit: TextEdit): LspTextEdit {
  return {
    range: {
      start: { line: edit.line, character: edit.column },
      end: { line: edit.endLine, character: edit.endColumn },
    },
    newText: edit.newText,
  };
}

export function workspaceEdit(
  uri: string,
  version: number,
  edits: readonly TextEdit[],
  versioned: boolean,
): WorkspaceEdit {
  const lspEdits = edits.map(toLspEdit);
  if (versioned) return { documentChanges: [{ textDocument: { uri, version }, edits: lspEdits }] };
  return { changes: { [uri]: lspEdits } };
}

function before(a: TextEdit, line: number, column: number): boolean {
  return a.line < line || (a.line === line && a.column < column);
}

/** Whether two edits touch the same text (two insertions at one point count: their order is ambiguous). */
export function overlaps(a: TextEdit, b: TextEdit): boolean {
  const aEndsBeforeB = before({ ...a, line: a.endLine, column: a.endColumn }, b.line, b.column);
  const bEndsBeforeA = before({ ...b, line: b.endLine, column: b.endColumn }, a.line, a.column);
  if (aEndsBeforeB || bEndsBeforeA) return false;
  const aEmpty = a.line === a.endLine && a.column === a.endColumn;
  const bEmpty = b.line === b.endLine && b.column === b.endColumn;
  // Touching ranges ([x,y) and [y,z)) do not overlap unless one is an insertion at the seam.
  if (a.endLine === b.line && a.endColumn === b.column) return aEmpty || bEmpty;
  if (b.endLine === a.line && b.endColumn === a.column) return aEmpty || bEmpty;
  return true;
}

/**
 * Merges groups of edits (one group per fix) into one list: a group is taken whole or not at
 * all, and never when it overlaps a group already taken. Groups are taken in document order.
 */
export function mergeEditGroups(groups: readonly (readonly TextEdit[])[]): TextEdit[] {
  const ordered = groups
    .filter((g) => g.length > 0)
    .map((g) => ({ g, first: g.reduce((m, e) => (before(e, m.line, m.column) ? e : m)) }))
    .sort((x, y) => x.first.line - y.first.line || x.first.column - y.first.column);
  const taken: TextEdit[] = [];
  // The farthest end of anything taken: a group starting after it cannot overlap (the usual
  // case, one fix per line), which keeps fix-all linear on large files.
  let reach = { line: -1, column: 0 };
  for (const { g, first } of ordered) {
    const clear = before(
      { ...first, line: reach.line, column: reach.column },
      first.line,
      first.column,
    );
    if (!clear && g.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...g);
    for (const e of g) {
      if (before({ ...e, line: reach.line, column: reach.column }, e.endLine, e.endColumn)) {
        reach = { line: e.endLine, column: e.endColumn };
      }
    }
  }
  return taken;
}
