// What /v1/responses makes of each chat completions body parameter, read from the annotations of
// both schemas (x-batchlint `responses`, `movedTo`, `why`, `hint`, `notInSpec`). The converter
// decides from this what it maps and what it keeps for a decision; the check of /v1/responses
// lines words its findings from the same answers, so the two agree by construction.

import { parameterAnnotation, topLevelAnnotations } from './annotations';

/** A chat completions parameter's fate on /v1/responses. */
export type ChatParamFate =
  /** Same name, same meaning: copied as it is. */
  | { kind: 'same' }
  /** Lives at `to` on /v1/responses; `moved` as it is, `rewritten` into another shape. */
  | { kind: 'moved' | 'rewritten'; to: string; hint?: string }
  /** No equivalent: kept where it was, for the user to decide. */
  | { kind: 'none'; why: string; hint?: string }
  /** Same name, but the responses reference does not list it: kept, for the user to decide. */
  | { kind: 'undecided'; why: string }
  /** Not a chat completions parameter. */
  | { kind: 'unknown' };

const cache = new Map<string, ChatParamFate>();

/** What becomes of the top-level chat completions parameter `key` on /v1/responses. */
export function chatParamFate(key: string): ChatParamFate {
  let fate = cache.get(key);
  if (fate === undefined) {
    fate = fateOf(key);
    cache.set(key, fate);
  }
  return fate;
}

function fateOf(key: string): ChatParamFate {
  const chat = parameterAnnotation('chatCompletions', key);
  const kind = chat?.responses;
  if (chat === undefined || kind === undefined) return { kind: 'unknown' };
  const hint = chat.hint !== undefined ? { hint: chat.hint } : {};
  if (kind === 'moved' || kind === 'rewritten') return { kind, to: chat.movedTo!, ...hint };
  if (kind === 'none') return { kind, why: chat.why!, ...hint };
  // 'same': the responses schema must declare it too, and may say the reference does not list it.
  const target = topLevelAnnotations('responses').get(key);
  if (target?.notInSpec !== undefined) {
    return { kind: 'undecided', why: `not in the responses API reference (${target.notInSpec})` };
  }
  return { kind: 'same' };
}

/** The chat completions body parameters, in schema order (every one has a `responses` annotation). */
export function chatParameters(): string[] {
  return [...topLevelAnnotations('chatCompletions')]
    .filter(([, a]) => a.responses !== undefined)
    .map(([key]) => key);
}
