// The envelope of a line in a dialect other than OpenAI's: the request id and the body key the
// dialect's manifest row names, the id rules (Anthropic's pattern, Together's 64 characters),
// and keys the dialect does not have. In the provider's words where known.

import type { Finding } from '../types';
import type { Dialect } from './table';
import { dotted, pointer } from './words';
import { gotLabel, preview, elide } from '../words';
import { isObject } from '../json';

/** The keys that hold the request in some dialect's lines. */
const BODY_KEYS = ['body', 'params', 'request', 'modelInput'];

/**
 * "a Mistral AI batch line", "an Amazon Bedrock batch inference line": the article by the
 * name's first letter, and "batch" once.
 */
function aLineOf(name: string): string {
  const article = /^[aeiou]/i.test(name) ? 'an' : 'a';
  return `${article} ${name} ${/batch/i.test(name) ? 'line' : 'batch line'}`;
}

const capital = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** How each family says that a line lacks a key, or holds a value of the wrong type. */
function missing(dialect: Dialect, key: string): string {
  switch (dialect.family) {
    case 'anthropic':
      return `${key}: Field required`;
    case 'bedrock':
      return `Malformed input request: ${pointer([])}: required key [${key}] not found, please reformat your input and try again.`;
    default:
      return `Missing required parameter: '${key}'. ${capital(aLineOf(dialect.name))} has ${dialect.envelope.keys.map((k) => `'${k}'`).join(' and ')}.`;
  }
}

function wrongType(
  dialect: Dialect,
  key: string,
  expected: 'string' | 'object',
  value: unknown,
): string {
  if (dialect.family === 'anthropic') {
    return `${dotted([key])}: Input should be ${expected === 'string' ? 'a valid string' : 'a valid dictionary'}`;
  }
  return `Invalid type for '${key}': expected ${expected === 'string' ? 'a string' : 'an object'}, but got ${gotLabel(value)} instead.`;
}

/** The envelope findings of a line read in `dialect` (a non-OpenAI family). */
export function checkDialectEnvelope(line: Record<string, unknown>, dialect: Dialect): Finding[] {
  const findings: Finding[] = [];
  const { id, body, keys } = dialect.envelope;
  // Bedrock adds a recordId to lines without one; every other id key is required.
  if (id !== null) {
    const value = line[id];
    if (value === undefined) {
      if (dialect.family !== 'bedrock')
        findings.push(at('missing_required_parameter', missing(dialect, id), id, 'parent-key', []));
    } else if (typeof value !== 'string') {
      findings.push(at('invalid_type', wrongType(dialect, id, 'string', value), id));
    } else {
      findings.push(...idRules(dialect, id, value));
    }
  }
  const value = line[body];
  // The request put under another provider's body key (an Anthropic request under `body`):
  // renaming the key repairs the line; removing it would lose the request.
  const misplaced =
    value === undefined
      ? BODY_KEYS.find((k) => k !== body && !keys.includes(k) && isObject(line[k]))
      : undefined;
  if (value === undefined) {
    const hint = misplaced
      ? ` The request is under '${elide(misplaced)}'; ${dialect.name} reads it from '${body}'.`
      : '';
    const words = missing(dialect, body);
    findings.push(
      at(
        'missing_required_parameter',
        (hint && !words.endsWith('.') ? `${words}.` : words) + hint,
        body,
        'parent-key',
        [],
      ),
    );
  } else if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    findings.push(at('invalid_type', wrongType(dialect, body, 'object', value), body));
  }
  for (const key of Object.keys(line)) {
    if (keys.includes(key)) continue;
    // Without its body key, the line's other keys may be the request itself (Gemini's contents
    // written without request): removing them would lose it, so only a rename is offered.
    const fix: Finding['fix'] =
      key === misplaced
        ? { id: 'rename-key', path: [key], to: body }
        : value === undefined
          ? undefined
          : { id: 'remove-key', path: [key] };
    findings.push({
      code: 'unknown_parameter',
      severity: 'warning',
      message: `Unrecognized key '${elide(key)}': ${aLineOf(dialect.name)} has only ${keys.map((k) => `'${k}'`).join(' and ')}; the provider does not document other keys.`,
      param: key,
      path: [key],
      anchor: 'key',
      ...(fix && { fix }),
    });
  }
  return findings;
}

function idRules(dialect: Dialect, key: string, value: string): Finding[] {
  const rule = dialect.customId;
  if (!rule) return [];
  if (rule.pattern !== undefined && !new RegExp(rule.pattern).test(value)) {
    // Anthropic's validator words it so; the fix keeps only the characters it accepts.
    const cleaned = value.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64);
    return [
      {
        ...at('invalid_value', `${key}: String should match pattern '${rule.pattern}'`, key),
        ...(cleaned !== '' && {
          fix: { id: 'set-value', path: [key], value: cleaned, safe: false },
        }),
      },
    ];
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return [
      at(
        'string_above_max_length',
        `${key} '${preview(value, 30)}' is ${value.length} characters long; ${dialect.name} takes at most ${rule.maxLength}.`,
        key,
      ),
    ];
  }
  return [];
}

function at(
  code: Finding['code'],
  message: string,
  key: string,
  anchor: Finding['anchor'] = 'value',
  path: string[] = [key],
): Finding {
  return { code, severity: 'error', message, param: key, path, anchor };
}
