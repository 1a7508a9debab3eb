// The most common shape mix-up between the two APIs: chat nests a tool's (and a JSON schema
// format's) fields under a wrapper key ({type:'function', function:{name, ...}}), Responses
// puts them flat ({type:'function', name, ...}). Sent the wrong way round, one mistake becomes
// a missing key plus an unknown key per field; this keeps the one finding that says what to
// do and drops the rest.
import type { Finding, JsonPath } from '../types';
import type { Issue } from './phrase';
import { isObject } from '../json';
import { quoteList } from '../words';

/** Wrapper key by `type`, for the objects that chat nests. */
const WRAPPER: Record<string, string> = {
  function: 'function',
  custom: 'custom',
  json_schema: 'json_schema',
};

/** The fields that live under the wrapper in chat and flat in Responses. */
const FIELDS = new Set(['name', 'description', 'parameters', 'strict', 'schema', 'format']);

/** Where the two shapes differ: tools[i], tool_choice, response_format (chat), text.format. */
function isNestingSite(at: JsonPath): boolean {
  if (at.length === 2 && at[0] === 'tools' && typeof at[1] === 'number') return true;
  if (at.length === 1 && (at[0] === 'tool_choice' || at[0] === 'response_format')) return true;
  return at.length === 2 && at[0] === 'text' && at[1] === 'format';
}

function wrapperOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.type === 'string' ? WRAPPER[value.type] : undefined;
}

/** Chat got the flat (Responses) shape: keep "missing 'function'", with a hint; drop the rest. */
export function refineChatNesting(finding: Finding, issue: Issue): Finding | undefined | null {
  const { error, at, value } = issue;
  const wrapper = wrapperOf(value);
  if (!isNestingSite(at) || wrapper === undefined || !isObject(value)) return null;
  if (value[wrapper] !== undefined) return null;
  const flat = Object.keys(value).filter((k) => FIELDS.has(k));
  if (flat.length === 0) return null;
  if (
    error.keyword === 'additionalProperties' &&
    FIELDS.has(String(error.params.additionalProperty))
  ) {
    return undefined;
  }
  if (error.keyword === 'required' && error.params.missingProperty === wrapper) {
    const moved = quoteList(flat);
    return {
      ...finding,
      message: `${finding.message} In Chat Completions, ${moved} go${flat.length === 1 ? 'es' : ''} inside '${wrapper}'.`,
    };
  }
  return null;
}

/** Responses got the nested (chat) shape: keep "unknown 'function'", with a hint; drop the rest. */
export function refineResponsesNesting(finding: Finding, issue: Issue): Finding | undefined | null {
  const { error, at, value } = issue;
  const wrapper = wrapperOf(value);
  if (!isNestingSite(at) || wrapper === undefined || !isObject(value)) return null;
  if (!isObject(value[wrapper])) return null;
  if (error.keyword === 'required' && FIELDS.has(String(error.params.missingProperty))) {
    return undefined;
  }
  if (error.keyword === 'additionalProperties' && error.params.additionalProperty === wrapper) {
    // No remove-key fix here: removing the wrapper would throw its fields away.
    const { fix: _dropped, ...rest } = finding;
    return {
      ...rest,
      message: `${finding.message} In the Responses API this object is flat: move the fields of '${wrapper}' up into it.`,
    };
  }
  return null;
}
