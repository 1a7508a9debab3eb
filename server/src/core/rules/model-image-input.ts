// Image parts sent to a model that reads text only (the model table's `inputModalities`).
// Chat's words are known (the param in the API's older dotted form); Responses is worded alike.

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';
import { isObject } from '../json';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses'],
  check(body, endpoint, context) {
    const chat = endpoint === '/v1/chat/completions';
    const messages = chat ? body.messages : body.input;
    if (!Array.isArray(messages)) return NONE;
    const model = modelOf(body, context);
    const modalities = model?.facts.inputModalities;
    if (!model || !modalities || modalities.includes('image')) return NONE;
    const imageType = chat ? 'image_url' : 'input_image';
    const key = chat ? 'messages' : 'input';
    const findings: Finding[] = [];
    messages.forEach((message, i) => {
      const content = isObject(message) ? message.content : undefined;
      if (!Array.isArray(content)) return;
      content.forEach((part, j) => {
        if (!isObject(part) || part.type !== imageType) return;
        findings.push({
          code: 'unsupported_content_type',
          severity: severityFor(model.facts, 'inputModalities'),
          message: `Invalid content type. ${imageType} is only supported by certain models.`,
          param: `${key}.[${i}].content.[${j}].type`,
          path: ['body', key, i, 'content', j, 'type'],
          anchor: 'value',
        });
      });
    });
    return findings;
  },
};
