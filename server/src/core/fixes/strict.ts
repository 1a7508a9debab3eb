// Fixes for strict schemas, as the official SDKs repair them before sending: add
// `additionalProperties: false` where it is missing, list every property in `required`, or turn
// strict mode off for a tool or format that does not need it.

import type { FixRefOf, JsonPath } from '../types';
import type { EditorFix } from './edits';
import { quoteList } from '../words';

export const strictAdditionalProperties: EditorFix<FixRefOf<'strict-additional-properties'>> = (
  ref,
  editor,
) => {
  const path = ref.path ?? [];
  if (editor.node(path)?.type !== 'object' || editor.node([...path, 'additionalProperties'])) {
    return undefined;
  }
  editor.addProperty(path, 'additionalProperties', 'false');
  return 'Add "additionalProperties": false';
};

/** Appends the keys to `required`, or creates it; keys already listed are not repeated. */
export const strictRequireKeys: EditorFix<FixRefOf<'strict-require-keys'>> = (ref, editor) => {
  const path = ref.path ?? [];
  const keys = Array.isArray(ref.keys) ? ref.keys.filter((k) => typeof k === 'string') : [];
  if (keys.length === 0 || editor.node(path)?.type !== 'object') return undefined;
  const required = editor.node([...path, 'required']);
  const title = `Add ${quoteList(keys)} to "required"`;
  if (!required) {
    editor.addProperty(path, 'required', JSON.stringify(keys));
    return title;
  }
  if (required.type !== 'array') return undefined;
  const listed = new Set(
    (editor.value([...path, 'required']) as unknown[]).filter((k) => typeof k === 'string'),
  );
  const added = keys.filter((k) => !listed.has(k)).map((k) => JSON.stringify(k));
  if (added.length === 0) return undefined;
  const items = required.children ?? [];
  const last = items[items.length - 1];
  if (last) editor.insert(last.offset + last.length, `,${added.join(',')}`);
  else editor.insert(required.offset + 1, added.join(','));
  return title;
};

export const strictOff: EditorFix<FixRefOf<'strict-off'>> = (ref, editor) => {
  const path: JsonPath = ref.path ?? [];
  if (editor.node(path)?.type !== 'object') return undefined;
  const flag = editor.node([...path, 'strict']);
  if (flag) editor.replace(flag, 'false');
  else editor.addProperty(path, 'strict', 'false');
  return 'Set "strict": false';
};
