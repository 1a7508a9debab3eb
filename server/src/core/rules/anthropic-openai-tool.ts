// A tool written in OpenAI's shape ({type: "function", function: {name, parameters}}) in a
// Messages request: the schema's errors say what Anthropic refuses (tools.0.name: Field
// required, …); this note says why, after them, and what the shape is instead.

import type { Finding } from '../types';
import type { DialectRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';

export const rule: DialectRule = {
  scope: 'dialect',
  dialects: ['anthropic', 'bedrock'],
  check(body, dialect) {
    if (!Array.isArray(body.tools)) return NONE;
    let out: Finding[] | undefined;
    body.tools.forEach((tool: unknown, i) => {
      if (!isObject(tool) || tool.type !== 'function' || !isObject(tool.function)) return;
      (out ??= []).push({
        code: 'invalid_value',
        severity: 'info',
        stage: 'hint',
        message: `batchlint: tools[${i}] is written in OpenAI's shape ({type: 'function', function: {name, parameters}}); a Messages tool is {name, description, input_schema} (convert --to anthropic rewrites OpenAI requests).`,
        param: `tools[${i}]`,
        path: [dialect.envelope.body, 'tools', i, 'function'],
        anchor: 'key',
      });
    });
    return out ?? NONE;
  },
};
