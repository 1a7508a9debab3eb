// The envelope of a line in a dialect other than OpenAI's: the request id and the body key the
// dialect's manifest row names, the id rules (Anthropic's pattern, Together's 64 characters),
// and keys the dialect does not have. In the provider's words where known.

import type { Finding } from '../types';
import type { Dialect } from './table';
import { dotted, pointer } from './words';
import { gotLabel, preview } from '../words';

/** How each family says that a line lacks a key, or holds a value of the wrong type. */
function missing(dialect: Dialect, key: string): string {
  switch (dialect.family) {
    case 'anthropic':
      return `${key}: Field required`;
    case 'bedrock':
      return `Malformed input request: ${pointer([])}: required key [${key}] not found, please reformat your input and try again.`;
    default:
      return `Missing required parameter: '${key}'. A ${dialect.name} batch line has ${dialect.envelope.keys.map((k) => `'${k}'`).join(' and ')}.`;
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
  if (value === undefined) {
    findings.push(at('missing_required_parameter', missing(dialect, body), body, 'parent-key', []));
  } else if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    findings.push(at('invalid_type', wrongType(dialect, body, 'object', value), body));
  }
  for (const key of Object.keys(line)) {
    if (keys.includes(key)) continue;
    findings.push({
      code: 'unknown_parameter',
      severity: 'warning',
      message: `Unrecognized key '${key}': a ${dialect.name} batch line has only ${keys.map((k) => `'${k}'`).join(' and ')}; the provider does not document other keys.`,
      param: key,
      path: [key],
      anchor: 'key',
      fix: { id: 'remove-key', path: [key] },
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
