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
  const bare = withoutTrailingSlashes(withoutOrigin(url.trim()));
  const withSlash = bare.startsWith('/') ? bare : `/${bare}`;
  const candidates = [withSlash, `/v1${withSlash}`];
  return ENDPOINTS.find((e) => candidates.includes(e));
}

/** "https://api.openai.com/v1/x" → "/v1/x". Plain string code: a regex backtracked on long urls. */
function withoutOrigin(url: string): string {
  const scheme = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  // No scheme, or no host after it: nothing to take off.
  if (scheme === 0 || url.length === scheme || url[scheme] === '/') return url;
  const path = url.indexOf('/', scheme);
  return path < 0 ? '' : url.slice(path);
}

function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 47) end--;
  return text.slice(0, end);
}
