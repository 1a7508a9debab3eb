// textDocument/hover: the core's hoverAt on the line under the cursor, its columns turned into
// an editor range by the document's position mapper. Nothing else is decided here.

import { MarkupKind } from 'vscode-languageserver/node';
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import { hoverAt } from '../core';
import type { ServerContext } from './context';
import { requirePosition, requireUri } from './guard';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const uri = requireUri(params);
  const position = requirePosition(params);
  const doc = ctx.documents.get(uri);
  if (!doc || !doc.active || position.line >= doc.model.mapper.editorLineCount) return null;
  const mapper = doc.model.mapper;
  const { line, column } = mapper.toCore(position);
  const found = hoverAt(doc.model.getLine(line), column, ctx.models);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: mapper.toEditorRange({ line, column: found.start, endLine: line, endColumn: found.end }),
  };
}
