// A Message Batch is read when it ends, never streamed: the SDKs type each request's params as
// the non-streaming Messages parameters (stream false or absent). Anthropic's own words for
// `stream: true` in a batch are not known, so the warning is batchlint's.

import type { DialectRule } from './rule';
import { NONE } from './rule';

export const rule: DialectRule = {
  scope: 'dialect',
  dialects: ['anthropic'],
  check(body, dialect) {
    if (body.stream !== true) return NONE;
    const path = [dialect.envelope.body, 'stream'];
    return [
      {
        code: 'streaming_unsupported',
        severity: 'warning',
        stage: 'hint',
        message: `batchlint: 'stream' is true, but ${dialect.name} results are fetched when the batch ends, never streamed (each request's params are the non-streaming Messages parameters).`,
        param: 'stream',
        path,
        anchor: 'value',
        fix: { id: 'remove-key', path },
      },
    ];
  },
};
