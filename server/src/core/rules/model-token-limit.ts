// Models that take only `max_completion_tokens` (the reasoning models) refuse `max_tokens` in Chat
// Completions. Which models those are is the model table's `tokenLimitParam`.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf } from '../models/context';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions'],
  keys: ['max_tokens'],
  check(body, _endpoint, context) {
    if (body.max_tokens === undefined || body.max_tokens === null) return NONE;
    const model = modelOf(body, context);
    if (model?.facts.tokenLimitParam !== 'max_completion_tokens') return NONE;
    return [
      {
        code: 'unsupported_parameter',
        severity: 'error',
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        param: 'max_tokens',
        path: ['body', 'max_tokens'],
        anchor: 'key',
        fix: { id: 'rename-key', path: ['body', 'max_tokens'], to: 'max_completion_tokens' },
      },
    ];
  },
};
