// tool_choice {type: "tool", name} forces one tool: the name must be one that tools declares.
// Anthropic's words for a name it does not find are not known, so the message is batchlint's.
// Claude on Bedrock takes the same parameters inside modelInput.

import type { DialectRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';
import { elide } from '../words';

export const rule: DialectRule = {
  scope: 'dialect',
  dialects: ['anthropic', 'bedrock'],
  check(body, dialect) {
    const choice = body.tool_choice;
    if (!isObject(choice) || choice.type !== 'tool' || typeof choice.name !== 'string') return NONE;
    const tools = Array.isArray(body.tools) ? body.tools : [];
    const names = tools.flatMap((t) => (isObject(t) && typeof t.name === 'string' ? [t.name] : []));
    if (names.includes(choice.name)) return NONE;
    const declared =
      names.length > 0
        ? `tools declares ${names.map((n) => `'${elide(n)}'`).join(', ')}`
        : 'tools declares none';
    return [
      {
        code: 'invalid_value',
        severity: 'error',
        message: `batchlint: tool_choice.name '${elide(String(choice.name))}' names no tool of this request: ${declared}.`,
        param: 'tool_choice.name',
        path: [dialect.envelope.body, 'tool_choice', 'name'],
        anchor: 'value',
      },
    ];
  },
};
