// The server half of "Convert to responses format" (and to other providers' batch lines, with
// `to`): converts the document (or a line range)
// line by line with the core's pure converter and applies ONE version-checked workspace edit
// that replaces only the lines that changed. A stale version applies nothing.

import type { ExecuteCommandParams } from 'vscode-languageserver/node';
import { CONVERT_TARGETS, convertLineTo, isObject, RESULTS_NOTE } from '../core';
import type { ConvertTarget } from '../core';
import type { TextEdit } from '../core';
import { Commands } from '../protocol';
import type { ConvertArgs, ConvertResult } from '../protocol';
import type { ServerContext } from './context';
import { invalid, isCount } from './guard';
import { workspaceEdit } from './workspace-edit';
import type { OpenDocument } from './documents';

export function parseConvertArgs(params: ExecuteCommandParams): ConvertArgs {
  const arg: unknown = Array.isArray(params.arguments) ? params.arguments[0] : undefined;
  if (!isObject(arg) || typeof arg.uri !== 'string' || typeof arg.version !== 'number') {
    throw invalid(
      `${Commands.serverConvert} expects [{ uri, version, startLine?, endLine?, to? }]`,
    );
  }
  const args: ConvertArgs = { uri: arg.uri, version: arg.version };
  if (arg.to !== undefined) {
    if (!CONVERT_TARGETS.includes(arg.to as ConvertTarget)) {
      throw invalid(`to must be one of ${CONVERT_TARGETS.join(', ')}`);
    }
    args.to = arg.to as ConvertTarget;
  }
  if (arg.startLine !== undefined) {
    if (!isCount(arg.startLine)) throw invalid('startLine must be a line number');
    args.startLine = arg.startLine;
  }
  if (arg.endLine !== undefined) {
    if (!isCount(arg.endLine)) throw invalid('endLine must be a line number');
    args.endLine = arg.endLine;
  }
  // A selection made upwards comes as a reversed range: the same lines, in order.
  if (args.startLine !== undefined && args.endLine !== undefined && args.startLine > args.endLine)
    [args.startLine, args.endLine] = [args.endLine, args.startLine];
  return args;
}

/** The undo label of each conversion. */
const LABELS: Record<ConvertTarget, string> = {
  responses: 'Convert to responses format',
  anthropic: 'Convert to Anthropic batch lines',
  gemini: 'Convert to Gemini batch lines',
};

function notApplied(reason: string): ConvertResult {
  return { applied: false, converted: 0, unchanged: 0, unparseable: 0, needsDecision: [], reason };
}

/**
 * The conversion of core lines start..end (inclusive) of a document: what happened to each line
 * and the edits (editor positions) that replace the converted ones. A conversion that leaves
 * other lines on /v1/chat/completions says so in `note`: a batch takes one url per file.
 */
export function conversionOf(
  doc: OpenDocument,
  start: number,
  end: number,
  to: ConvertTarget = 'responses',
): { result: ConvertResult; edits: TextEdit[]; firstUnread?: string } {
  let firstUnread: string | undefined;
  const model = doc.model;
  const mapper = model.mapper;
  const result: ConvertResult = {
    applied: false,
    converted: 0,
    unchanged: 0,
    unparseable: 0,
    needsDecision: [],
  };
  const edits: TextEdit[] = [];
  let chatLeft = 0;
  for (let line = start; line <= end; line++) {
    const text = model.getLine(line);
    const conversion = convertLineTo(text, to);
    if (conversion.status === 'unparseable') {
      result.unparseable++;
      firstUnread ??= `line ${line + 1}: ${conversion.error ?? 'not read'}`;
    } else if (conversion.status !== 'converted' || conversion.text === text) {
      result.unchanged++;
      if (usesChatUrl(text)) chatLeft++;
    } else {
      result.converted++;
      edits.push(
        mapper.spanToEditor({
          line,
          column: 0,
          endLine: line,
          endColumn: text.length,
          newText: conversion.text,
        }),
      );
    }
    for (const left of conversion.notCarried) {
      result.needsDecision.push(`line ${line + 1}: ${left.param}: ${left.reason}`);
    }
    for (const change of conversion.changes) {
      result.needsDecision.push(
        `line ${line + 1}: ${change.param}: ${change.kind}: ${change.detail}`,
      );
    }
  }
  chatLeft += chatLinesOutside(doc, start, end);
  if (result.converted > 0 && chatLeft > 0) result.note = mixedUrlWarning(chatLeft);
  return { result, edits, ...(firstUnread !== undefined && { firstUnread }) };
}

