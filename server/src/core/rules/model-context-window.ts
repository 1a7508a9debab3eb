// A prompt longer than the model's context window (the model table's `contextWindow`). A token is
// at least one byte and a UTF-16 unit at most three UTF-8 bytes, so only prompts whose length
// could pass the window are measured, and only those past it in bytes are tokenized: the check
// costs nothing on ordinary lines. Past twice the window, the count stops (N is then a bound).

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';
import { countTokens } from '../models/tokens';
import { isObject } from '../json';
import { utf8Length } from '../bytes';

/** Tokens the API adds per message, and to prime the reply (OpenAI cookbook: "not exact"). */
const PER_MESSAGE = 3;
const REPLY_PRIMING = 3;

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses'],
  check(body, endpoint, context) {
    const model = modelOf(body, context);
    const window = model?.facts.contextWindow;
    if (!model || window === undefined) return NONE;
    const chat = endpoint === '/v1/chat/completions';
    const source = chat ? body.messages : body.input;
    const instructions = !chat && typeof body.instructions === 'string' ? body.instructions : '';
    // The bound first, without collecting anything: most prompts are far inside the window.
    const messages = typeof source === 'string' ? 1 : Array.isArray(source) ? source.length : 0;
    const overhead = messages * PER_MESSAGE + REPLY_PRIMING;
    if ((textUnits(source) + instructions.length) * 3 + overhead <= window) return NONE;
    const texts: string[] = [];
    collectTexts(source, texts);
    if (instructions !== '') texts.push(instructions);
    let bytes = overhead;
    for (const t of texts) bytes += utf8Length(t);
    if (bytes <= window) return NONE;
    // Counting stops at twice the window: the work is bounded, and N is exact up to there.
    const counted = countTokens(texts, model.facts.tokenizer, 2 * window);
    if (!counted) {
      // No tokenizer in this build (the web worker): say what is known, as a note, not a verdict.
      return [
        {
          code: 'context_length_exceeded',
          severity: 'info',
          message: `The prompt is ${bytes} bytes and the model's context window is ${window} tokens; tokens are not counted in VS Code for the Web (the batchlint command line counts them).`,
          param: chat ? 'messages' : 'input',
          path: ['body', chat ? 'messages' : 'input'],
          anchor: 'key',
        },
      ];
    }
    const tokens = overhead + counted.tokens;
    if (tokens - counted.hardCuts <= window) return NONE;
    const resulted = counted.complete ? `${tokens}` : `more than ${tokens}`;
    return [
      {
        code: 'context_length_exceeded',
        severity: severityFor(model.facts, 'contextWindow'),
        message: chat
          ? `This model's maximum context length is ${window} tokens. However, your messages resulted in ${resulted} tokens. Please reduce the length of the messages.`
          : `Your input exceeds the context window of this model. Please adjust your input and try again. (batchlint counts ${resulted} tokens; the window is ${window}.)`,
        param: chat ? 'messages' : 'input',
        path: ['body', chat ? 'messages' : 'input'],
        anchor: 'key',
      },
    ];
  },
};

/** The UTF-16 length of the texts collectTexts would collect. */
function textUnits(messages: unknown): number {
  if (typeof messages === 'string') return messages.length;
  if (!Array.isArray(messages)) return 0;
  let units = 0;
  for (let i = 0; i < messages.length; i++) {
    const message: unknown = messages[i];
    const content = isObject(message) ? message.content : undefined;
    if (typeof content === 'string') units += content.length;
    else if (Array.isArray(content)) {
      for (let j = 0; j < content.length; j++) {
        const part: unknown = content[j];
        if (isObject(part) && typeof part.text === 'string') units += part.text.length;
      }
    }
  }
  return units;
}

/** Pushes the text of each message (a string, or its text parts) to `out`; returns the message count. */
function collectTexts(messages: unknown, out: string[]): number {
  if (typeof messages === 'string') {
    out.push(messages);
    return 1;
  }
  if (!Array.isArray(messages)) return 0;
  for (const message of messages) {
    const content = isObject(message) ? message.content : undefined;
    if (typeof content === 'string') out.push(content);
    else if (Array.isArray(content)) {
      for (const part of content) {
        if (isObject(part) && typeof part.text === 'string') out.push(part.text);
      }
    }
  }
  return messages.length;
}
