// The deprecated-parameter note, for every property an endpoint's schema annotates deprecated
// (x-batchlint `deprecated`, schemas/README.md); the knowledge and the wording live in
// schema/notes.ts. The note on Chat's `max_tokens` carries a rename to `max_completion_tokens`
// when the model table says the model takes either name (`tokenLimitParam: max_tokens`); a model
// that takes only the new name draws an error with the same fix (model-token-limit.ts), and an
// unknown model gets no fix, since whether it takes the new name is not known.

import type { BodyRule } from './rule';
import { SCHEMA_ENDPOINTS } from './scopes';
import { deprecationKeys, deprecationNotes } from '../schema/notes';
import { endpointInfo } from '../endpoints';
import { modelOf } from '../models/context';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: SCHEMA_ENDPOINTS,
  keys: (endpoint) => deprecationKeys(endpointInfo(endpoint).schema!),
  check(body, endpoint, context) {
    const notes = deprecationNotes(endpointInfo(endpoint).schema!, body);
    if (
      endpoint !== '/v1/chat/completions' ||
      body.max_tokens === undefined ||
      body.max_completion_tokens !== undefined ||
      modelOf(body, context)?.facts.tokenLimitParam !== 'max_tokens'
    )
      return notes;
    return notes.map((note) =>
      note.param === 'max_tokens'
        ? {
            ...note,
            // Equivalent for this model, but a note's fix is offered, not applied unasked.
            fix: {
              id: 'rename-key',
              path: ['body', 'max_tokens'],
              to: 'max_completion_tokens',
              safe: false,
            },
          }
        : note,
    );
  },
};
