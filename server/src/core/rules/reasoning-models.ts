// Reasoning models (o1, o3, o4-mini, …) refuse sampling parameters that other models take, on
// both conversation endpoints, each in its own words. Model rules are narrower than "reasoning
// model = no X", so only the o-series, whose refusals are recorded, get errors; everything else
// is left alone (no false alarms).

import type { Endpoint, Finding } from '../types';
import type { Body, BodyRule } from './rule';
import { NONE } from './rule';
import { CHAT_AND_RESPONSES } from './scopes';

const O_SERIES = /^(o1|o3|o4)(-|$)/;

/** Chat parameters these models refuse whatever their value (false and null ask for nothing). */
const CHAT_REFUSED = [
  'logit_bias',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
];

/** Sampling parameters these models take only at their default, 1. */
const DEFAULT_ONLY = ['temperature', 'top_p'];

export const rule: BodyRule = { scope: 'body', endpoints: CHAT_AND_RESPONSES, check };

function check(body: Body, endpoint: Endpoint): Finding[] {
  if (typeof body.model !== 'string' || !O_SERIES.test(body.model)) return NONE;
  const findings: Finding[] = [];
  const chat = endpoint === '/v1/chat/completions';
  if (chat && body.max_tokens !== undefined && body.max_tokens !== null) {
    findings.push(
      refused(
        'max_tokens',
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        { id: 'rename-key', path: ['body', 'max_tokens'], to: 'max_completion_tokens' },
      ),
    );
  }
  if (chat) {
    for (const key of CHAT_REFUSED) {
      const value = body[key];
      if (value === undefined || value === null || value === false) continue;
      findings.push(refused(key, unsupportedParameter(key)));
    }
  }
  for (const key of DEFAULT_ONLY) {
    const value = body[key];
    if (typeof value !== 'number' || value === 1) continue;
    // Chat names the value it refuses; Responses refuses the parameter itself.
    findings.push(
      chat
        ? {
            code: 'unsupported_value',
            severity: 'error',
            message: `Unsupported value: '${key}' does not support ${value} with this model. Only the default (1) value is supported.`,
            param: key,
            path: ['body', key],
            anchor: 'value',
            fix: { id: 'remove-key', path: ['body', key] },
          }
        : refused(key, unsupportedParameter(key)),
    );
  }
  return findings;
}

function unsupportedParameter(key: string): string {
  return `Unsupported parameter: '${key}' is not supported with this model.`;
}

function refused(key: string, message: string, fix?: Finding['fix']): Finding {
  return {
    code: 'unsupported_parameter',
    severity: 'error',
    message,
    param: key,
    path: ['body', key],
    anchor: 'key',
    fix: fix ?? { id: 'remove-key', path: ['body', key] },
  };
}
