// Whose model a request names, from the name alone: OpenAI's (the model table knows it),
// Anthropic's (claude-…), Google's (gemini-…), Mistral's, a Fireworks path, or an open-weight
// model that OpenAI-compatible servers and Together serve. Detection weighs a line's keys first
// and this second: a body whose model is OpenAI's is an OpenAI line missing its method and url,
// not a Together line.

import { ModelCatalogue } from '../models/catalogue';

export type ModelKind = 'openai' | 'anthropic' | 'gemini' | 'mistral' | 'fireworks' | 'open-weight';

/** Open-weight model names that OpenAI-compatible servers (vLLM, SGLang, Groq) and Together serve. */
const OPEN_WEIGHT =
  /^(?:[\w.-]+\/|llama|meta-llama|mixtral|qwen|gemma|deepseek|phi-|falcon|gpt-oss|kimi|moonshot|allam|compound)/i;
/** Mistral's own model names (La Plateforme). */
const MISTRAL =
  /^(?:mistral|open-mistral|open-mixtral|codestral|pixtral|ministral|magistral|devstral|voxtral)/i;
const ANTHROPIC = /^claude-/i;
const GEMINI = /^(?:models\/)?gemini-/i;

/**
 * The kind of model `name` is, or undefined when the name tells nothing (a deployment name, a
 * model no table or pattern knows). OpenAI's models are the built-in model table's, so a name
 * with a provider's path (`openai/gpt-oss-20b`) is not one.
 */
export function modelKind(name: string): ModelKind | undefined {
  // Every line asks, and a file names one model or a few: each name is looked at once.
  let kind = kinds.get(name);
  if (kind === undefined) {
    kind = kindOf(name) ?? null;
    if (kinds.size < MAX_NAMES) kinds.set(name, kind);
  }
  return kind ?? undefined;
}

/** Names remembered; a file of random names stops adding to the cache here. */
const MAX_NAMES = 1000;
const kinds = new Map<string, ModelKind | null>();

function kindOf(name: string): ModelKind | undefined {
  if (name.startsWith('accounts/')) return 'fireworks';
  if (ANTHROPIC.test(name)) return 'anthropic';
  if (GEMINI.test(name)) return 'gemini';
  if (MISTRAL.test(name)) return 'mistral';
  if (OPEN_WEIGHT.test(name)) return 'open-weight';
  if (ModelCatalogue.builtIn().resolve(name) !== undefined) return 'openai';
  return undefined;
}
