// Chat Completions specifics: fixes for parts written in the Responses style and for a bare
// image URL string, and the API's own wording for a message without content. Everything else is
// generic schema phrasing; checks a schema cannot express are rules, and deprecation notes come
// from the schemas' annotations (schema/notes.ts).
import type { Finding, JsonPath } from '../types';
import { atDefault } from '../catalogue';
import type { Issue } from './phrase';
import type { Body, Refiner } from './refiner';
import { refineChatNesting } from './nesting';
import { isObject } from '../json';
import { NULL_CONTENT_MESSAGE } from '../words';

/** Responses-style part types that chat refuses but that have a direct chat equivalent. */
const RESPONSES_PART_TYPES = new Set(['input_text', 'input_image', 'input_file']);

/** Roles whose content the API requires, answering its absence with NULL_CONTENT_MESSAGE. */
const CONTENT_REQUIRED_ROLES = new Set(['user', 'system', 'tool']);

/** True for a path of the form messages[i].content[j] followed by `rest`. */
function isPartPath(at: JsonPath, ...rest: string[]): boolean {
  return (
    at.length === 4 + rest.length &&
    at[0] === 'messages' &&
    typeof at[1] === 'number' &&
    at[2] === 'content' &&
    typeof at[3] === 'number' &&
    rest.every((key, i) => at[4 + i] === key)
  );
}

/** The API's finding for a message whose content is null or absent. */
export function nullContent(messageIndex: number, contentPresent: boolean): Finding {
  const messagePath = ['body', 'messages', messageIndex];
  return atDefault({
    code: 'invalid_value',
    message: NULL_CONTENT_MESSAGE,
    // The API names this parameter in its older dotted form.
    param: `messages.[${messageIndex}].content`,
    path: contentPresent ? [...messagePath, 'content'] : messagePath,
    anchor: contentPresent ? 'value' : 'parent-key',
  });
}

function roleOf(body: Body, index: unknown): unknown {
  const messages = body.messages;
  if (!Array.isArray(messages) || typeof index !== 'number') return undefined;
  const message: unknown = messages[index];
  return isObject(message) ? message.role : undefined;
}

function refine(finding: Finding, issue: Issue, body: Body): Finding | undefined {
  const nesting = refineChatNesting(finding, issue);
  if (nesting !== null) return nesting;
  const { error, at, value } = issue;
  if (error.keyword === 'discriminator' && isPartPath(at)) {
    const type = isObject(value) ? value.type : undefined;
    if (typeof type === 'string' && RESPONSES_PART_TYPES.has(type)) {
      return { ...finding, fix: { id: 'chat-part-from-responses', path: ['body', ...at] } };
    }
  }
  if (error.keyword === 'type' && isPartPath(at, 'image_url') && typeof value === 'string') {
    return { ...finding, fix: { id: 'wrap-image-url', path: ['body', ...at] } };
  }
  // content null, or missing, on a role that needs it: the API's own (older) wording.
  const contentNull =
    error.keyword === 'type' && value === null && at.length === 3 && at[2] === 'content';
  const contentMissing =
    error.keyword === 'required' && error.params.missingProperty === 'content' && at.length === 2;
  if ((contentNull || contentMissing) && at[0] === 'messages') {
    const role = roleOf(body, at[1]);
    if (typeof role === 'string' && CONTENT_REQUIRED_ROLES.has(role)) {
      return nullContent(at[1] as number, contentNull);
    }
  }
  return finding;
}

export const chatRefiner: Refiner = { refine };
