// A parameter the API reference leaves out though the API has been seen to take it (x-batchlint
// `notInSpec`, schemas/README.md): a note, since some models take it and others refuse it.

import type { BodyRule } from './rule';
import { SCHEMA_ENDPOINTS } from './scopes';
import { notInSpecKeys, notInSpecNotes } from '../schema/notes';
import { endpointInfo } from '../endpoints';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: SCHEMA_ENDPOINTS,
  keys: (endpoint) => notInSpecKeys(endpointInfo(endpoint).schema!),
  check(body, endpoint) {
    return notInSpecNotes(endpointInfo(endpoint).schema!, body);
  },
};
