// Token usage as a response body reports it. Chat and embeddings say prompt/completion tokens,
// responses say input/output tokens; both are read into one shape so a batch's usage can be summed.

import { isObject } from '../json';

/** Token counts of one request, or of many summed. */
export interface Usage {
  input: number;
  output: number;
  /** Input tokens read from the prompt cache (part of `input`). */
  cachedInput: number;
  /** Output tokens spent on reasoning (part of `output`). */
  reasoning: number;
  total: number;
}

export function emptyUsage(): Usage {
  return { input: 0, output: 0, cachedInput: 0, reasoning: 0, total: 0 };
}

/** Reads a body's `usage`; undefined when there is none or it has no counts. */
export function readUsage(value: unknown): Usage | undefined {
  if (!isObject(value)) return undefined;
  const input = count(value['input_tokens']) ?? count(value['prompt_tokens']);
  const output = count(value['output_tokens']) ?? count(value['completion_tokens']) ?? 0;
  if (input === undefined) return undefined;
  const inputDetails = value['input_tokens_details'] ?? value['prompt_tokens_details'];
  const outputDetails = value['output_tokens_details'] ?? value['completion_tokens_details'];
  return {
    input,
    output,
    cachedInput: (isObject(inputDetails) && count(inputDetails['cached_tokens'])) || 0,
    reasoning: (isObject(outputDetails) && count(outputDetails['reasoning_tokens'])) || 0,
    total: count(value['total_tokens']) ?? input + output,
  };
}

/** Adds `more` into `sum`. */
export function addUsage(sum: Usage, more: Usage): void {
  sum.input += more.input;
  sum.output += more.output;
  sum.cachedInput += more.cachedInput;
  sum.reasoning += more.reasoning;
  sum.total += more.total;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
