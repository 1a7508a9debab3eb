// Sampling parameters (temperature, top_p, penalties, logprobs, logit_bias) that a model takes
// only at their default, only while its reasoning effort is `none`, or not at all: the model
// table's `sampling`. Chat names the value it refuses for temperature; the Responses API refuses
// the parameter itself.

import type { Endpoint, Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';
import { effectiveEffort } from '../models/request';
import { ownValue } from '../json';

/** Each parameter's default: a value equal to it asks for nothing and is never refused. */
const DEFAULTS: Record<string, unknown> = {
  temperature: 1,
  top_p: 1,
  presence_penalty: 0,
  frequency_penalty: 0,
  logprobs: false,
  top_logprobs: 0,
};
/** Parameters of each endpoint this rule reads (the others are the schema's business). */
const PARAMS: Partial<Record<Endpoint, readonly string[]>> = {
  '/v1/chat/completions': [
    'temperature',
    'top_p',
    'presence_penalty',
    'frequency_penalty',
    'logprobs',
    'top_logprobs',
    'logit_bias',
  ],
  '/v1/responses': ['temperature', 'top_p', 'top_logprobs'],
};

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses'],
  keys: (endpoint) => PARAMS[endpoint] ?? [],
  check(body, endpoint, context) {
    const model = modelOf(body, context);
    const sampling = model?.facts.sampling;
    if (!model || sampling === undefined || sampling === 'any') return NONE;
    if (
      sampling === 'when-effort-none' &&
      effectiveEffort(body, endpoint, model.facts) === 'none'
    ) {
      return NONE;
    }
    const severity = severityFor(model.facts, 'sampling');
    const findings: Finding[] = [];
    for (const key of PARAMS[endpoint] ?? []) {
      const value = body[key];
      if (value === undefined || value === null || isDefault(key, value)) continue;
      // Only Chat's temperature, on a model that takes the default, is refused as a value.
      const asValue =
        key === 'temperature' && endpoint === '/v1/chat/completions' && sampling !== 'refused';
      findings.push({
        code: asValue ? 'unsupported_value' : 'unsupported_parameter',
        severity,
        message: asValue
          ? `Unsupported value: '${key}' does not support ${String(value)} with this model. Only the default (1) value is supported.`
          : `Unsupported parameter: '${key}' is not supported with this model.`,
        param: key,
        path: ['body', key],
        anchor: asValue ? 'value' : 'key',
        fix: { id: 'remove-key', path: ['body', key] },
      });
    }
    return findings;
  },
};

function isDefault(key: string, value: unknown): boolean {
  if (key === 'logit_bias')
    return typeof value === 'object' && Object.keys(value as object).length === 0;
  return value === ownValue(DEFAULTS, key);
}
