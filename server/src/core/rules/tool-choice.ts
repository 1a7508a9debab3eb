// A tool_choice that names a function the request does not declare is refused by the API.

import type { Body, BodyRule } from './rule';
import type { Endpoint, Finding } from '../types';
import { NONE } from './rule';
import { CHAT_AND_RESPONSES } from './scopes';
import { elide } from '../words';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: CHAT_AND_RESPONSES,
  keys: ['tool_choice'],
  check,
};

function check(body: Body, endpoint: Endpoint): Finding[] {
  const choice = body.tool_choice as Record<string, unknown> | null | undefined;
  if (typeof choice !== 'object' || choice === null || choice.type !== 'function') return NONE;
  const chat = endpoint === '/v1/chat/completions';
  const name = chat ? (choice.function as { name?: unknown } | undefined)?.name : choice.name;
  if (typeof name !== 'string' || !Array.isArray(body.tools)) return NONE;
  const declared = body.tools.some((tool: unknown) => {
    const t = tool as Record<string, unknown> | null;
    if (t?.type !== 'function') return false;
    return chat ? (t.function as { name?: unknown } | undefined)?.name === name : t.name === name;
  });
  if (declared) return NONE;
  return [
    {
      code: 'invalid_value',
      severity: 'error',
      // Responses' words are quoted from the API; chat's follow its older function_call message.
      message: chat
        ? `Invalid value for 'tool_choice': no function named '${elide(name)}' was specified in the 'tools' parameter.`
        : `Tool choice '${elide(name)}' not found in 'tools' parameter.`,
      param: chat ? 'tool_choice.function.name' : 'tool_choice',
      path: chat ? ['body', 'tool_choice', 'function', 'name'] : ['body', 'tool_choice', 'name'],
      anchor: 'value',
    },
  ];
}
