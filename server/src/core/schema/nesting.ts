// The most common shape mix-up between the two APIs: chat nests a tool's (and a JSON schema
// format's) fields under a wrapper key ({type:'function', function:{name, ...}}), Responses
// puts them flat ({type:'function', name, ...}). Sent the wrong way round, one mistake becomes
// a missing key plus an unknown key per field; this keeps the one the API reports first, adds
// what to do after its words, and drops the rest. The API's order: Responses reports the missing
// 'name' ("Missing required parameter: 'tools[0].name'."); chat checks unknown keys before
// missing ones, so a flat response_format draws "Unknown parameter: 'response_format.schema'.".
import type { Finding, JsonPath } from '../types';
import type { Issue } from './phrase';
import { isObject, ownValue } from '../json';
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
  return isObject(value) && typeof value.type === 'string'
    ? ownValue(WRAPPER, value.type)
    : undefined;
}

/** Chat got the flat (Responses) shape: keep the first finding the API reports, with a hint. */
export function refineChatNesting(finding: Finding, issue: Issue): Finding | undefined | null {
  const { error, at, value } = issue;
  const wrapper = wrapperOf(value);
  if (!isNestingSite(at) || wrapper === undefined || !isObject(value)) return null;
  if (value[wrapper] !== undefined) return null;
  const flat = Object.keys(value).filter((k) => FIELDS.has(k));
  if (flat.length === 0) return null;
  const hint = `In Chat Completions, ${quoteList(flat)} go${flat.length === 1 ? 'es' : ''} inside '${wrapper}'.`;
  // response_format is checked for unknown keys first: its first flat key is what the API names.
  const unknownFirst = at[0] === 'response_format';
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    if (!FIELDS.has(key)) return null;
    if (!unknownFirst || key !== flat[0]) return undefined;
    // No remove-key fix: removing the field would throw it away rather than move it.
    const { fix: _dropped, ...rest } = finding;
    return { ...rest, message: `${finding.message} ${hint}` };
  }
  if (error.keyword === 'required' && error.params.missingProperty === wrapper) {
    return unknownFirst ? undefined : { ...finding, message: `${finding.message} ${hint}` };
  }
  return null;
}

/** Responses got the nested (chat) shape: keep the missing 'name' the API reports, with a hint. */
export function refineResponsesNesting(finding: Finding, issue: Issue): Finding | undefined | null {
  const { error, at, value } = issue;
  const wrapper = wrapperOf(value);
  if (!isNestingSite(at) || wrapper === undefined || !isObject(value)) return null;
  if (!isObject(value[wrapper])) return null;
  if (error.keyword === 'additionalProperties' && error.params.additionalProperty === wrapper) {
    return undefined;
  }
  if (error.keyword === 'required' && FIELDS.has(String(error.params.missingProperty))) {
    if (error.params.missingProperty !== 'name') return undefined;
    return {
      ...finding,
      message: `${finding.message} In the Responses API this object is flat: move the fields of '${wrapper}' up into it.`,
    };
  }
  return null;
}
