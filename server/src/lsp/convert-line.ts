// "Convert this line to responses format": a quick fix offered on a /v1/chat/completions line
// under the cursor. The edit replaces that line's text only; what the converter could not
// carry over is named in the title so nothing changes unnoticed.

import { CodeActionKind } from 'vscode-languageserver/node';
import type { CodeAction } from 'vscode-languageserver/node';
import { convertLineToResponses } from '../core';
import type { OpenDocument } from './documents';
import type { LspRange } from './text-model';
import { workspaceEdit } from './workspace-edit';
import { fieldsNeedDecision } from '../protocol';

/** Lines longer than this are not offered (converting a huge line on every cursor move is too slow). */
const MAX_LINE = 1_000_000;
const CHAT_URL = /"url"\s*:\s*"\/v1\/chat\/completions"/;

export function convertLineAction(
  doc: OpenDocument,
  range: LspRange,
  versioned: boolean,
): CodeAction | undefined {
  // A selection over many lines is the convert command's job; the quick fix is per line.
  const line = range.start.line;
  if (range.end.line > line + 1 || (range.end.line === line + 1 && range.end.character > 0)) {
    return undefined;
  }
  if (line >= doc.model.mapper.editorLineCount) return undefined;
  const coreLine = doc.model.mapper.coreLine(line);
  const text = doc.model.getLine(coreLine);
  if (text.length > MAX_LINE || !CHAT_URL.test(text)) return undefined;
  const conversion = convertLineToResponses(text);
  if (conversion.status !== 'converted') return undefined;
  const edit = doc.model.mapper.spanToEditor({
    line: coreLine,
    column: 0,
    endLine: coreLine,
    endColumn: text.length,
    newText: conversion.text,
  });
  const left = conversion.notCarried.length + conversion.changes.length;
  const title =
    left === 0
      ? 'Convert this line to responses format'
      : `Convert this line to responses format (${fieldsNeedDecision(left)})`;
  return {
    title,
    kind: CodeActionKind.QuickFix,
    edit: workspaceEdit(doc.uri, doc.version, [edit], versioned),
  };
}
