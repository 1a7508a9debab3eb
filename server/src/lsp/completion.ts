// textDocument/completion: the core's completionsAt on the line under the cursor, turned into
// CompletionItems (kinds, tags, an editor range from the document's position mapper).

import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver/node';
import type { CompletionItem, CompletionParams } from 'vscode-languageserver/node';
import { completionsAt } from '../core';
import type { ServerContext } from './context';
import { requirePosition, requireUri } from './guard';

export const COMPLETION_TRIGGERS = ['"', ':'];

export function completion(ctx: ServerContext, params: CompletionParams): CompletionItem[] {
  const uri = requireUri(params);
  const position = requirePosition(params);
  const doc = ctx.documents.get(uri);
  if (!doc || !doc.active || position.line >= doc.model.mapper.editorLineCount) return [];
  const mapper = doc.model.mapper;
  const { line, column } = mapper.toCore(position);
  const found = completionsAt(doc.model.getLine(line), column, ctx.models);
  if (!found) return [];
  const range = mapper.toEditorRange({
    line,
    column: found.start,
    endLine: line,
    endColumn: found.end,
  });
  return found.entries.map((entry) => {
    const item: CompletionItem = {
      label: entry.label,
      kind: entry.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
      filterText: entry.filterText,
      textEdit: { range, newText: entry.insertText },
    };
    if (entry.snippet !== undefined && ctx.abilities.snippets) {
      item.textEdit = { range, newText: entry.snippet };
      item.insertTextFormat = InsertTextFormat.Snippet;
    }
    if (entry.detail !== undefined) item.detail = entry.detail;
    if (entry.documentation) {
      item.documentation = { kind: MarkupKind.Markdown, value: entry.documentation };
    }
    if (entry.deprecated) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}
