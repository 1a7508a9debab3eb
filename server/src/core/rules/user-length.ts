// The deprecated `user` field: reports of the live API disagree on its limit (64 characters in
// some, 256 in others), so a longer value is a warning, in the API's words for the 64 limit.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { CHAT_AND_RESPONSES } from './scopes';

const REPORTED_LIMIT = 64;

export const rule: BodyRule = {
  scope: 'body',
  endpoints: CHAT_AND_RESPONSES,
  keys: ['user'],
  check(body) {
    const user = body.user;
    if (typeof user !== 'string' || user.length <= REPORTED_LIMIT) return NONE;
    return [
      {
        code: 'string_above_max_length',
        severity: 'warning',
        message:
          `Invalid 'user': string too long. Expected a string with maximum length ${REPORTED_LIMIT}, ` +
          `but got a string with length ${user.length} instead. Reports of this limit differ (64 or 256 characters).`,
        param: 'user',
        path: ['body', 'user'],
        anchor: 'value',
      },
    ];
  },
};
