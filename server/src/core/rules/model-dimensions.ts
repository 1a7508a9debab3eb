// Embeddings `dimensions`: refused by models with a fixed size (text-embedding-ada-002), bounded
// by the model's size otherwise (the model table's `dimensions`).

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/embeddings'],
  keys: ['dimensions'],
  check(body, _endpoint, context) {
    const value = body.dimensions;
    if (value === undefined || value === null) return NONE;
    const model = modelOf(body, context);
    const dimensions = model?.facts.dimensions;
    if (!model || dimensions === undefined) return NONE;
    const severity = severityFor(model.facts, 'dimensions');
    const path = ['body', 'dimensions'];
    if (dimensions === false) {
      return [
        {
          code: 'unsupported_parameter',
          severity,
          message: 'This model does not support specifying dimensions.',
          param: 'dimensions',
          path,
          anchor: 'key',
          fix: { id: 'remove-key', path },
        },
      ];
    }
    if (typeof value !== 'number' || value <= dimensions.max) return NONE;
    return [
      {
        code: 'invalid_value',
        severity,
        message: `Invalid value for 'dimensions': ${value}. This model has ${dimensions.max} dimensions; ask for at most ${dimensions.max}.`,
        param: 'dimensions',
        path,
        anchor: 'value',
        fix: { id: 'set-value', path, value: dimensions.max, safe: false },
      },
    ];
  },
};
