// The request envelope: `custom_id`, `method`, `url`, `body`. Mistakes here fail the whole batch
// at validation time, before anything runs, so they are all errors (but unknown keys, which the
// API does not document, and portability hints).

import type { Finding } from '../types';
import { ENDPOINTS, isEndpoint, suggestEndpoint } from '../endpoints';
import {
  invalidTypeMessage,
  invalidValueMessage,
  missingMessage,
  preview,
  unknownMessage,
} from '../words';

const ENVELOPE_KEYS = ['custom_id', 'method', 'url', 'body'] as const;
/** Anthropic and Together cap custom_id at 64 characters; OpenAI documents no limit. */
const PORTABLE_ID_LENGTH = 64;

export function checkEnvelope(line: Record<string, unknown>): Finding[] {
  const findings: Finding[] = [];
  for (const key of ENVELOPE_KEYS) {
    if (!(key in line)) {
      findings.push({
        code: 'missing_required_parameter',
        severity: 'error',
        message: missingMessage(key),
        param: key,
        path: [],
        anchor: 'parent-key',
        ...(key === 'method' ? { fix: { id: 'add-method' } } : {}),
      });
    }
  }
  const { custom_id: customId, method, url, body } = line;
  if ('custom_id' in line && typeof customId !== 'string') {
    findings.push(typeError('custom_id', 'a string', customId));
  } else if (typeof customId === 'string') {
    if (customId === '') {
      findings.push({
        code: 'empty_string',
        severity: 'error',
        message:
          "Invalid 'custom_id': empty string. Expected a string with minimum length 1, but got an empty string instead.",
        param: 'custom_id',
        path: ['custom_id'],
        anchor: 'value',
      });
    } else if (customId.length > PORTABLE_ID_LENGTH) {
      findings.push({
        code: 'custom_id_length',
        severity: 'info',
        message: `custom_id is ${customId.length} characters long. OpenAI documents no limit, but other batch APIs (Anthropic, Together) cap it at ${PORTABLE_ID_LENGTH}.`,
        param: 'custom_id',
        path: ['custom_id'],
        anchor: 'value',
      });
    }
  }
  if ('method' in line && method !== 'POST') {
    findings.push(
      typeof method === 'string'
        ? {
            code: 'invalid_value',
            severity: 'error',
            message: invalidValueMessage(preview(method), ['POST']),
            param: 'method',
            path: ['method'],
            anchor: 'value',
            fix: { id: 'set-value', path: ['method'], value: 'POST' },
          }
        : typeError('method', 'a string', method),
    );
  }
  if ('url' in line && !isEndpoint(url)) {
    if (typeof url !== 'string') {
      findings.push(typeError('url', 'a string', url));
    } else {
      const suggestion = suggestEndpoint(url);
      findings.push({
        code: 'invalid_value',
        severity: 'error',
        message:
          invalidValueMessage(preview(url), ENDPOINTS) +
          (suggestion ? ` Did you mean '${suggestion}'?` : ''),
        param: 'url',
        path: ['url'],
        anchor: 'value',
        ...(suggestion ? { fix: { id: 'set-value', path: ['url'], value: suggestion } } : {}),
      });
    }
  }
  if ('body' in line && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    findings.push(typeError('body', 'an object', body));
  }
  for (const key of Object.keys(line)) {
    if ((ENVELOPE_KEYS as readonly string[]).includes(key)) continue;
    findings.push({
      code: 'unknown_parameter',
      severity: 'warning',
      message: `${unknownMessage(key)} A batch request line has only custom_id, method, url and body; the API does not document other keys.`,
      param: key,
      path: [key],
      anchor: 'key',
      fix: { id: 'remove-key', path: [key] },
    });
  }
  return findings;
}

function typeError(param: string, expected: string, value: unknown): Finding {
  return {
    code: 'invalid_type',
    severity: 'error',
    message: invalidTypeMessage(param, expected, value),
    param,
    path: [param],
    anchor: 'value',
  };
}
