// The body of a line in a dialect other than OpenAI's, checked against the dialect's schema
// (schemas/dialects.json names them) in the provider's words, then by the dialect's rules.
// Bodies of the OpenAI-compatible families (Together, Mistral, Fireworks) take OpenAI's schema
// of the endpoint their keys point to, with OpenAI-only strictness relaxed.

import type { Endpoint, Finding, JsonPath } from '../types';
import type { SchemaName } from '../generated';
import type { RuleContext } from '../models/context';
import type { Dialect } from './table';
import { schemaFacts, validators } from '../generated';
import { collapse } from '../schema/collapse';
import { toIssue } from '../schema/phrase';
import { validateBody } from '../schema';
import { checkBodyRules } from '../rules';
import { phraseIn, styleOf } from './words';
import { isObject } from '../json';
import { inProviderFile } from './openai-server-rules';

/**
 * Whether `value` is a string proto3 JSON reads as a number of the schema's `type`: an integer
 * in decimal for integer fields; any decimal, or NaN and the infinities, for float fields.
 */
function protoNumber(type: unknown, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const wanted = String(type).split(',');
  if (wanted.includes('integer') && /^-?\d+$/.test(value)) return true;
  if (!wanted.includes('number')) return false;
  return (
    ['NaN', 'Infinity', '-Infinity'].includes(value) ||
    (value.trim() === value && value !== '' && Number.isFinite(Number(value)))
  );
}

/** Runs one compiled schema on a body and words its errors in the dialect family's style. */
export function schemaFindings(
  name: SchemaName,
  family: 'anthropic' | 'gemini' | 'bedrock',
  body: Record<string, unknown>,
  prefix: JsonPath,
): Finding[] {
  const validate = validators[name];
  if (validate(body)) return [];
  const facts = schemaFacts[name];
  const out: Finding[] = [];
  for (const error of collapse(validate.errors ?? [])) {
    const node = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
    const issue = toIssue(error, body);
    // Google's JSON parser (proto3 JSON) takes a number written as a string ("256"): not an error.
    if (
      family === 'gemini' &&
      error.keyword === 'type' &&
      protoNumber(error.params.type, issue.value)
    )
      continue;
    const finding = phraseIn(styleOf(family), issue, facts[node] ?? {}, prefix);
    if (!finding) continue;
    out.push(finding);
  }
  return out;
}

/**
 * The OpenAI endpoint a body sent without a url is meant for, from its keys; undefined when they
 * point to none of OpenAI's (Mistral's OCR `document`), the endpoint being chosen on the job.
 */
function bareEndpoint(body: Record<string, unknown>): Endpoint | undefined {
  if ('messages' in body) return '/v1/chat/completions';
  if ('prompt' in body) return '/v1/completions';
  if ('input' in body) return '/v1/embeddings';
  return undefined;
}

/**
 * tool_choice strings each provider documents beyond OpenAI's ('none', 'auto', 'required'):
 * Mistral's chat takes 'any' (call one or more tools).
 */
const TOOL_CHOICES: Partial<Record<string, readonly string[]>> = { mistral: ['any'] };

/**
 * A body of Together, Mistral or Fireworks: OpenAI's schema for its endpoint, but a parameter
 * OpenAI does not have is the provider's own (a note), the model may be set on the job, and
 * OpenAI's server rules (the word JSON in json mode, its tool_choice values) are not theirs.
 */
function bareFindings(
  dialect: Dialect,
  body: Record<string, unknown>,
  context: RuleContext,
): Finding[] {
  const endpoint = bareEndpoint(body);
  if (!endpoint) {
    return [
      {
        code: 'body_not_checked',
        severity: 'info',
        message: `This body has no messages, prompt or input, so it is not for ${dialect.name}'s chat, completions or embeddings (the job names the endpoint, e.g. OCR): batchlint does not check its body.`,
        path: ['body'],
        anchor: 'key',
      },
    ];
  }
  const out: Finding[] = [];
  for (const f of validateBody(endpoint, body)) {
    if (f.code === 'invalid_request' && f.param === 'model') {
      if (dialect.id === 'together') out.push(f);
      continue;
    }
    if (f.code === 'unknown_parameter') {
      out.push({
        ...f,
        severity: 'info',
        message: `${f.message} OpenAI has no such parameter; ${dialect.name} may take it (batchlint does not know its parameters).`,
      });
      continue;
    }
    if (f.param === 'tool_choice' && (f.code === 'invalid_value' || f.code === 'invalid_type')) {
      const own = TOOL_CHOICES[dialect.id] ?? [];
      if (typeof body.tool_choice === 'string' && own.includes(body.tool_choice)) continue;
      out.push({
        ...f,
        severity: 'info',
        message: `${f.message} These are OpenAI's values; ${dialect.name} documents its own.`,
      });
      continue;
    }
    out.push(f);
  }
  // OpenAI's deprecations (max_tokens) are not these providers': their own docs use them.
  const rules: Finding[] = [];
  checkBodyRules(endpoint, body, rules, context);
  for (const f of rules) {
    const said = inProviderFile(f, dialect);
    if (said) out.push(said);
  }
  return out;
}

