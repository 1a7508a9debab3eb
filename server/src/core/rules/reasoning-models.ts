// Reasoning models (o1, o3, o4-mini, …) refuse sampling parameters that other chat models take.
// Model rules are narrower than "reasoning model = no X", so only the o-series, whose refusals
// are recorded, get errors; everything else is left alone (no false alarms).

import type { Endpoint, Finding } from '../types';

const O_SERIES = /^(o1|o3|o4)(-|$)/;
const UNSUPPORTED = [
  'logit_bias',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
];

export function checkReasoningModel(endpoint: Endpoint, body: Record<string, unknown>): Finding[] {
  if (endpoint !== '/v1/chat/completions' || typeof body.model !== 'string') return [];
  if (!O_SERIES.test(body.model)) return [];
  const findings: Finding[] = [];
  if (body.max_tokens !== undefined && body.max_tokens !== null) {
    findings.push({
      code: 'unsupported_parameter',
      severity: 'error',
      message:
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      param: 'max_tokens',
      path: ['body', 'max_tokens'],
      anchor: 'key',
      fix: { id: 'rename-key', path: ['body', 'max_tokens'], to: 'max_completion_tokens' },
    });
  }
  for (const key of UNSUPPORTED) {
    const value = body[key];
    if (value === undefined || value === null || value === false) continue;
    findings.push({
      code: 'unsupported_parameter',
      severity: 'error',
      message: `Unsupported parameter: '${key}' is not supported with this model.`,
      param: key,
      path: ['body', key],
      anchor: 'key',
      fix: { id: 'remove-key', path: ['body', key] },
    });
  }
  for (const key of ['temperature', 'top_p']) {
    const value = body[key];
    if (typeof value !== 'number' || value === 1) continue;
    findings.push({
      code: 'unsupported_value',
      severity: 'error',
      message: `Unsupported value: '${key}' does not support ${value} with this model. Only the default (1) value is supported.`,
      param: key,
      path: ['body', key],
      anchor: 'value',
      fix: { id: 'remove-key', path: ['body', key] },
    });
  }
  return findings;
}
