// Token counts with gpt-tokenizer (pure JS, the fastest measured). Its encodings are megabytes of
// tables, so each is loaded on first use: most checks never count a token.

import type { ModelFacts } from './types';

type Count = (text: string, options: { disallowedSpecial: Set<string> }) => number;

const counters = new Map<string, Count>();

/** Special tokens inside user text (`<|endoftext|>`) are text to the API: count, never throw. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/**
 * Tokens of `text` in the model's encoding (o200k_base when the table does not say).
 * Loads the encoding on first call (about half a second).
 */
export function countTokens(text: string, tokenizer: ModelFacts['tokenizer']): number {
  const name = tokenizer ?? 'o200k_base';
  let count = counters.get(name);
  if (!count) {
    // require, not import: the bundler keeps the module unevaluated until this line runs.
    count = (
      name === 'cl100k_base'
        ? require('gpt-tokenizer/encoding/cl100k_base')
        : require('gpt-tokenizer/encoding/o200k_base')
    ).countTokens as Count;
    counters.set(name, count);
  }
  return count(text, AS_TEXT);
}
