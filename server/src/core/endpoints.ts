// The endpoints a batch may target (which of them have a body schema is the schema layer's to say).

import type { Endpoint } from './types';

export const ENDPOINTS: readonly Endpoint[] = [
  '/v1/responses',
  '/v1/chat/completions',
  '/v1/embeddings',
  '/v1/completions',
  '/v1/moderations',
  '/v1/images/generations',
  '/v1/images/edits',
  '/v1/videos',
];

export function isEndpoint(url: unknown): url is Endpoint {
  return typeof url === 'string' && (ENDPOINTS as readonly string[]).includes(url);
}

/** The endpoint a near-miss url was meant to be ("/chat/completions", "v1/responses", "/v1/responses/"). */
export function suggestEndpoint(url: string): Endpoint | undefined {
  const bare = url
    .trim()
    .replace(/^https?:\/\/[^/]+/, '')
    .replace(/\/+$/, '');
  const withSlash = bare.startsWith('/') ? bare : `/${bare}`;
  const candidates = [withSlash, `/v1${withSlash}`];
  return ENDPOINTS.find((e) => candidates.includes(e));
}
