// Responses specifics: chat-only parameters (say where they moved, or that they have no
// equivalent, as the schemas' annotations tell), chat-style content parts and image URLs inside
// input items. Everything else is generic schema phrasing; checks a schema cannot express are rules.
import type { Finding, JsonPath } from '../types';
import { atDefault } from '../catalogue';
import type { Issue } from './phrase';
import type { Body, Refiner } from './refiner';
import { refineResponsesNesting } from './nesting';
import { isObject } from '../json';
import { valueAt } from './pointer';
import { unknownMessage, elide } from '../words';
import { chatParamFate } from './chat-to-responses';

/** Chat-style part types with a direct Responses equivalent. */
const CHAT_PART_TYPES = new Set(['text', 'image_url', 'file']);

/** True for (input|messages)[i].content[j], the content part of a message item. */
function isPartPath(at: JsonPath): boolean {
  return (
    at.length === 4 &&
    (at[0] === 'input' || at[0] === 'messages') &&
    typeof at[1] === 'number' &&
    at[2] === 'content' &&
    typeof at[3] === 'number'
  );
}

function isInputImage(value: unknown): boolean {
  return isObject(value) && value.type === 'input_image';
}

/** A chat parameter sent to /v1/responses, where it has moved to `to`: the API's words, and the fix. */
export function movedParam(key: string, to: string): Finding {
  return atDefault({
    code: 'unsupported_parameter',
    message: `Unsupported parameter: '${elide(key)}'. In the Responses API, this parameter has moved to '${to}'.`,
    param: key,
    path: ['body', key],
    anchor: 'key',
    fix: { id: 'move-param', path: ['body', key], to },
  });
}

function refine(finding: Finding, issue: Issue, body: Body): Finding | undefined {
  const nesting = refineResponsesNesting(finding, issue);
  if (nesting !== null) return nesting;
  const { error, at, value } = issue;
  if (error.keyword === 'additionalProperties' && at.length === 0) {
    // A chat parameter: say where it went, or that it has none (from the schemas' annotations).
    const key = String(error.params.additionalProperty);
    const fate = chatParamFate(key);
    if (fate.kind === 'moved') return movedParam(key, fate.to);
    if (fate.kind === 'none') {
      return {
        ...finding,
        message: `${unknownMessage(key)} It has no equivalent in the Responses API.`,
      };
    }
    if (fate.kind === 'rewritten' && fate.hint !== undefined) {
      return { ...finding, message: `${unknownMessage(key)} ${fate.hint}` };
    }
    return finding;
  }
  if (error.keyword === 'discriminator' && error.params.error === 'mapping' && isPartPath(at)) {
    const type = isObject(value) ? value.type : undefined;
    if (typeof type === 'string' && CHAT_PART_TYPES.has(type)) {
      return { ...finding, fix: { id: 'responses-part-from-chat', path: ['body', ...at] } };
    }
  }
  // input_image takes a plain `image_url` string: `url`, or chat's {url} object, are mistakes.
  if (
    error.keyword === 'additionalProperties' &&
    error.params.additionalProperty === 'url' &&
    isInputImage(value)
  ) {
    return { ...finding, fix: { id: 'responses-image-url', path: ['body', ...at] } };
  }
  if (error.keyword === 'type' && at[at.length - 1] === 'image_url' && isObject(value)) {
    const part = at.slice(0, -1);
    if (isInputImage(valueAt(body, part))) {
      return { ...finding, fix: { id: 'responses-image-url', path: ['body', ...part] } };
    }
  }
  return finding;
}

export const responsesRefiner: Refiner = { refine };
