// The urls a line of OpenAI's envelope may name in each dialect. Azure OpenAI takes the
// endpoints' paths without `/v1` (`/chat/completions`, its classic API) beside the `/v1/…` ones
// (its v1 API); OpenAI and OpenAI-compatible servers take `/v1/…` only.

import type { Endpoint } from '../types';
import type { DialectId } from './table';
import { ENDPOINTS, isEndpoint } from '../endpoints';
import { dialectInfo } from './table';

/** The endpoint a url names in `dialect`, or undefined when the dialect does not take it. */
export function endpointFor(url: unknown, dialect: DialectId): Endpoint | undefined {
  if (isEndpoint(url)) return url;
  if (typeof url !== 'string' || dialectInfo(dialect).urls !== 'azure') return undefined;
  const withV1 = `/v1${url}`;
  return !url.startsWith('/v1/') && isEndpoint(withV1) ? withV1 : undefined;
}

/** The urls a dialect's lines may name, for "Supported values are: …". */
export function urlsOf(dialect: DialectId): readonly string[] {
  if (dialectInfo(dialect).urls !== 'azure') return ENDPOINTS;
  return [...ENDPOINTS.map((e) => e.slice(3)), ...ENDPOINTS];
}
