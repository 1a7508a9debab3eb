// An output cap above what the model can write (the model table's `maxOutputTokens`). The words
// are Chat's; the other endpoints' caps are checked against the same fact, worded alike.

import type { Endpoint, Finding } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { modelOf, severityFor } from '../models/context';

/** The output cap each endpoint takes, in the order the API reads them. */
const CAPS: Partial<Record<Endpoint, readonly string[]>> = {
  '/v1/chat/completions': ['max_completion_tokens', 'max_tokens'],
  '/v1/responses': ['max_output_tokens'],
  '/v1/completions': ['max_tokens'],
};

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ['/v1/chat/completions', '/v1/responses', '/v1/completions'],
  keys: (endpoint) => CAPS[endpoint] ?? [],
  check(body, endpoint, context) {
    let findings: Finding[] | undefined;
    for (const key of CAPS[endpoint] ?? []) {
      const value = body[key];
      if (typeof value !== 'number' || !Number.isInteger(value)) continue;
      const facts = modelOf(body, context)?.facts;
      const max = facts?.maxOutputTokens;
      if (!facts || max === undefined || value <= max) continue;
      (findings ??= []).push({
        code: 'output_limit_exceeded',
        severity: severityFor(facts, 'maxOutputTokens'),
        message: `${key} is too large: ${value}. This model supports at most ${max} completion tokens, whereas you provided ${value}.`,
        param: key,
        path: ['body', key],
        anchor: 'value',
        fix: { id: 'set-value', path: ['body', key], value: max, safe: false },
      });
    }
    return findings ?? NONE;
  },
};
