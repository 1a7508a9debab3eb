// A Responses request needs something to respond to: input, a previous response, a prompt or a
// conversation. The schema cannot say "one of these, non-empty", so the API's words come from here.

import type { BodyRule } from './rule';
import { NONE } from './rule';

function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/responses'],
  check(body) {
    // `messages` is reported as moved; asking for `input` as well would say the same thing twice.
    if (present(body.messages)) return NONE;
    if (present(body.previous_response_id) || present(body.prompt) || present(body.conversation)) {
      return NONE;
    }
    const input = body.input;
    const empty = input === '' || (Array.isArray(input) && input.length === 0);
    if (present(input) && !empty) return NONE;
    return [
      {
        code: 'missing_required_parameter',
        severity: 'error',
        message: `One of "input" or "previous_response_id" or 'prompt' or 'conversation' must be provided.`,
        path: present(input) ? ['body', 'input'] : ['body'],
        anchor: present(input) ? 'value' : 'parent-key',
      },
    ];
  },
};
