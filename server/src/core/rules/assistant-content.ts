// Chat assistant turns need content unless a tool call, function call, refusal or audio stands
// in for it; the schema cannot say "one of these, unless null", so the API's words come from here.

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';
import { nullContent } from '../schema/chat-rules';

/** Assistant keys that carry the turn when content is absent (null values do not count). */
const SUBSTITUTES = ['tool_calls', 'function_call', 'refusal', 'audio'];

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions'],
  check(body) {
    const messages = body.messages;
    if (!Array.isArray(messages)) return NONE;
    let out: Finding[] | undefined;
    for (let i = 0; i < messages.length; i++) {
      const message: unknown = messages[i];
      if (!isObject(message) || message.role !== 'assistant') continue;
      if (message.content !== undefined && message.content !== null) continue;
      if (SUBSTITUTES.some((k) => message[k] !== undefined && message[k] !== null)) continue;
      (out ??= []).push(nullContent(i, message.content === null));
    }
    return out ?? NONE;
  },
};
