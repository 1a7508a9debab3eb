// Models that refuse the `system` role (o1-mini: the model table's `systemMessages`). The API's
// maintainers answer "use `developer` instead", which says the same thing to these models.

import type { Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';
import { isObject } from '../json';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions'],
  check(body, _endpoint, context) {
    const messages = body.messages;
    if (!Array.isArray(messages)) return NONE;
    const model = modelOf(body, context);
    if (model?.facts.systemMessages !== 'refused') return NONE;
    const findings: Finding[] = [];
    messages.forEach((message, i) => {
      if (!isObject(message) || message.role !== 'system') return;
      const path = ['body', 'messages', i, 'role'];
      findings.push({
        code: 'unsupported_value',
        severity: severityFor(model.facts, 'systemMessages'),
        message: `Unsupported value: 'messages[${i}].role' does not support 'system' with this model.`,
        param: `messages[${i}].role`,
        path,
        anchor: 'value',
        fix: { id: 'set-value', path, value: 'developer', safe: true },
      });
    });
    return findings;
  },
};
