// The request envelope: `custom_id`, `method`, `url`, `body`. Mistakes here fail the whole batch
// at validation time, before anything runs, so they are all errors (but unknown keys, which the
// API does not document, and portability hints).

import type { Finding } from '../types';
import type { EnvelopeRule } from './rule';
import type { DialectId } from '../dialects/table';
import { suggestEndpoint } from '../endpoints';
import { endpointFor, urlsOf } from '../dialects/urls';
import { dialectInfo } from '../dialects/table';
import { invalidValueMessage, preview, unknownMessage } from '../words';
import { validateEnvelope } from '../schema';

const ENVELOPE_KEYS = ['custom_id', 'method', 'url', 'body'] as const;
/** Anthropic and Together cap custom_id at 64 characters; OpenAI documents no limit. */
const PORTABLE_ID_LENGTH = 64;

export const rule: EnvelopeRule = { scope: 'envelope', check: checkEnvelope };

function checkEnvelope(line: Record<string, unknown>, dialect: DialectId): Finding[] {
  // The schema (schemas/envelope.json) says what is required and of which type; this adds the
  // fixes and what a schema cannot say: the endpoint list, empty ids, undocumented keys.
  const findings = withFixes(validateEnvelope(line), isRequestLike(line));
  const { custom_id: customId, url } = line;
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
  } else if (typeof customId === 'string' && customId.length > PORTABLE_ID_LENGTH) {
    findings.push({
      code: 'custom_id_length',
      severity: 'info',
      message: `custom_id is ${customId.length} characters long. OpenAI documents no limit, but other batch APIs (Anthropic, Together) cap it at ${PORTABLE_ID_LENGTH}.`,
      param: 'custom_id',
      path: ['custom_id'],
      anchor: 'value',
    });
  }
  if (typeof url === 'string' && endpointFor(url, dialect) === undefined) {
    const suggested = suggestEndpoint(url);
    // An OpenAI-compatible server serves urls of its own (vLLM's /v1/score, /v1/rerank): a note.
    if (dialect === 'openai-compatible' && url.startsWith('/v1/')) {
      findings.push({
        code: 'body_not_checked',
        severity: 'info',
        message:
          `'${preview(url)}' is not one of OpenAI's batch endpoints; the server may serve it (vLLM serves /v1/score), so batchlint does not check the body.` +
          (suggested ? ` Did you mean '${suggested}'?` : ''),
        param: 'url',
        path: ['url'],
        anchor: 'value',
      });
      return withUnknownKeys(line, findings);
    }
    // Azure's classic urls have no /v1: suggest the form the file's other lines use.
    const suggestion =
      suggested && dialectInfo(dialect).urls === 'azure' ? suggested.slice(3) : suggested;
    findings.push({
      code: 'invalid_value',
      severity: 'error',
      message:
        invalidValueMessage(preview(url), urlsOf(dialect)) +
        (suggestion ? ` Did you mean '${suggestion}'?` : ''),
      param: 'url',
      path: ['url'],
      anchor: 'value',
      ...(suggestion ? { fix: { id: 'set-value', path: ['url'], value: suggestion } } : {}),
    });
  }
  return withUnknownKeys(line, findings);
}

/** Adds a warning for each key a batch line does not have. */
function withUnknownKeys(line: Record<string, unknown>, findings: Finding[]): Finding[] {
  for (const key in line) {
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

/**
 * Whether the object holds a key only a request line has. `method` is added only to such a line:
 * an object without any of them (a message `{"role","content"}`, often one line of a
 * pretty-printed request too long to join) is not a request missing its method, and adding the
 * key would write into the user's data.
 */
function isRequestLike(line: Record<string, unknown>): boolean {
  return (
    Object.hasOwn(line, 'custom_id') || Object.hasOwn(line, 'url') || Object.hasOwn(line, 'body')
  );
}

/**
 * The schema's findings with their fixes; a wrong-typed method is not also a wrong value. The
 * missing method gets its fix only on a line that is a request (`requestLike`).
 */
function withFixes(findings: Finding[], requestLike: boolean): Finding[] {
  if (findings.length === 0) return findings;
  const mistyped = new Set(findings.filter((f) => f.code === 'invalid_type').map((f) => f.param));
  return findings
    .filter((f) => !(f.code === 'invalid_value' && mistyped.has(f.param)))
    .map((f) => {
      if (f.code === 'missing_required_parameter' && f.param === 'method' && requestLike) {
        return { ...f, fix: { id: 'add-method' } };
      }
      if (f.code === 'invalid_value' && f.param === 'method') {
        return { ...f, fix: { id: 'set-value', path: ['method'], value: 'POST' } };
      }
      return f;
    });
}
