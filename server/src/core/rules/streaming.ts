// `stream: true` is refused by batch validation: the whole batch fails before anything runs.

import type { Endpoint, Finding } from '../types';

export function checkStreaming(endpoint: Endpoint, body: Record<string, unknown>): Finding[] {
  if (body.stream !== true) return [];
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
}
