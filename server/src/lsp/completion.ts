// Completion inside a request line: the keys the schema allows at the cursor's object (the
// body's keys chosen by the line's url; deprecated ones struck through, with their description
// from core propertyInfo) and the values of enum-typed parameters.

import { CompletionItemKind, CompletionItemTag, MarkupKind } from 'vscode-languageserver/node';
import type { CompletionItem, CompletionParams, Range } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { requirePosition, requireUri } from './guard';
import { locateInLine } from './json-location';
import { keysOf, lineSchemasAt, propertyInfo } from './schema-info';
import type { Segment } from './schema-info';

export const COMPLETION_TRIGGERS = ['"', ':'];

function valueAt(value: unknown, path: readonly Segment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function completion(ctx: ServerContext, params: CompletionParams): CompletionItem[] {
  const uri = requireUri(params);
  const position = requirePosition(params);
  const doc = ctx.documents.get(uri);
  if (!doc || !doc.active || position.line >= doc.model.mapper.editorLineCount) return [];
  const mapper = doc.model.mapper;
  const { line, column } = mapper.toCore(position);
  const loc = locateInLine(doc.model.getLine(line), column);
  if (!loc) return [];
  const node = loc.node;
  // Replace the string or number being typed (quotes included), else insert at the cursor.
  const onNode =
    node && node.offset <= column && column <= node.offset + node.length && node.type !== 'object';
  const range: Range = onNode
    ? mapper.toEditorRange({
        line,
        column: node.offset,
        endLine: line,
        endColumn: node.offset + node.length,
      })
    : mapper.toEditorRange({ line, column, endLine: line, endColumn: column });

  if (loc.atKey) {
    const objectPath = loc.path.slice(0, -1);
    const present = valueAt(loc.value, objectPath);
    const typed = loc.path[loc.path.length - 1];
    const keys = keysOf(lineSchemasAt(loc.value, objectPath));
    const items: CompletionItem[] = [];
    for (const key of keys.keys()) {
      const exists = typeof present === 'object' && present !== null && key in present;
      if (exists && key !== typed) continue;
      const info = propertyInfo(loc.value, [...objectPath, key]);
      // Declared only to check what is inside (responses' `messages`): the parameter is elsewhere.
      if (info?.annotation?.movedTo !== undefined && !info.annotation.responses) continue;
      const item: CompletionItem = {
        label: key,
        kind: CompletionItemKind.Property,
        filterText: `"${key}"`,
        textEdit: { range, newText: onNode ? `"${key}"` : `"${key}": ` },
      };
      const doc = [info?.deprecated && `**Deprecated.** ${info.deprecated}`, info?.description];
      const text = doc.filter(Boolean).join('\n\n');
      if (text) item.documentation = { kind: MarkupKind.Markdown, value: text };
      if (info?.deprecated) item.tags = [CompletionItemTag.Deprecated];
      items.push(item);
    }
    return items;
  }

  const values = propertyInfo(loc.value, loc.path)?.values ?? [];
  return values.map((v) => {
    const text = JSON.stringify(v);
    return {
      label: text,
      kind: CompletionItemKind.EnumMember,
      filterText: text,
      textEdit: { range, newText: text },
    };
  });
}
