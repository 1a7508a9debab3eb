// A JSON schema response format sent to a model without structured outputs (the model table's
// `structuredOutputs`). JSON mode (`json_object`) is older and wider, so it is left alone.

import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';
import { isObject } from '../json';

const GUIDE = 'https://platform.openai.com/docs/guides/structured-outputs';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses'],
  keys: ['response_format', 'text'],
  check(body, endpoint, context) {
    const chat = endpoint === '/v1/chat/completions';
    const format = chat ? body.response_format : isObject(body.text) ? body.text.format : undefined;
    if (!isObject(format) || format.type !== 'json_schema') return NONE;
    const model = modelOf(body, context);
    if (model?.facts.structuredOutputs !== false) return NONE;
    const param = chat ? 'response_format' : 'text.format';
    return [
      {
        code: 'invalid_parameter',
        severity: severityFor(model.facts, 'structuredOutputs'),
        message: `Invalid parameter: '${param}' of type 'json_schema' is not supported with this model. Learn more about supported models at the Structured Outputs guide: ${GUIDE}`,
        param,
        path: chat ? ['body', 'response_format', 'type'] : ['body', 'text', 'format', 'type'],
        anchor: 'value',
      },
    ];
  },
};
