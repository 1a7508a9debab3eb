// A `model` that is an empty or all-whitespace string names no model. The schema takes any
// string, so such a request passed clean with only the unknown-model note, while leaving `model`
// out is the batch validator's "Model parameter is required." Whether the API answers an empty
// name with those words, with its empty-string template or with "model not found" is not recorded
// (the reference has the words for a missing model only), so the message is ours, and an error:
// no model runs under an empty name. No fix: which model was meant cannot be guessed.

import type { Endpoint } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { ENDPOINTS } from '../endpoints';

/** Endpoints whose spec makes `model` optional, with a default model (the body schemas agree). */
const DEFAULTED: ReadonlySet<Endpoint> = new Set<Endpoint>([
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos',
]);

/** Empty or whitespace only (the characters String#trim removes). */
const BLANK = /^\s*$/;

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ENDPOINTS,
  keys: ['model'],
  check(body, endpoint) {
    const model = body.model;
    // A test, not trim(): a named model (every line's case) fails at its first letter, unallocated.
    if (typeof model !== 'string' || !BLANK.test(model)) return NONE;
    const what = model === '' ? 'an empty string' : 'only whitespace';
    const hint = DEFAULTED.has(endpoint)
      ? ` Name one, or leave 'model' out for ${endpoint}'s default model.`
      : ` ${endpoint} needs one: name the model to run.`;
    return [
      {
        code: 'blank_model',
        severity: 'error',
        message: `batchlint: 'model' is ${what}, which names no model.${hint}`,
        param: 'model',
        path: ['body', 'model'],
        anchor: 'value',
      },
    ];
  },
};
