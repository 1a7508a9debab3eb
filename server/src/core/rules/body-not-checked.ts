// Endpoints without a body schema (images, videos) get a note rather than silence, so a clean
// result never suggests their bodies were read.

import type { BodyRule } from './rule';
import { UNCHECKED_ENDPOINTS } from './scopes';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: UNCHECKED_ENDPOINTS,
  check(_body, endpoint) {
    return [
      {
        code: 'body_not_checked',
        severity: 'info',
        message: `batchlint checks the envelope of ${endpoint} requests but not their body.`,
        path: ['url'],
        anchor: 'value',
      },
    ];
  },
};
