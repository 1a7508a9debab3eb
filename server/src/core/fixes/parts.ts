// Fixes for content parts written in the other API's shape. A part is rebuilt from the raw text
// of its own values (never re-serialised), so every value and every unknown key survives.

import type { Node } from 'jsonc-parser';
import type { FixRefOf, JsonPath } from '../types';
import type { EditorFix, LineEditor } from './edits';
import { elide } from '../words';

interface Entry {
  key: string;
  raw: string;
}

function entriesOf(editor: LineEditor, node: Node): Entry[] {
  return (node.children ?? []).map((property) => ({
    key: String(property.children?.[0]?.value),
    raw: property.children?.[1] ? editor.raw(property.children[1]) : 'null',
  }));
}

function objectText(entries: Entry[]): string {
  return `{${entries.map((e) => `${JSON.stringify(e.key)}:${e.raw}`).join(',')}}`;
}

function rawOf(entries: Entry[], key: string): string | undefined {
  return entries.find((e) => e.key === key)?.raw;
}

function without(entries: Entry[], ...keys: string[]): Entry[] {
  return entries.filter((e) => !keys.includes(e.key));
}

/** Replaces the part at `path` with `rebuild(entries)`; undefined when the part is not an object. */
function rebuildPart(
  editor: LineEditor,
  path: JsonPath,
  rebuild: (entries: Entry[]) => Entry[] | undefined,
): boolean {
  const node = editor.node(path);
  if (node?.type !== 'object') return false;
  const rebuilt = rebuild(entriesOf(editor, node));
  if (!rebuilt) return false;
  editor.replace(node, objectText(rebuilt));
  return true;
}

function setType(entries: Entry[], type: string): Entry[] {
  return entries.map((e) => (e.key === 'type' ? { key: 'type', raw: JSON.stringify(type) } : e));
}

/** Replaces the first of `keys` present with `replacement`, dropping the others, keeping order. */
function replaceKeys(entries: Entry[], keys: string[], replacement: Entry): Entry[] {
  const at = entries.findIndex((e) => keys.includes(e.key));
  const rest = without(entries, ...keys);
  if (at < 0) return [...rest, replacement];
  const before = entries.slice(0, at).filter((e) => !keys.includes(e.key)).length;
  return [...rest.slice(0, before), replacement, ...rest.slice(before)];
}

function urlObject(url: string, detail: string | undefined): string {
  return detail === undefined ? `{"url":${url}}` : `{"url":${url},"detail":${detail}}`;
}

/** Chat completions got a responses-style part: input_text → text, input_image → image_url{url}. */
export const chatPartFromResponses: EditorFix<FixRefOf<'chat-part-from-responses'>> = (
  ref,
  editor,
) => {
  const path = ref.path ?? [];
  const type = editor.value([...path, 'type']);
  const done = rebuildPart(editor, path, (entries) => {
    if (type === 'input_text') return setType(entries, 'text');
    if (type === 'input_image') {
      const url = rawOf(entries, 'url') ?? rawOf(entries, 'image_url');
      if (url === undefined || url.startsWith('{')) return undefined;
      const image = { key: 'image_url', raw: urlObject(url, rawOf(entries, 'detail')) };
      return replaceKeys(setType(entries, 'image_url'), ['url', 'image_url', 'detail'], image);
    }
    if (type === 'input_file') {
      const file = ['file_id', 'file_data', 'filename']
        .filter((k) => rawOf(entries, k) !== undefined)
        .map((k) => ({ key: k, raw: rawOf(entries, k)! }));
      return replaceKeys(setType(entries, 'file'), ['file_id', 'file_data', 'filename'], {
        key: 'file',
        raw: objectText(file),
      });
    }
    return undefined;
  });
  if (!done) return undefined;
  return type === 'input_text'
    ? 'Change to a chat text part ("type": "text")'
    : type === 'input_image'
      ? 'Change to a chat image part ("type": "image_url", "image_url": {"url": …})'
      : 'Change to a chat file part ("type": "file", "file": {…})';
};

/** Chat `image_url` given as a string: wrap it as {"url": …} (moving a stray part-level detail in). */
export const wrapImageUrl: EditorFix<FixRefOf<'wrap-image-url'>> = (ref, editor) => {
  const partPath = (ref.path ?? []).slice(0, -1);
  const done = rebuildPart(editor, partPath, (entries) => {
    const url = rawOf(entries, 'image_url');
    if (url === undefined || !url.startsWith('"')) return undefined;
    return replaceKeys(entries, ['image_url', 'detail'], {
      key: 'image_url',
      raw: urlObject(url, rawOf(entries, 'detail')),
    });
  });
  return done ? 'Wrap the URL as {"url": …}' : undefined;
};

