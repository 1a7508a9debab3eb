// `detail: "original"` works on recent models but is outside the chat spec's enum: a warning,
// since older models may refuse it.

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions'],
  check(body) {
    const messages = body.messages;
    if (!Array.isArray(messages)) return NONE;
    let out: Finding[] | undefined;
    // Plain loops: this runs on every chat line, and most contents are strings.
    for (let i = 0; i < messages.length; i++) {
      const message: unknown = messages[i];
      const content = isObject(message) ? message.content : undefined;
      if (!Array.isArray(content)) continue;
      for (let j = 0; j < content.length; j++) {
        const part: unknown = content[j];
        const image = isObject(part) && part.type === 'image_url' ? part.image_url : undefined;
        if (!isObject(image) || image.detail !== 'original') continue;
        (out ??= []).push({
          code: 'unsupported_value',
          severity: 'warning',
          message:
            "The Chat Completions API lists 'auto', 'low', and 'high' for 'detail'; 'original' is " +
            'documented for recent models only and older models may reject it.',
          param: `messages[${i}].content[${j}].image_url.detail`,
          path: ['body', 'messages', i, 'content', j, 'image_url', 'detail'],
          anchor: 'value',
        });
      }
    }
    return out ?? NONE;
  },
};
