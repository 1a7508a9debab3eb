// Which lines a conversion leaves because they are another provider's requests, not chat
// completions lines it reads: an Anthropic file given to `convert --to responses` converts
// nothing, and must say why rather than pass as a clean conversion.

import type { DialectId } from '../dialects/table';
import { classifyLine } from '../dialects/classify';
import type { JsonObject } from './context';

/**
 * The dialect of `line` when it is a request of a provider `target` does not read (undefined for
 * OpenAI's and OpenAI-compatible lines, which the url decides about). `responses` reads only
 * OpenAI's envelope; `anthropic` and `gemini` also read Azure's and bodies without method and
 * url (Together, Mistral, Fireworks), not each other's lines nor Bedrock's.
 */
export function otherProvider(
  line: JsonObject,
  target: 'responses' | 'anthropic' | 'gemini',
): DialectId | undefined {
  const shape = classifyLine(line);
  if (!shape || shape.dialect === target) return undefined;
  if (shape.family === 'openai' && shape.dialect !== 'azure') return undefined;
  if (target !== 'responses' && (shape.family === 'bare' || shape.family === 'openai'))
    return undefined;
  return shape.dialect;
}
