// Chat Completions refuses `parallel_tool_calls` and `tool_choice` on a request that declares no
// tools, in these words (param parallel_tool_calls / tool_choice). Responses is not known to.

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';

const KEYS = ['tool_choice', 'parallel_tool_calls'] as const;
const ONLY_WITH_TOOLS = "is only allowed when 'tools' are specified.";

/** Whether a finding is this rule's (other providers' files word it as their own note). */
export function isToolsRequired(f: Finding): boolean {
  return f.code === 'invalid_value' && f.message.endsWith(ONLY_WITH_TOOLS);
}

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions'],
  keys: KEYS,
  check(body) {
    const tools = body.tools;
    if (Array.isArray(tools) && tools.length > 0) return NONE;
    let found: Finding[] | undefined;
    for (const key of KEYS) {
      if (body[key] === undefined || body[key] === null) continue;
      (found ??= []).push({
        code: 'invalid_value',
        severity: 'error',
        message: `Invalid value for '${key}': '${key}' ${ONLY_WITH_TOOLS}`,
        param: key,
        path: ['body', key],
        anchor: 'key',
        fix: { id: 'remove-key', path: ['body', key] },
      });
    }
    return found ?? NONE;
  },
};
