// The endpoints a batch may target, read from the endpoints manifest (schemas/endpoints.json,
// compiled into generated/index.ts): the url list, which bodies have a schema, the docs pages.

import type { Endpoint } from './types';
import type { SchemaName } from './generated';
import type { EndpointRow } from './schema/annotations';
import { endpointManifest } from './generated';
import { editDistance } from './schema/suggest';

/** Every url a batch line may name, in the manifest's order (the order the API lists them). */
export const ENDPOINTS: readonly Endpoint[] = endpointManifest.map((row) => row.url);

const ROWS = new Map<string, EndpointRow<Endpoint, SchemaName>>(
  endpointManifest.map((row) => [row.url, row]),
);

export function isEndpoint(url: unknown): url is Endpoint {
  return typeof url === 'string' && ROWS.has(url);
}

/** The manifest row of an endpoint: its body schema (null when unchecked), docs page, batch notes. */
export function endpointInfo(endpoint: Endpoint): EndpointRow<Endpoint, SchemaName> {
  return ROWS.get(endpoint)!;
}

/** The endpoint whose body a schema checks, e.g. 'chatCompletions' → '/v1/chat/completions'. */
export function endpointOfSchema(schema: SchemaName): Endpoint | undefined {
  return endpointManifest.find((row) => row.schema === schema)?.url;
}

/**
 * The endpoint a near-miss url was meant to be: written differently ("/chat/completions",
 * "v1/responses", "/v1/responses/", an origin in front: see `sameEndpoint`), or misspelt
 * ("/v1/chat/completion": the one endpoint within two edits, when only one is).
 */
export function suggestEndpoint(url: string): Endpoint | undefined {
  const same = sameEndpoint(url);
  if (same) return same;
  const withSlash = slashed(url);
  // Bounded: urls much longer than any endpoint are not typos of one.
  if (withSlash.length > 64) return undefined;
  const candidates = [withSlash, `/v1${withSlash}`];
  const close = ENDPOINTS.filter((e) =>
    candidates.some((c) => editDistance(c.toLowerCase(), e, 2) <= 2),
  );
  return close.length === 1 ? close[0] : undefined;
}

/** The endpoint a url names in another spelling: without /v1, without its first slash, with an origin or trailing slashes. */
export function sameEndpoint(url: string): Endpoint | undefined {
  const withSlash = slashed(url);
  const candidates = [withSlash, `/v1${withSlash}`];
  return ENDPOINTS.find((e) => candidates.includes(e));
}

function slashed(url: string): string {
  const bare = withoutTrailingSlashes(withoutOrigin(url.trim()));
  return bare.startsWith('/') ? bare : `/${bare}`;
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