/** Keys of Titan's embeddings models (Text Embeddings V2, Multimodal Embeddings) beside inputText. */
const TITAN_EMBEDDINGS = [
  'dimensions',
  'normalize',
  'embeddingTypes',
  'inputImage',
  'embeddingConfig',
];

/** Keys of Claude's body no other messages-shaped Bedrock model takes (theirs say `stop`). */
const CLAUDE_ONLY = ['anthropic_beta', 'stop_sequences', 'thinking'];

/**
 * Which of Bedrock's model families a modelInput is written for, from its keys, only where they
 * tell one family: `anthropic_version` is Claude's, `schemaVersion`/`inferenceConfig` Nova's,
 * `textGenerationConfig` (or inputText alone) Titan Text's, `max_gen_len` Llama's. A messages +
 * max_tokens body without anthropic_version may be Claude's or another model's on the same
 * shape (gpt-oss, DeepSeek) unless a key only Claude takes says so, and inputText with an embeddings key is Titan Embeddings': undefined.
 */
export function bedrockSchema(body: Record<string, unknown>): SchemaName | undefined {
  if ('anthropic_version' in body) return 'anthropicMessages';
  if ('schemaVersion' in body || 'inferenceConfig' in body) return 'bedrockNova';
  if ('textGenerationConfig' in body) return 'bedrockTitanText';
  if ('inputText' in body && !TITAN_EMBEDDINGS.some((k) => k in body)) return 'bedrockTitanText';
  if ('max_gen_len' in body) return 'bedrockLlama';
  if ('messages' in body && CLAUDE_ONLY.some((k) => k in body)) return 'anthropicMessages';
  return undefined;
}

/** Claude on Bedrock: Messages params with anthropic_version, the model named by the job. */
function bedrockClaude(body: Record<string, unknown>, prefix: JsonPath): Finding[] {
  // anthropic_beta (a list of beta names) is Bedrock's, beside the version; Messages has neither
  // in its body, so both are taken out before its schema reads the rest.
  const { anthropic_version: version, anthropic_beta: _beta, ...rest } = body;
  const out: Finding[] = [];
  if (version === undefined) {
    out.push({
      code: 'missing_required_parameter',
      severity: 'error',
      message:
        'Malformed input request: #: required key [anthropic_version] not found, please reformat your input and try again.',
      param: 'anthropic_version',
      path: prefix,
      anchor: 'parent-key',
    });
  }
  const withModel = 'model' in rest ? rest : { ...rest, model: 'bedrock' };
  for (const f of schemaFindings('anthropicMessages', 'bedrock', withModel, prefix)) {
    if (f.code === 'unknown_parameter') f.severity = 'error';
    out.push(f);
  }
  if ('model' in rest) {
    out.push({
      code: 'unknown_parameter',
      severity: 'error',
      message:
        'Malformed input request: #: extraneous key [model] is not permitted, please reformat your input and try again. (On Bedrock the batch job names the model.)',
      param: 'model',
      path: [...prefix, 'model'],
      anchor: 'key',
      fix: { id: 'remove-key', path: [...prefix, 'model'] },
    });
  }
  return out;
}

/** The schema findings on the body of a line read in `dialect` (a non-OpenAI family). */
export function checkDialectBody(
  dialect: Dialect,
  body: Record<string, unknown>,
  context: RuleContext,
): Finding[] {
  const prefix = [dialect.envelope.body];
  switch (dialect.family) {
    case 'bare':
      return bareFindings(dialect, body, context);
    case 'anthropic':
    case 'gemini':
      return schemaFindings(dialect.schemas[0]!, dialect.family, body, prefix);
    case 'bedrock': {
      const schema = bedrockSchema(body);
      if (schema === 'anthropicMessages') return bedrockClaude(body, prefix);
      if (schema) return schemaFindings(schema, 'bedrock', body, prefix);
      return [
        {
          code: 'body_not_checked',
          severity: 'info',
          message:
            "batchlint cannot tell which model family this modelInput is for (Claude's anthropic_version, Nova's schemaVersion or inferenceConfig, Titan Text's textGenerationConfig, Llama's max_gen_len); the job names the model, so only the envelope is checked.",
          path: prefix,
          anchor: 'key',
        },
      ];
    }
    default:
      return [];
  }
}

export { isObject };
