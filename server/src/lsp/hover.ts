// Hover on a key of a request line: what the parameter is (core propertyInfo: description,
// deprecation, its place on /v1/responses, docs link), what it accepts, and, for a key the
// endpoint does not know, which keys it does accept.

import { MarkupKind } from 'vscode-languageserver/node';
import type { Hover, HoverParams } from 'vscode-languageserver/node';
import type { ServerContext } from './context';
import { requirePosition, requireUri } from './guard';
import { keyAt } from './json-location';
import { formatParam, isObject } from '../core';
import { keysOf, lineSchemasAt, propertyInfo } from './schema-info';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const uri = requireUri(params);
  const position = requirePosition(params);
  const doc = ctx.documents.get(uri);
  if (!doc || !doc.active || position.line >= doc.model.mapper.editorLineCount) return null;
  const mapper = doc.model.mapper;
  const { line, column } = mapper.toCore(position);
  const text = doc.model.getLine(line);
  const found = keyAt(text, column);
  if (!found) return null;
  const { path, node, value } = found;
  const key = path[path.length - 1];
  const inBody = path[0] === 'body';
  const endpoint = isObject(value) && typeof value.url === 'string' ? value.url : undefined;
  const info = propertyInfo(value, path);
  const lines: string[] = [];
  const param = inBody ? formatParam(path.slice(1)) : formatParam(path);
  lines.push(`**${param}**${inBody && endpoint ? ` — \`${endpoint}\`` : ''}`);
  if (info === undefined) {
    const siblings = [...keysOf(lineSchemasAt(value, path.slice(0, -1))).keys()];
    if (siblings.length === 0) return null;
    const where = inBody && endpoint ? `\`${endpoint}\`` : 'This object';
    lines.push(
      `${where} does not accept \`${String(key)}\` here. It accepts: ${siblings.map((k) => `\`${k}\``).join(', ')}.`,
    );
  } else {
    if (info.deprecated) lines.push(`**Deprecated.** ${info.deprecated}`);
    if (info.description) lines.push(info.description);
    const { types, values } = info;
    if (types.length > 0) lines.push(`Type: ${types.map((t) => `\`${t}\``).join(' | ')}`);
    if (values.length > 0 && values.length <= 40) {
      lines.push(`Accepted values: ${values.map((v) => `\`${JSON.stringify(v)}\``).join(', ')}`);
    }
    if (info.default !== undefined) lines.push(`Default: \`${JSON.stringify(info.default)}\``);
    if (info.movedTo !== undefined && endpoint === '/v1/chat/completions') {
      lines.push(`On \`/v1/responses\`: \`${info.movedTo}\``);
    }
    if (info.docs) lines.push(`[Documentation](${info.docs})`);
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') },
    range: mapper.toEditorRange({
      line,
      column: node.offset,
      endLine: line,
      endColumn: node.offset + node.length,
    }),
  };
}
