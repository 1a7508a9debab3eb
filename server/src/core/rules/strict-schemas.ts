// Strict structured outputs and strict function tools: a schema sent with `strict: true` must
// keep to the subset the API accepts, or the request is refused with "Invalid schema for
// function 'f': In context=(), …". Each violation is reported on its own schema node, in the
// API's words. A Responses function tool that leaves `strict` out is never refused: it gets a
// note saying what Responses will do with its schema.

import type { Endpoint, Finding, FixRef, JsonPath } from '../types';
import type { Body, BodyRule } from './rule';
import { NONE } from './rule';
import { CHAT_AND_RESPONSES } from './scopes';
import { strictFindingsOf, strictPrefix, strictTargets } from '../strict';
import type { StrictFinding, StrictTarget } from '../strict';
import { formatParam, quoteList, elide } from '../words';

export const rule: BodyRule = {
  scope: 'body',
  endpoints: CHAT_AND_RESPONSES,
  keys: ['tools', 'response_format', 'text'],
  check,
};

function check(body: Body, endpoint: Endpoint): Finding[] {
  // Most bodies have neither tools nor a json_schema format: leave before any allocation.
  if (body.tools === undefined && body.response_format === undefined && body.text === undefined) {
    return NONE;
  }
  const targets = strictTargets(endpoint, body);
  if (targets.length === 0) return NONE;
  const out: Finding[] = [];
  for (const target of targets) {
    const findings = strictFindingsOf(target.schema);
    if (findings.length === 0) continue;
    if (target.mode === 'strict') {
      for (const f of findings) out.push(toFinding(target, endpoint, f));
    } else {
      const note = optionalNote(target, findings);
      if (note) out.push(note);
    }
  }
  return out;
}

/** The API's `param` for a strict-schema error: the schema (chat's response_format as a whole). */
function paramOf(target: StrictTarget, endpoint: Endpoint): string {
  if (target.kind === 'response_format' && endpoint === '/v1/chat/completions') {
    return 'response_format';
  }
  return formatParam(target.schemaPath);
}

function toFinding(target: StrictTarget, endpoint: Endpoint, f: StrictFinding): Finding {
  const base: JsonPath = ['body', ...target.schemaPath];
  const finding: Finding = {
    code: target.kind === 'function' ? 'invalid_function_parameters' : 'invalid_json_schema',
    severity: f.severity,
    message: strictPrefix(target.kind, target.name) + f.message + (f.hint ? ` ${f.hint}` : ''),
    param: paramOf(target, endpoint),
    path: [...base, ...f.path],
    anchor: f.anchor,
  };
  const at: JsonPath = [...base, ...(f.fixPath ?? f.path)];
  if (f.fix?.kind === 'add-additional-properties') {
    finding.fix = { id: 'strict-additional-properties', path: at };
  } else if (f.fix?.kind === 'require-keys') {
    // Required changes what the model must fill in: offered, applied only after review.
    finding.fix = { id: 'strict-require-keys', path: at, keys: f.fix.keys, safe: false };
  } else {
    finding.fix = strictOff(target);
  }
  return finding;
}

/** Turning strict mode off makes any schema acceptable, but changes what the API guarantees. */
function strictOff(target: StrictTarget): FixRef {
  return { id: 'strict-off', path: ['body', ...target.ownerPath], safe: false };
}

/**
 * A Responses function tool without `strict`: Responses normalizes a schema it can make strict
 * (adding additionalProperties: false and requiring every property) and falls back to
 * non-strict calls otherwise. Either way a note, never an error.
 */
function optionalNote(
  target: StrictTarget,
  findings: readonly StrictFinding[],
): Finding | undefined {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return undefined;
  const normalizable = errors.every(
    (f) =>
      f.rule === 'required-missing' || (f.rule === 'additional-properties' && f.fix !== undefined),
  );
  const fn = `Function '${elide(target.name)}' leaves 'strict' out`;
  let message: string;
  if (normalizable) {
    const optional = errors.flatMap((f) => (f.fix?.kind === 'require-keys' ? f.fix.keys : []));
    if (optional.length === 0) return undefined;
    message =
      `${fn}: Responses makes its schema strict, which requires every property, so the model ` +
      `must also fill ${quoteList(optional)}. Set 'strict': false to keep them optional.`;
  } else {
    message =
      `${fn} and its schema is not strict-compatible (${errors[0]!.message}): Responses will ` +
      `call it without strict validation. Set 'strict': false to say so.`;
  }
  return {
    code: 'strict_omitted',
    severity: 'info',
    message,
    param: formatParam([...target.ownerPath, 'strict']),
    path: ['body', ...target.schemaPath],
    anchor: 'key',
    fix: strictOff(target),
  };
}
