// `stream: true` is refused by batch validation: the whole batch fails before anything runs.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { SCHEMA_ENDPOINTS } from './scopes';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: SCHEMA_ENDPOINTS,
  keys: ['stream'],
  check(body, endpoint) {
    if (body.stream !== true) return NONE;
    const api = endpoint === '/v1/chat/completions' ? 'Chat Completions: ' : '';
    return [
      {
        code: 'streaming_unsupported',
        severity: 'error',
        message: `${api}Streaming is not supported in the Batch API.`,
        param: 'stream',
        path: ['body', 'stream'],
        anchor: 'value',
        fix: { id: 'remove-key', path: ['body', 'stream'] },
      },
    ];
  },
};
