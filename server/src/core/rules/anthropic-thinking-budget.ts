// Claude's extended thinking spends its budget out of max_tokens: a budget at or above
// max_tokens leaves no room for the answer and is refused, in Anthropic's words
// "`max_tokens` must be greater than `thinking.budget_tokens`". Claude on Bedrock takes the
// same parameters inside modelInput.

import type { DialectRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';

export const rule: DialectRule = {
  scope: 'dialect',
  dialects: ['anthropic', 'bedrock'],
  check(body, dialect) {
    const { thinking, max_tokens: maxTokens } = body;
    if (!isObject(thinking) || thinking.type !== 'enabled') return NONE;
    const budget = thinking.budget_tokens;
    if (typeof budget !== 'number' || typeof maxTokens !== 'number' || maxTokens > budget) {
      return NONE;
    }
    const at = dialect.envelope.body;
    return [
      {
        code: 'invalid_value',
        severity: 'error',
        message: `\`max_tokens\` must be greater than \`thinking.budget_tokens\`: ${maxTokens} is not greater than ${budget}.`,
        param: 'max_tokens',
        path: [at, 'max_tokens'],
        anchor: 'value',
      },
    ];
  },
};
