// The deprecated-parameter note, for every property an endpoint's schema annotates deprecated
// (x-batchlint `deprecated`, schemas/README.md); the knowledge and the wording live in
// schema/notes.ts.

import type { BodyRule } from './rule';
import { SCHEMA_ENDPOINTS } from './scopes';
import { deprecationNotes } from '../schema/notes';
import { endpointInfo } from '../endpoints';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: SCHEMA_ENDPOINTS,
  check(body, endpoint) {
    return deprecationNotes(endpointInfo(endpoint).schema!, body);
  },
};
