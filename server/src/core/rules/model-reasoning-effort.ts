// The reasoning effort a model accepts (the model table's `reasoning`): a value outside its set is
// refused, naming the supported values (Responses also names the model); a model that does not
// reason refuses the parameter itself. The fix moves to the nearest supported effort.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, quoteList, severityFor } from '../models/context';
import { effortPath, nearestEffort, requestedEffort } from '../models/request';
import type { Effort } from '../models/types';
import { EFFORTS } from '../models/types';
import { formatParam, elide } from '../words';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses'],
  keys: ['reasoning_effort', 'reasoning'],
  check(body, endpoint, context) {
    const effort = requestedEffort(body, endpoint);
    // null asks for nothing; a value outside the spec's enum is the schema's error, not this rule's.
    if (typeof effort !== 'string' || !(EFFORTS as readonly string[]).includes(effort)) return NONE;
    const model = modelOf(body, context);
    const reasoning = model?.facts.reasoning;
    if (!model || reasoning === undefined) return NONE;
    const path = ['body', ...effortPath(endpoint)];
    const param = formatParam(effortPath(endpoint));
    const severity = severityFor(model.facts, 'reasoning');
    if (reasoning === false) {
      return [
        {
          code: 'unsupported_parameter',
          severity,
          message: `Unsupported parameter: '${param}' is not supported with this model.`,
          param,
          path,
          anchor: 'key',
          fix: { id: 'remove-key', path },
        },
      ];
    }
    if (reasoning.efforts.includes(effort as Effort)) return NONE;
    const supported = `Supported values are: ${quoteList(reasoning.efforts)}.`;
    const nearest = nearestEffort(effort, reasoning.efforts);
    return [
      {
        code: 'unsupported_value',
        severity,
        message:
          endpoint === '/v1/responses'
            ? `Unsupported value: '${elide(String(effort))}' is not supported with the '${elide(String(body.model))}' model. ${supported}`
            : `Unsupported value: '${param}' does not support '${elide(String(effort))}' with this model. ${supported}`,
        param,
        path,
        anchor: 'value',
        ...(nearest && { fix: { id: 'set-value', path, value: nearest, safe: false } }),
      },
    ];
  },
};
