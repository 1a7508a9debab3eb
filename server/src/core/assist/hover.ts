// Hover on a request line, as a pure function of (line text, column): on a key, what the
// parameter is (propertyInfo: a one-line description, type, range, default, the values it
// takes, deprecation, its place on /v1/responses, docs link), and, for a key the endpoint does
// not know, which keys it does accept; on the `model` value, the model table's facts. The
// language server only turns the columns into an editor range.

import { nestsDeeperThan } from '../depth';
import { isObject } from '../json';
import { formatParam } from '../words';
import { keysOf, lineSchemasAt, propertyInfo } from '../schema/info';
import type { PropertyInfo } from '../schema/info';
import { ModelCatalogue } from '../models/catalogue';
import { keyAt, stringValueAt } from './cursor';
import { modelHoverMarkdown } from './model-hover';

/** What a hover shows: Markdown, and the key it is about (UTF-16 columns of the line). */
export interface HoverInfo {
  markdown: string;
  start: number;
  end: number;
}

const code = (v: unknown): string => `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``;

/** The facts line: `Type: integer | null · Range: 0 to 2 · Default: 1`. */
function factsLine(info: PropertyInfo): string | undefined {
  const facts: string[] = [];
  if (info.types.length > 0) facts.push(`Type: ${info.types.map(code).join(' | ')}`);
  if (info.range !== undefined) facts.push(`Range: ${info.range}`);
  if (info.default !== undefined) facts.push(`Default: ${code(JSON.stringify(info.default))}`);
  return facts.length > 0 ? facts.join(' · ') : undefined;
}

/**
 * The hover at `column` of a request line, or undefined when there is none. `models` is the
 * model table in force (the built-in one unless the user layered a file on it).
 */
export function hoverAt(
  text: string,
  column: number,
  models: ModelCatalogue = ModelCatalogue.builtIn(),
): HoverInfo | undefined {
  // A line deeper than any stage reads has no hover (its problem says why).
  if (nestsDeeperThan(text)) return undefined;
  const value = stringValueAt(text, column);
  if (value && value.path.length === 2 && value.path[0] === 'body' && value.path[1] === 'model') {
    const name = String(value.node.value);
    return {
      markdown: modelHoverMarkdown(name, models),
      start: value.node.offset,
      end: value.node.offset + value.node.length,
    };
  }
  return keyHover(text, column);
}

function keyHover(text: string, column: number): HoverInfo | undefined {
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
    const facts = factsLine(info);
    if (facts) lines.push(facts);
    const { values } = info;
    if (values.length > 0 && values.length <= 40) {
      lines.push(`Accepted values: ${values.map((v) => code(JSON.stringify(v))).join(', ')}`);
    }
    if (info.apiListed) {
      lines.push(
        `The API's error message for a wrong value lists ${info.apiListed.map((v) => code(JSON.stringify(v))).join(', ')}: the values of every such place, not only this one.`,
      );
    }
    if (info.movedTo !== undefined && endpoint === '/v1/chat/completions') {
      lines.push(`On \`/v1/responses\`: \`${info.movedTo}\``);
    }
    if (info.docs) lines.push(`[Documentation](${info.docs})`);
  }
  return { markdown: lines.join('\n\n'), start: node.offset, end: node.offset + node.length };
}