/** Whether a line names /v1/chat/completions as its url (a plain search: it runs on every line). */
export function usesChatUrl(text: string): boolean {
  return (
    text.includes('"/v1/chat/completions"') && /"url"\s*:\s*"\/v1\/chat\/completions"/.test(text)
  );
}

/** Lines outside start..end (core lines) that still use /v1/chat/completions. */
export function chatLinesOutside(doc: OpenDocument, start: number, end: number): number {
  let count = 0;
  for (let line = 0; line < doc.model.contentLineCount; line++) {
    if (line >= start && line <= end) continue;
    if (usesChatUrl(doc.model.getLine(line))) count++;
  }
  return count;
}

/** What a conversion that leaves chat lines behind says: the file then mixes two urls. */
export function mixedUrlWarning(chatLines: number): string {
  const lines = `${chatLines} line${chatLines === 1 ? '' : 's'}`;
  return `${lines} still use${chatLines === 1 ? 's' : ''} /v1/chat/completions: a batch takes one url per file, so convert ${chatLines === 1 ? 'it' : 'them'} too or split the file.`;
}

export async function convertDocument(
  ctx: ServerContext,
  params: ExecuteCommandParams,
): Promise<ConvertResult> {
  const args = parseConvertArgs(params);
  const to = args.to ?? 'responses';
  const doc = ctx.documents.get(args.uri);
  if (!doc) return notApplied('The document is not open.');
  if (doc.version !== args.version) {
    return notApplied(
      `The document changed (version ${args.version} was asked for, it is now ${doc.version}); run the command again.`,
    );
  }
  const model = doc.model;
  const mapper = model.mapper;
  // Lines in the arguments are the editor's; the converter works on the core's (JSONL) lines.
  const last = Math.max(0, model.contentLineCount - 1);
  const lastEditorLine = mapper.toEditor(last, model.getLine(last).length).line;
  if (args.startLine !== undefined && args.startLine > lastEditorLine) {
    return notApplied(
      `Line ${args.startLine + 1} is past the end of the document (${lastEditorLine + 1} lines); nothing to convert there.`,
    );
  }
  const start = Math.min(mapper.coreLine(args.startLine ?? 0), last);
  const end = Math.min(Math.max(mapper.coreLine(args.endLine ?? lastEditorLine), start), last);
  const { result, edits, firstUnread } = conversionOf(doc, start, end, to);
  if (edits.length === 0) {
    // A line that could not be read did need converting, maybe: say which and why.
    const unread = result.unparseable;
    const reason =
      firstUnread === undefined
        ? 'No line needed converting.'
        : `${unread} line${unread === 1 ? ' was' : 's were'} not converted (${firstUnread}); no other line needed converting.`;
    return { ...result, reason };
  }
  const edit = workspaceEdit(doc.uri, doc.version, edits, ctx.abilities.documentChanges);
  const response = await ctx.connection.workspace.applyEdit({
    label: LABELS[to],
    edit,
  });
  result.applied = response.applied;
  if (response.applied) result.note = [RESULTS_NOTE[to], result.note].filter(Boolean).join(' ');
  else {
    result.reason = response.failureReason ?? 'The editor did not apply the edit.';
  }
  return result;
}
