// Code actions: a quick fix per core Fix of each batchlint diagnostic in the range, "fix all of
// this kind" (one merged edit), `source.fixAll.batchlint` (every safe fix, for codeActionsOnSave)
// and "Convert to responses format" as a refactoring of the file or selection. A diagnostic's fixes
// are built from the diagnostic alone (its code, range and `data`), for the document version
// its `data` names and no other; fixes come from the core's pure fixesFor. This file only picks,
// merges and wraps them as versioned edits.

import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction, CodeActionParams, Diagnostic } from 'vscode-languageserver/node';
import { PROBLEMS, fixesFor, isProblemCode } from '../core';
import type { Fix, Problem, TextEdit } from '../core';
import { FIX_ALL_KIND } from '../protocol';
import type { ServerContext } from './context';
import { diagnosticVersion, problemFromDiagnostic } from './diagnostics';
import type { OpenDocument } from './documents';
import { convertAction } from './convert-action';
import { requireRange, requireUri } from './guard';
import type { Validator } from './validate';
import { mergeEditGroups, workspaceEdit } from './workspace-edit';

/** Whether an action of `kind` was asked for (`only` holds kind prefixes, "" or none means all). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return kind !== FIX_ALL_KIND && !kind.startsWith('source');
  return only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
}

/**
 * The fixes of one problem, in editor coordinates. The BOM fix's edit is ours: the core names the
 * fix but cannot see the mark, which is character 0 of the editor's text.
 */
export function fixesOf(doc: OpenDocument, problem: Problem): Fix[] {
  if (problem.fix?.id === 'remove-bom') {
    if (!doc.model.hasBom) return [];
    const edit: TextEdit = { line: 0, column: 0, endLine: 0, endColumn: 1, newText: '' };
    return fixesFor(problem, () => '').map((fix) => ({ ...fix, edits: [edit] }));
  }
  const model = doc.model;
  const mapper = model.mapper;
  return fixesFor(mapper.spanToCore(problem), (line) => model.getLine(line)).map((fix) => ({
    ...fix,
    edits: fix.edits.map((e) => mapper.spanToEditor(e)),
  }));
}

/** "Fix all 3 'Invalid type' problems in the file": the catalogue's title, never the bare code. */
export function fixAllTitle(code: string, count: number): string {
  const title = isProblemCode(code) ? PROBLEMS[code].title : code;
  return `Fix all ${count} '${title}' problems in the file`;
}

/** The fix an editor applies first: the first safe one, else none (unsafe fixes need a look). */
export function preferredIndex(fixes: readonly Fix[]): number {
  return fixes.findIndex((f) => f.safe);
}

export function codeActions(
  ctx: ServerContext,
  validator: Validator,
  params: CodeActionParams,
): CodeAction[] {
  const uri = requireUri(params);
  const range = requireRange(params);
  const doc = ctx.documents.get(uri);
  if (!doc) return [];
  const result = validator.fresh(doc);
  if (!result) return [];
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
  const versioned = ctx.abilities.documentChanges;
  const edit = (edits: readonly TextEdit[]) => workspaceEdit(uri, doc.version, edits, versioned);
  const actions: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix, only)) {
    const fixAllCodes = new Set<string>();
    for (const diagnostic of diagnostics as unknown[]) {
      // Anyone else's diagnostic, or a malformed one, gets nothing; the others still get theirs.
      const problem = problemFromDiagnostic(diagnostic);
      if (!problem) continue;
      // Only diagnostics of the current version: a stale one's fix would edit the wrong text.
      if (diagnosticVersion(diagnostic) !== doc.version) continue;
      const fixes = fixesOf(doc, problem);
      const preferred = preferredIndex(fixes);
      fixes.forEach((fix, i) => {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic as Diagnostic],
          isPreferred: i === preferred,
          edit: edit(fix.edits),
        });
      });
      if (fixes.length > 0) fixAllCodes.add(problem.code);
    }
    for (const code of fixAllCodes) {
      const groups = result.problems
        .filter((p) => p.code === code)
        .map((p) => {
          const fixes = fixesOf(doc, p);
          return fixes[Math.max(0, preferredIndex(fixes))]?.edits ?? [];
        })
        .filter((g) => g.length > 0);
      // With one problem of the kind the quick fix itself is the whole story.
      if (groups.length < 2) continue;
      actions.push({
        title: fixAllTitle(code, groups.length),
        kind: CodeActionKind.QuickFix,
        edit: edit(mergeEditGroups(groups)),
      });
    }
  }

  if (wanted(CodeActionKind.RefactorRewrite, only)) {
    const convert = convertAction(doc, range);
    if (convert) actions.push(convert);
  }

  if (wanted(FIX_ALL_KIND, only)) {
    const groups = result.problems.map((p) => {
      const fixes = fixesOf(doc, p);
      const preferred = preferredIndex(fixes);
      return preferred >= 0 ? fixes[preferred]!.edits : [];
    });
    const edits = mergeEditGroups(groups);
    if (edits.length > 0) {
      actions.push({
        title: 'Fix all safe batchlint problems',
        kind: FIX_ALL_KIND,
        edit: edit(edits),
      });
    }
  }
  return actions;
}
