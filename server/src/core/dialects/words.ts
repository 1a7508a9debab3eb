// Schema errors on another provider's request body, in that provider's words: Anthropic answers
// as its request validator does (`messages.0.role: Input should be 'user' or 'assistant'`),
// Google as its JSON parser does (`Invalid JSON payload received. Unknown name "messages":
// Cannot find field.`), Amazon Bedrock as its schema check does (`Malformed input request: #:
// required key [max_tokens] not found`). These templates are the ones the APIs answer with, as
// recorded in public error reports; where a provider's wording is not known the message is ours
// and says so by its form ("batchlint: …").

import type { Finding, JsonPath, PathSegment, ProblemCode } from '../types';
import type { Issue } from '../schema/phrase';
import type { SchemaFacts } from '../schema/compiled-types';
import { formatParam, showValue } from '../words';

export type WordStyle = 'anthropic' | 'google' | 'bedrock';

/** Anthropic's path form: `messages.0.content.1.type`. */
function dotted(path: JsonPath): string {
  return path.map(String).join('.');
}

/** Bedrock's (a JSON Pointer under `#`): `#/messages/0/role`. */
function pointer(path: JsonPath): string {
  return path.length === 0 ? '#' : `#/${path.map(String).join('/')}`;
}

const PY_TYPES: Record<string, string> = {
  string: 'a valid string',
  integer: 'a valid integer',
  number: 'a valid number',
  boolean: 'a valid boolean',
  object: 'a valid dictionary',
  array: 'a valid list',
  null: 'None',
};
const JAVA_TYPES: Record<string, string> = {
  string: 'String',
  integer: 'Integer',
  number: 'Number',
  boolean: 'Boolean',
  object: 'JSONObject',
  array: 'JSONArray',
  null: 'Null',
};
const PROTO_TYPES: Record<string, string> = {
  string: 'TYPE_STRING',
  integer: 'TYPE_INT32',
  number: 'TYPE_FLOAT',
  boolean: 'TYPE_BOOL',
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A value as Google's parser quotes it: strings in double quotes, the rest as JSON. */
function protoValue(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `'a', 'b' or 'c'`, as pydantic lists literals. */
function pyList(values: readonly unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length <= 1
    ? (quoted[0] ?? '')
    : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

interface Phrased {
  code: ProblemCode;
  message: string;
  /** Where the problem shows: the key (unknown, missing) or the value. */
  anchor: 'key' | 'value' | 'parent-key';
  /** The path shown (the key's for unknown and missing keys), relative to the body. */
  at: PathSegment[];
}

/**
 * One schema error on a body in the provider's words. `prefix` is the body's key in the line
 * (`params`, `request`, `modelInput`). Returns undefined for errors that only restate another.
 */
export function phraseIn(
  style: WordStyle,
  issue: Issue,
  facts: SchemaFacts,
  prefix: JsonPath,
): Finding | undefined {
  const phrased = phrase(style, issue, facts);
  if (!phrased) return undefined;
  const param = formatParam(phrased.at);
  return {
    code: phrased.code,
    severity: 'error',
    message: phrased.message,
    ...(param !== '' && { param }),
    path: [...prefix, ...phrased.at],
    anchor: phrased.anchor,
    ...(phrased.code === 'unknown_parameter' && {
      fix: { id: 'remove-key', path: [...prefix, ...phrased.at] },
    }),
  };
}

function phrase(style: WordStyle, issue: Issue, facts: SchemaFacts): Phrased | undefined {
  const { error, at, value } = issue;
  const p = error.params;
  const say = (
    code: ProblemCode,
    texts: Record<WordStyle, string>,
    anchor: Phrased['anchor'] = 'value',
    where: PathSegment[] = at,
  ): Phrased => ({ code, message: texts[style], anchor, at: where });
  switch (error.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const where = [...at, key];
      return say(
        'missing_required_parameter',
        {
          anthropic: `${dotted(where)}: Field required`,
          google: `* GenerateContentRequest.${formatParam(where)}: ${key} is not specified`,
          bedrock: `Malformed input request: ${pointer(at)}: required key [${key}] not found, please reformat your input and try again.`,
        },
        'parent-key',
        where,
      );
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const where = [...at, key];
      const google =
        at.length === 0
          ? `Invalid JSON payload received. Unknown name "${key}": Cannot find field.`
          : `Invalid JSON payload received. Unknown name "${key}" at '${formatParam(at)}': Cannot find field.`;
      return say(
        'unknown_parameter',
        {
          anthropic: `${dotted(where)}: Extra inputs are not permitted`,
          google,
          bedrock: `Malformed input request: ${pointer(at)}: extraneous key [${key}] is not permitted, please reformat your input and try again.`,
        },
        'key',
        where,
      );
    }
    case 'type': {
      const wanted = String(p.type).split(',')[0]!;
      const proto = facts.expected?.startsWith('type.') ? facts.expected : PROTO_TYPES[wanted];
      return say('invalid_type', {
        anthropic: `${dotted(at)}: Input should be ${PY_TYPES[wanted] ?? `a valid ${wanted}`}`,
        google: `Invalid value at '${formatParam(at)}' (${proto ?? wanted}), ${protoValue(value)}`,
        bedrock: `Malformed input request: ${pointer(at)}: expected type: ${JAVA_TYPES[wanted] ?? wanted}, found: ${JAVA_TYPES[jsonType(value)] ?? jsonType(value)}, please reformat your input and try again.`,
      });
    }
    case 'enum':
    case 'const': {
      const allowed = error.keyword === 'enum' ? (p.allowedValues as unknown[]) : [p.allowedValue];
      const role = at[at.length - 1] === 'role';
      return say('invalid_value', {
        anthropic: `${dotted(at)}: Input should be ${pyList(allowed)}`,
        google: role
          ? 'Please use a valid role: user, model.'
          : `Invalid value at '${formatParam(at)}' (${allowed.map(String).join(', ')}), ${protoValue(value)}`,
        bedrock: `Malformed input request: ${pointer(at)}: ${String(value)} is not a valid enum value, please reformat your input and try again.`,
      });
    }
    case 'discriminator': {
      if (p.error !== 'mapping') return undefined; // a missing tag is also a `required` error
      const tag = String(p.tag);
      const tagValue = (value as Record<string, unknown> | undefined)?.[tag];
      const listed = (facts.supported ?? []).map((v) => `'${String(v)}'`).join(', ');
      return say(
        'invalid_value',
        {
          anthropic: `${dotted(at)}: Input tag '${String(tagValue)}' found using '${tag}' does not match any of the expected tags: ${listed}`,
          google: `batchlint: '${formatParam([...at, tag])}' is '${String(tagValue)}'; expected one of ${listed}.`,
          bedrock: `Malformed input request: ${pointer([...at, tag])}: ${String(tagValue)} is not a valid enum value, please reformat your input and try again.`,
        },
        'value',
        [...at, tag],
      );
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const below = error.keyword.toLowerCase().includes('min');
      const inclusive = !error.keyword.startsWith('exclusive');
      const limit = Number(p.limit);
      const integer = facts.numeric === 'integer';
      return say(`${integer ? 'integer' : 'decimal'}_${below ? 'below_min' : 'above_max'}_value`, {
        anthropic: `${dotted(at)}: Input should be ${below ? 'greater' : 'less'} than${inclusive ? ' or equal to' : ''} ${limit}`,
        google: `batchlint: '${formatParam(at)}' is ${showValue(value)}; the API documents a value ${below ? (inclusive ? '>=' : '>') : inclusive ? '<=' : '<'} ${limit}.`,
        bedrock: `Malformed input request: ${pointer(at)}: ${String(value)} is not ${below ? 'greater' : 'less'} ${inclusive ? 'or equal to' : 'than'} ${limit}, please reformat your input and try again.`,
      });
    }
    case 'minItems':
    case 'maxItems': {
      const limit = Number(p.limit);
      const count = Array.isArray(value) ? value.length : 0;
      const few = error.keyword === 'minItems';
      const google =
        few && count === 0
          ? `* GenerateContentRequest.${formatParam(at)}: ${dotted(at.filter((s) => typeof s === 'string'))} must not be empty`
          : `batchlint: '${formatParam(at)}' has ${count} items; the API takes at ${few ? 'least' : 'most'} ${limit}.`;
      return say(few ? 'array_below_min_length' : 'array_above_max_length', {
        anthropic: `${dotted(at)}: List should have at ${few ? 'least' : 'most'} ${limit} item${limit === 1 ? '' : 's'} after validation, not ${count}`,
        google,
        bedrock: `Malformed input request: ${pointer(at)}: expected ${few ? 'minimum' : 'maximum'} item count: ${limit}, found: ${count}, please reformat your input and try again.`,
      });
    }
    case 'minLength':
    case 'maxLength': {
      const limit = Number(p.limit);
      const few = error.keyword === 'minLength';
      const length = typeof value === 'string' ? value.length : 0;
      return say(few ? 'string_below_min_length' : 'string_above_max_length', {
        anthropic: `${dotted(at)}: String should have at ${few ? 'least' : 'most'} ${limit} character${limit === 1 ? '' : 's'}`,
        google: `batchlint: '${formatParam(at)}' has ${length} characters; the API takes at ${few ? 'least' : 'most'} ${limit}.`,
        bedrock: `Malformed input request: ${pointer(at)}: expected ${few ? 'minLength' : 'maxLength'}: ${limit}, actual: ${length}, please reformat your input and try again.`,
      });
    }
    case 'pattern':
      return say('invalid_value', {
        anthropic: `${dotted(at)}: String should match pattern '${String(p.pattern)}'`,
        google: `batchlint: '${formatParam(at)}' does not match '${String(p.pattern)}'.`,
        bedrock: `Malformed input request: ${pointer(at)}: string [${String(value)}] does not match pattern ${String(p.pattern)}, please reformat your input and try again.`,
      });
    default:
      return say('invalid_value', {
        anthropic: `${dotted(at)}: Invalid value`,
        google: `Invalid value at '${formatParam(at)}', ${protoValue(value)}`,
        bedrock: `Malformed input request: ${pointer(at)}: invalid value, please reformat your input and try again.`,
      });
  }
}

/** The style a dialect family answers in. */
export function styleOf(family: 'anthropic' | 'gemini' | 'bedrock'): WordStyle {
  return family === 'gemini' ? 'google' : family;
}

export { dotted, pointer };
