// Fixes that act on one parameter: remove it, rename it, move it where the endpoint expects it,
// or set it to the value the API takes.

import type { FixRefOf, JsonPath } from '../types';
import { formatParam, preview, elide } from '../words';
import type { EditorFix } from './edits';

const paramOf = (path: JsonPath): string => formatParam(path[0] === 'body' ? path.slice(1) : path);

/** Removes a parameter; the title says what it drops (the value, shortened). */
export const removeKey: EditorFix<FixRefOf<'remove-key'>> = (ref, editor) => {
  const path = ref.path ?? [];
  const node = editor.node(path);
  if (!node) return undefined;
  const dropped = preview(editor.raw(node).replace(/\s+/g, ' '), 40);
  editor.removeProperty(path);
  return `Remove '${elide(paramOf(path))}' (drops ${dropped})`;
};

export const renameKey: EditorFix<FixRefOf<'rename-key'>> = (ref, editor) => {
  const path = ref.path ?? [];
  const to = ref.to;
  if (typeof to !== 'string' || !editor.node(path) || editor.node([...path.slice(0, -1), to]))
    return undefined;
  editor.renameKey(path, to);
  return `Rename '${elide(paramOf(path))}' to '${to}'`;
};

/**
 * Chat parameters sent to /v1/responses: `messages` → `input` is a rename; nested targets
 * (`text.format`, `reasoning.effort`, `text.verbosity`) are moved only when the target object
 * does not exist yet, so nothing the user wrote there is overwritten.
 */
export const moveParam: EditorFix<FixRefOf<'move-param'>> = (ref, editor) => {
  const path = ref.path ?? [];
  const to = ref.to;
  const node = editor.node(path);
  if (typeof to !== 'string' || !node) return undefined;
  const parent = path.slice(0, -1);
  const [outer, inner] = to.split('.');
  if (!outer) return undefined;
  if (inner === undefined) return renameKey({ id: 'rename-key', path, to }, editor);
  if (editor.node([...parent, outer])) return undefined;
  let raw = editor.raw(node);
  if (to === 'text.format') {
    const format = editor.value(path) as { type?: unknown; json_schema?: unknown } | null;
    if (format?.type === 'json_schema') {
      // Flattening would drop keys beside type/json_schema; leave such a line to the user.
      if (Object.keys(format).some((k) => k !== 'type' && k !== 'json_schema')) return undefined;
      const schemaNode = editor.node([...path, 'json_schema']);
      if (schemaNode?.type !== 'object') return undefined;
      const body = editor.raw(schemaNode).trim().slice(1, -1).trim();
      raw = `{"type":"json_schema"${body ? `,${body}` : ''}}`;
    }
  }
  editor.replace(node.parent!, `${JSON.stringify(outer)}:{${JSON.stringify(inner)}:${raw}}`);
  return `Move '${elide(paramOf(path))}' to '${to}'`;
};

export const setValue: EditorFix<FixRefOf<'set-value'>> = (ref, editor) => {
  const path = ref.path ?? [];
  const node = editor.node(path);
  if (!node || ref.value === undefined) return undefined;
  editor.replace(node, JSON.stringify(ref.value));
  return `Set '${elide(paramOf(path))}' to ${JSON.stringify(ref.value)}`;
};

export const addMethod: EditorFix<FixRefOf<'add-method'>> = (_ref, editor) => {
  const root = editor.node([]);
  if (root?.type !== 'object') return undefined;
  editor.insert(root.offset + 1, root.children?.length ? '"method":"POST",' : '"method":"POST"');
  return 'Add "method": "POST"';
};
