// Responses specifics: chat-only parameters (say where they moved, or that they have no
// equivalent), chat-style content parts and image URLs inside input items, and the API's rule
// that some input must be given. Everything else is generic schema phrasing.
import type { Finding, JsonPath } from '../types';
import type { Issue } from './phrase';
import type { Body, Refiner } from './refiner';
import { refineResponsesNesting } from './nesting';
import { isObject } from '../json';
import { valueAt } from './pointer';
import { unknownMessage } from '../words';

/** Chat parameters with a Responses counterpart, and where it lives. */
export const MOVED_PARAMS: Record<string, string> = {
  messages: 'input',
  response_format: 'text.format',
  max_completion_tokens: 'max_output_tokens',
  max_tokens: 'max_output_tokens',
  reasoning_effort: 'reasoning.effort',
  verbosity: 'text.verbosity',
};

/** Chat parameters the Responses API has no counterpart for. */
export const NO_EQUIVALENT = new Set([
  'n',
  'stop',
  'seed',
  'logit_bias',
  'modalities',
  'audio',
  'prediction',
  'web_search_options',
]);

/** Other chat parameters whose Responses counterpart takes more than a move. */
const HINTS: Record<string, string> = {
  logprobs:
    "In the Responses API, ask for them with include: ['message.output_text.logprobs'] and 'top_logprobs'.",
  functions: "In the Responses API, functions are declared in 'tools'.",
  function_call: "In the Responses API, use 'tool_choice'.",
};

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

function movedParam(key: string, to: string): Finding {
  return {
    code: 'unsupported_parameter',
    severity: 'error',
    message: `Unsupported parameter: '${key}'. In the Responses API, this parameter has moved to '${to}'.`,
    param: key,
    path: ['body', key],
    anchor: 'key',
    fix: { id: 'move-param', path: ['body', key], to },
  };
}

function refine(finding: Finding, issue: Issue, body: Body): Finding | undefined {
  const nesting = refineResponsesNesting(finding, issue);
  if (nesting !== null) return nesting;
  const { error, at, value } = issue;
  if (error.keyword === 'additionalProperties' && at.length === 0) {
    const key = String(error.params.additionalProperty);
    const to = MOVED_PARAMS[key];
    if (to !== undefined) return movedParam(key, to);
    if (NO_EQUIVALENT.has(key)) {
      return {
        ...finding,
        message: `${unknownMessage(key)} It has no equivalent in the Responses API.`,
      };
    }
    const hint = HINTS[key];
    if (hint !== undefined) return { ...finding, message: `${unknownMessage(key)} ${hint}` };
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

function extra(body: Body): Finding[] {
  // The schema declares `messages` (to check what is inside it), so it is reported here.
  return body.messages !== undefined ? [movedParam('messages', 'input')] : [];
}

export const responsesRefiner: Refiner = { refine, extra };
