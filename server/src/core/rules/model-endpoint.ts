// A known model sent to an endpoint that does not serve it: gpt-4o to /v1/embeddings, an
// embedding model to /v1/chat/completions, davinci-002 to /v1/responses. The model table's
// `endpoints` (from OpenAI's model pages, cross-checked with LiteLLM's map) says which serve it.
// The API's words for this refusal are not recorded in the reference, so the message is ours:
// the endpoints the table lists and its source.
//
// Severity follows how sure the table is: an error where the entry's endpoints are settled (the
// sources agree, and the request cannot run), info where the entry marks them uncertain (its
// sources disagree, e.g. one lists an endpoint the other does not), with the note saying why. A
// user's entry inherits its base's endpoints, and settles them by giving its own. Unknown models
// get nothing here: the file's one unknown-model note covers them.

import type { Endpoint } from '../types';
import type { BodyRule } from './rule';
import { NONE } from './rule';
import { ENDPOINTS } from '../endpoints';
import { modelOf, severityFor } from '../models/context';
import { elide } from '../words';

/** `/v1/a`, `/v1/a and /v1/b`, `/v1/a, /v1/b and /v1/c`. */
function listOf(endpoints: readonly Endpoint[]): string {
  if (endpoints.length <= 1) return endpoints.join('');
  return `${endpoints.slice(0, -1).join(', ')} and ${endpoints[endpoints.length - 1]!}`;
}

export const rule: BodyRule = {
  scope: 'body',
  endpoints: ENDPOINTS,
  keys: ['model'],
  check(body, endpoint, context) {
    const model = modelOf(body, context);
    const served = model?.facts.endpoints;
    if (!model || !served || served.length === 0 || served.includes(endpoint)) return NONE;
    const { facts } = model;
    const why = facts.uncertain?.endpoints;
    const source = facts.sources?.[0];
    return [
      {
        code: 'model_not_on_endpoint',
        severity: severityFor(facts, 'endpoints'),
        message: `batchlint: '${elide(body.model as string)}' is not served on ${endpoint}: batchlint's model table lists it on ${listOf(served)} only${why === undefined ? '' : ` (uncertain: ${why})`}.${source ? ` Source: ${source}` : ''}`,
        param: 'model',
        path: ['body', 'model'],
        anchor: 'value',
      },
    ];
  },
};
