// "batchlint: Convert to responses format": asks the server to convert the active document, or
// the selected lines, pinned to the version on screen (the server refuses a stale one), then
// says what was converted and what needs a decision.

import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { Commands, fieldsNeedDecision } from '../../server/src/protocol';
import type { ConvertArgs, ConvertResult } from '../../server/src/protocol';

/** The 0-based inclusive line range of the selections, or undefined for the whole document. */
export function selectedLines(
  editor: vscode.TextEditor,
): { startLine: number; endLine: number } | undefined {
  const selections = editor.selections.filter((s) => !s.isEmpty);
  if (selections.length === 0) return undefined;
  const startLine = Math.min(...selections.map((s) => s.start.line));
  // A selection ending at column 0 of a line does not include that line.
  const endLine = Math.max(
    ...selections.map((s) =>
      s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line,
    ),
  );
  return { startLine, endLine };
}

export async function convertToResponses(
  client: LanguageClient,
): Promise<ConvertResult | undefined> {
  return convertTo(client, 'responses');
}

/** The other providers' batch lines a chat completions file converts to, as the picker offers them. */
const DIALECT_TARGETS = [
  { label: 'Anthropic', description: 'Message Batches: {custom_id, params}', to: 'anthropic' },
  { label: 'Gemini', description: 'batch mode: {key, request}', to: 'gemini' },
] as const;

/**
 * "batchlint: Convert to Another Provider's Batch Lines…": asks which provider (unless `target`
 * names it: 'anthropic' or 'gemini'), then converts as Convert to responses format does.
 */
export async function convertToDialect(
  client: LanguageClient,
  target?: unknown,
): Promise<ConvertResult | undefined> {
  const named = DIALECT_TARGETS.find((t) => t.to === target);
  const picked =
    named ??
    (await vscode.window.showQuickPick(DIALECT_TARGETS, {
      placeHolder: 'Convert the chat completions lines to the batch lines of…',
    }));
  return picked ? convertTo(client, picked.to) : undefined;
}

const TARGET_WORDS: Record<NonNullable<ConvertArgs['to']>, string> = {
  responses: '/v1/responses',
  anthropic: "Anthropic's batch lines",
  gemini: "Gemini's batch lines",
};

async function convertTo(
  client: LanguageClient,
  to: NonNullable<ConvertArgs['to']>,
): Promise<ConvertResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('batchlint: open a batch .jsonl file to convert it.');
    return undefined;
  }
  const document = editor.document;
  const args: ConvertArgs = {
    uri: document.uri.toString(),
    version: document.version,
    ...selectedLines(editor),
    ...(to !== 'responses' && { to }),
  };
  const result: ConvertResult = await client.sendRequest(ExecuteCommandRequest.type, {
    command: Commands.serverConvert,
    arguments: [args],
  });
  const decisions = result.needsDecision.length;
  if (!result.applied) {
    void vscode.window.showWarningMessage(
      `batchlint: nothing converted. ${result.reason ?? ''}`.trim(),
    );
    return result;
  }
  const summary =
    `batchlint: converted ${result.converted} line${result.converted === 1 ? '' : 's'} to ${TARGET_WORDS[to]}` +
    (result.unparseable > 0 ? `, ${result.unparseable} not valid JSON (left as they were)` : '') +
    (decisions > 0 ? `; ${fieldsNeedDecision(decisions)}.` : '.') +
    (result.note ? ` ${result.note}` : '');
  if (decisions === 0) {
    void vscode.window.showInformationMessage(summary);
    return result;
  }
  void vscode.window.showWarningMessage(summary, 'Show Details').then((choice) => {
    if (choice !== 'Show Details') return;
    client.outputChannel.appendLine(`Convert to ${TARGET_WORDS[to]}: ${document.uri.fsPath}`);
    for (const line of result.needsDecision) client.outputChannel.appendLine(`  ${line}`);
    client.outputChannel.show(true);
  });
  return result;
}
