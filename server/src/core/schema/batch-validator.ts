// The few body checks the Batch API's file validator makes before anything runs (a missing
// `model`, chat's missing `messages`): it refuses the whole batch, in its own words, and so its
// findings come before any the endpoint would report when the request runs.
import type { Endpoint, Finding } from '../types';
import { ownValue } from '../json';

/** The validator's messages, as recorded from its `errors.data[]` (code `invalid_request`). */
const VALIDATOR_WORDS: Record<string, string> = {
  model: 'Model parameter is required.',
  messages: 'Messages parameter is required.',
};

function validatorWords(endpoint: Endpoint, finding: Finding): Finding | undefined {
  if (finding.code !== 'missing_required_parameter' || finding.path.length !== 1) return undefined;
  const param = finding.param;
  if (param === 'messages' && endpoint !== '/v1/chat/completions') return undefined;
  const words = param === undefined ? undefined : ownValue(VALIDATOR_WORDS, param);
  return words === undefined ? undefined : { ...finding, code: 'invalid_request', message: words };
}

/** The body's schema findings, the batch validator's first and in its words. */
export function batchValidatorFirst(endpoint: Endpoint, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const validator: Finding[] = [];
  const endpointFindings: Finding[] = [];
  for (const f of findings) {
    const worded = validatorWords(endpoint, f);
    if (worded) validator.push(worded);
    else endpointFindings.push(f);
  }
  return validator.length === 0 ? findings : [...validator, ...endpointFindings];
}
