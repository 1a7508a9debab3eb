// "Convert to responses format" as a refactoring (`refactor.rewrite`), not a quick fix: offered
// once, for the whole file or for the lines selected, wherever a line of that scope uses
// /v1/chat/completions. Its edit (one undoable edit of the converted lines) is computed only when
// the action is chosen (codeAction/resolve): converting a whole file on every cursor move would
// be waste. A selection that would leave other lines on /v1/chat/completions says so in its
// title, and the conversion's result says so again: a batch takes one url per file.

import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction } from 'vscode-languageserver/node';
import { isObject } from '../core';
import { fieldsNeedDecision } from '../protocol';
import type { ServerContext } from './context';
import type { OpenDocument } from './documents';
import type { LspRange } from './text-model';
import { chatLinesOutside, conversionOf, usesChatUrl } from './convert-command';
import { workspaceEdit } from './workspace-edit';

/** What a convert action carries until it is resolved: the document version and its core lines. */
interface ConvertData {
  convert: { uri: string; version: number; start: number; end: number };
}

/** The refactoring on offer for this range, if any line of its scope uses chat completions. */
export function convertAction(doc: OpenDocument, range: LspRange): CodeAction | undefined {
  const model = doc.model;
  const mapper = model.mapper;
  const last = model.contentLineCount - 1;
  if (last < 0) return undefined;
  // A range within one line (the cursor) means the whole file; a selection over lines, those.
  const endLine = range.end.character === 0 ? range.end.line - 1 : range.end.line;
  const whole = endLine <= range.start.line;
  const start = whole ? 0 : Math.min(mapper.coreLine(range.start.line), last);
  const end = whole ? last : Math.min(mapper.coreLine(endLine), last);
  let found = false;
  for (let line = start; line <= end && !found; line++) found = usesChatUrl(model.getLine(line));
  if (!found) return undefined;
  let title = whole
    ? 'Convert the file to responses format'
    : `Convert lines ${start + 1}–${end + 1} to responses format`;
  if (!whole) {
    const outside = chatLinesOutside(doc, start, end);
    if (outside > 0)
      title += ` (leaves ${outside} other line${outside === 1 ? '' : 's'} on /v1/chat/completions)`;
  }
  const data: ConvertData = { convert: { uri: doc.uri, version: doc.version, start, end } };
  return { title, kind: CodeActionKind.RefactorRewrite, data };
}

/** Whether a code action is one of ours to resolve. */
export function isConvertAction(action: CodeAction): boolean {
  return isObject(action.data) && isObject(action.data.convert);
}

/**
 * Fills in the edit of a convert action chosen by the user. A document changed since the action
 * was offered gets no edit (the client then applies nothing) rather than an edit of stale lines.
 */
export function resolveConvertAction(ctx: ServerContext, action: CodeAction): CodeAction {
  const data = (action.data as ConvertData).convert;
  const doc = ctx.documents.get(String(data.uri));
  if (!doc || doc.version !== data.version) return action;
  const last = doc.model.contentLineCount - 1;
  const start = Math.max(0, Math.min(Number(data.start), last));
  const end = Math.max(start, Math.min(Number(data.end), last));
  const { result, edits } = conversionOf(doc, start, end);
  if (edits.length === 0) return action;
  const decisions = result.needsDecision.length;
  const notes = [
    decisions > 0 ? `${fieldsNeedDecision(decisions)} (kept as written)` : '',
    result.note ?? '',
  ].filter(Boolean);
  return {
    ...action,
    ...(notes.length > 0 && { title: `${action.title}: ${notes.join('; ')}` }),
    edit: workspaceEdit(doc.uri, doc.version, edits, ctx.abilities.documentChanges),
  };
}