/** Responses got a chat-style part: text → input_text (output_text for assistants), image_url → input_image. */
export const responsesPartFromChat: EditorFix<FixRefOf<'responses-part-from-chat'>> = (
  ref,
  editor,
) => {
  const path = ref.path ?? [];
  const type = editor.value([...path, 'type']);
  const role = editor.value([...path.slice(0, -2), 'role']);
  const done = rebuildPart(editor, path, (entries) => {
    if (type === 'text')
      return setType(entries, role === 'assistant' ? 'output_text' : 'input_text');
    if (type === 'image_url') {
      const image = editor.node([...path, 'image_url']);
      if (image?.type === 'string') return setType(entries, 'input_image');
      if (image?.type !== 'object') return undefined;
      const inner = entriesOf(editor, image);
      const url = rawOf(inner, 'url');
      if (url === undefined) return undefined;
      const hoisted = [{ key: 'image_url', raw: url }, ...without(inner, 'url')];
      return replaceKeys(setType(entries, 'input_image'), ['image_url'], hoisted[0]!).concat(
        hoisted.slice(1),
      );
    }
    if (type === 'file') {
      const file = editor.node([...path, 'file']);
      if (file?.type !== 'object') return undefined;
      const inner = entriesOf(editor, file);
      return [...without(setType(entries, 'input_file'), 'file'), ...inner];
    }
    return undefined;
  });
  if (!done) return undefined;
  return type === 'text'
    ? `Change to a responses text part ("type": "${role === 'assistant' ? 'output_text' : 'input_text'}")`
    : type === 'image_url'
      ? 'Change to a responses image part ("type": "input_image", "image_url": "…")'
      : 'Change to a responses file part ("type": "input_file")';
};

/** Responses `input_image` with `url`, or with `image_url` as {url}: make `image_url` the URL string. */
export const responsesImageUrl: EditorFix<FixRefOf<'responses-image-url'>> = (ref, editor) => {
  const path = ref.path ?? [];
  const done = rebuildPart(editor, path, (entries) => {
    const image = editor.node([...path, 'image_url']);
    if (image?.type === 'object') {
      const inner = entriesOf(editor, image);
      const url = rawOf(inner, 'url');
      if (url === undefined) return undefined;
      return [
        ...replaceKeys(entries, ['image_url'], { key: 'image_url', raw: url }),
        ...without(inner, 'url').filter((e) => rawOf(entries, e.key) === undefined),
      ];
    }
    const url = rawOf(entries, 'url');
    if (url === undefined || image) return undefined;
    return replaceKeys(entries, ['url'], { key: 'image_url', raw: url });
  });
  return done ? 'Use "image_url": "<URL>" (a plain string in the Responses API)' : undefined;
};

/**
 * Keys written beside the object that declares them (`{"type": "image_url", "url": …}`): moved
 * into it as written (`"image_url": {"url": …}`), at the place of the first of them. Into an
 * object that is there, they are added after its keys, each only if the object lacks it, so
 * nothing the user wrote there is overwritten.
 */
export const nestKeys: EditorFix<FixRefOf<'nest-keys'>> = (ref, editor) => {
  const { path, into, keys } = ref;
  const names = keys.map((k) => `'${k}'`).join(' and ');
  const target = editor.node([...path, into]);
  if (target)
    return moveInto(editor, path, into, keys) ? `Move ${names} into '${into}'` : undefined;
  const done = rebuildPart(editor, path, (entries) => {
    const moved = entries.filter((e) => keys.includes(e.key));
    if (moved.length === 0) return undefined;
    return replaceKeys(entries, keys, { key: into, raw: objectText(moved) });
  });
  return done
    ? `Move ${names} into '${into}': {${keys.map((k) => `"${k}": …`).join(', ')}}`
    : undefined;
};

/** Moves `keys` of the object at `path` into its object `into`, which lacks every one of them. */
function moveInto(editor: LineEditor, path: JsonPath, into: string, keys: string[]): boolean {
  const target = editor.node([...path, into]);
  if (target?.type !== 'object' || keys.length !== 1) return false;
  const key = keys[0]!;
  const node = editor.node([...path, key]);
  if (!node || editor.node([...path, into, key])) return false;
  editor.removeProperty([...path, key]);
  editor.addProperty([...path, into], key, editor.raw(node));
  return true;
}

/** The data URL declares one image type and holds another: declare the one the bytes have. */
export const setImageMime: EditorFix<FixRefOf<'set-image-mime'>> = (ref, editor) => {
  const node = editor.node(ref.path ?? []);
  const mime = ref.mime;
  if (node?.type !== 'string' || typeof mime !== 'string') return undefined;
  const raw = editor.raw(node);
  const match = /^"data:([^;,]*)/.exec(raw);
  if (!match) return undefined;
  // Skip the opening quote and "data:" (6 characters) to reach the declared type.
  editor.edits.push({
    start: node.offset + 6,
    end: node.offset + 6 + match[1]!.length,
    newText: mime,
  });
  return `Declare the type as '${elide(mime)}'`;
};
