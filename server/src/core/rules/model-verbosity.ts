// The verbosity values a model accepts (the model table's `verbosity`); models before gpt-5 take
// only 'medium'. Chat takes `verbosity`, Responses `text.verbosity`.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, quoteList, severityFor } from '../models/context';
import { isObject } from '../json';
import { elide } from '../words';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses'],
  keys: ['verbosity', 'text'],
  check(body, endpoint, context) {
    const chat = endpoint === '/v1/chat/completions';
    const value = chat ? body.verbosity : isObject(body.text) ? body.text.verbosity : undefined;
    if (typeof value !== 'string') return NONE;
    const model = modelOf(body, context);
    const supported = model?.facts.verbosity;
    if (!model || !supported || (supported as string[]).includes(value)) return NONE;
    const param = chat ? 'verbosity' : 'text.verbosity';
    const path = chat ? ['body', 'verbosity'] : ['body', 'text', 'verbosity'];
    return [
      {
        code: 'unsupported_value',
        severity: severityFor(model.facts, 'verbosity'),
        message: `Unsupported value: '${param}' does not support '${elide(String(value))}' with this model. Supported values are: ${quoteList(supported)}.`,
        param,
        path,
        anchor: 'value',
        ...(supported.length === 1 && {
          fix: { id: 'set-value', path, value: supported[0], safe: false },
        }),
      },
    ];
  },
};
