// Two tools with one name leave the model unable to tell them apart. The API's answer to this
// is not documented (no public report quotes one), so it is a warning in batchlint's words.

import type { Endpoint, Finding, JsonPath } from '../types';
import type { Body, BodyRule } from './rule';
import { NONE } from './rule';
import { CHAT_AND_RESPONSES } from './scopes';
import { isObject } from '../json';
import { formatParam } from '../words';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: CHAT_AND_RESPONSES,
  keys: ['tools'],
  check,
};

/** Where a function or custom tool keeps its name: nested in chat, flat in Responses. */
function namePath(tool: Record<string, unknown>, i: number, chat: boolean): JsonPath | undefined {
  if (tool.type !== 'function' && tool.type !== 'custom') return undefined;
  return chat ? ['tools', i, tool.type, 'name'] : ['tools', i, 'name'];
}

function check(body: Body, endpoint: Endpoint): Finding[] {
  const tools = body.tools;
  if (!Array.isArray(tools) || tools.length < 2) return NONE;
  const chat = endpoint === '/v1/chat/completions';
  const first = new Map<string, JsonPath>();
  let found: Finding[] | undefined;
  tools.forEach((tool: unknown, i: number) => {
    if (!isObject(tool)) return;
    const path = namePath(tool, i, chat);
    if (!path) return;
    const holder = chat ? tool[String(tool.type)] : tool;
    const name = isObject(holder) ? holder.name : undefined;
    if (typeof name !== 'string') return;
    const earlier = first.get(name);
    if (!earlier) {
      first.set(name, path);
      return;
    }
    (found ??= []).push({
      code: 'duplicate_tool_name',
      severity: 'warning',
      message: `Tool name '${name}' is declared twice: '${formatParam(earlier)}' has it already. The model cannot tell the two apart; the API's answer to this is not documented.`,
      param: formatParam(path),
      path: ['body', ...path],
      anchor: 'value',
    });
  });
  return found ?? NONE;
}
