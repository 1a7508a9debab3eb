// Endpoint lists that body rules declare, said once.

import type { Endpoint } from '../types';
import { ENDPOINTS } from '../endpoints';
import { hasBodySchema } from '../schema';

/** Endpoints whose bodies have a schema (and so are read by content rules). */
export const SCHEMA_ENDPOINTS: readonly Endpoint[] = ENDPOINTS.filter(hasBodySchema);

/** Endpoints whose bodies batchlint does not read. */
export const UNCHECKED_ENDPOINTS: readonly Endpoint[] = ENDPOINTS.filter((e) => !hasBodySchema(e));

/** The two conversation endpoints. */
export const CHAT_AND_RESPONSES: readonly Endpoint[] = ['/v1/chat/completions', '/v1/responses'];
