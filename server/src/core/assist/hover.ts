// Hover on a key of a request line, as a pure function of (line text, column): what the
// parameter is (propertyInfo: description, deprecation, its place on /v1/responses, docs
// link), what it accepts, and, for a key the endpoint does not know, which keys it does accept.
// The language server only turns the columns into an editor range.

import { isObject } from '../json';
import { formatParam } from '../words';
import { keysOf, lineSchemasAt, propertyInfo } from '../schema/info';
import { keyAt } from './cursor';

/** What a hover shows: Markdown, and the key it is about (UTF-16 columns of the line). */
export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

/** The hover for the key under `column` of a request line, or undefined when there is none. */
export function hoverAt(text: string, column: number): HoverInfo | undefined {
  const found = keyAt(text, column);
  if (!found) return undefined;
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
    if (siblings.length === 0) return undefined;
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
  return { markdown: lines.join('\n\n'), start: node.offset, end: node.offset + node.length };
}
