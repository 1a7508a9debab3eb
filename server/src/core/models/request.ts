// What a request asks of its model, read the same way by every model-aware rule.

import type { Endpoint } from '../types';
import type { Effort, ModelFacts } from './types';
import { EFFORTS } from './types';
import { isObject } from '../json';

/** Where each endpoint takes the reasoning effort, as a body path. */
export function effortPath(endpoint: Endpoint): string[] {
  return endpoint === '/v1/responses' ? ['reasoning', 'effort'] : ['reasoning_effort'];
}

/** The effort the request sets (a string, or null), or undefined when it sets none. */
export function requestedEffort(body: Record<string, unknown>, endpoint: Endpoint): unknown {
  if (endpoint !== '/v1/responses') return body.reasoning_effort;
  return isObject(body.reasoning) ? body.reasoning.effort : undefined;
}

/** The effort the model runs at: the request's, else the model's default. */
export function effectiveEffort(
  body: Record<string, unknown>,
  endpoint: Endpoint,
  facts: Readonly<ModelFacts>,
): unknown {
  const requested = requestedEffort(body, endpoint);
  if (requested !== undefined && requested !== null) return requested;
  return facts.reasoning ? facts.reasoning.default : undefined;
}

/** The supported effort nearest to `effort`; between two as near, the one with more reasoning. */
export function nearestEffort(effort: string, supported: readonly Effort[]): Effort | undefined {
  const at = EFFORTS.indexOf(effort as Effort);
  if (at < 0 || supported.length === 0) return undefined;
  let best: Effort | undefined;
  let bestDistance = Infinity;
  for (const candidate of supported) {
    const distance = Math.abs(EFFORTS.indexOf(candidate) - at);
    if (distance < bestDistance || (distance === bestDistance && EFFORTS.indexOf(candidate) > at)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
