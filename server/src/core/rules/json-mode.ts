// JSON mode needs the word "json" in the conversation, or the API refuses the request.
// In the Responses API only the input counts: `instructions` do not.

import type { Body, BodyRule } from './rule';
import type { Endpoint, Finding } from '../types';
import { NONE } from './rule';
import { CHAT_AND_RESPONSES } from './scopes';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: CHAT_AND_RESPONSES,
  keys: ['response_format', 'text'],
  check,
};

function check(body: Body, endpoint: Endpoint): Finding[] {
  if (endpoint === '/v1/chat/completions') {
    const format = body.response_format as { type?: unknown } | null | undefined;
    if (format?.type !== 'json_object' || !Array.isArray(body.messages)) return NONE;
    if (mentionsJson(body.messages)) return NONE;
    return [
      {
        code: 'json_word_missing',
        severity: 'error',
        message:
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
        param: 'messages',
        path: ['body', 'response_format', 'type'],
        anchor: 'value',
      },
    ];
  }
  if (endpoint === '/v1/responses') {
    const text = body.text as { format?: { type?: unknown } } | null | undefined;
    if (text?.format?.type !== 'json_object' || body.input === undefined) return NONE;
    if (mentionsJson(body.input)) return NONE;
    return [
      {
        code: 'json_word_missing',
        severity: 'error',
        message:
          "Response input messages must contain the word 'json' in some form to use 'text.format' of type 'json_object'." +
          ('instructions' in body ? ' The instructions do not count.' : ''),
        param: 'text.format',
        path: ['body', 'text', 'format', 'type'],
        anchor: 'value',
      },
    ];
  }
  return NONE;
}

/** Whether any text the model reads (message contents and text parts) says "json". */
function mentionsJson(value: unknown): boolean {
  if (typeof value === 'string') return /json/i.test(value);
  if (Array.isArray(value)) return value.some(mentionsJson);
  if (typeof value === 'object' && value !== null) {
    const item = value as Record<string, unknown>;
    return mentionsJson(item.content) || mentionsJson(item.text);
  }
  return false;
}
