// OpenAI's server rules (the Batch API's refusal of streaming, the word JSON in json mode, its
// deprecations, tool_choice only with tools) as they apply to a file of another provider that
// takes OpenAI's body shapes: Together, Mistral and Fireworks (`{custom_id, body}`) and the
// OpenAI-compatible servers. What such a provider does not document is a note in batchlint's
// words naming the provider, never an error in OpenAI's words.

import type { Finding } from '../types';
import type { Dialect } from './table';
import { isToolsRequired } from '../rules/tools-required';

/** Rules of OpenAI's server that these providers do not document having: dropped. */
const OPENAI_SERVER_ONLY = new Set<Finding['code']>(['deprecated_parameter', 'json_word_missing']);

/**
 * One finding of OpenAI's body rules, as it reads in a file of `dialect` (bare family: Together,
 * Mistral, Fireworks; or OpenAI-compatible): kept, reworded as a note, or undefined (dropped).
 */
export function inProviderFile(f: Finding, dialect: Dialect): Finding | undefined {
  const bare = dialect.family === 'bare';
  if (bare && OPENAI_SERVER_ONLY.has(f.code)) return undefined;
  if (f.code === 'streaming_unsupported') {
    return {
      ...f,
      severity: 'info',
      stage: 'hint',
      message: `batchlint: 'stream' is true, but a batch's results are written to its output file: ${dialect.name} documents no streaming in batch jobs (OpenAI's Batch API refuses it).`,
    };
  }
  if (bare && isToolsRequired(f)) {
    return {
      ...f,
      severity: 'info',
      stage: 'hint',
      message: `batchlint: '${f.param ?? ''}' is set without 'tools'. OpenAI refuses it; ${dialect.name} does not document whether it does.`,
    };
  }
  return f;
}
