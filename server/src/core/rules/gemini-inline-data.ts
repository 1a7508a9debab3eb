// An inline part's data is a proto `bytes` field: base64 (standard or URL-safe, padding
// optional) in Google's JSON. Other text fails the request in the parser's words,
// `Invalid value at '…' (TYPE_BYTES), Base64 decoding failed for "…"`. The field may be written
// inlineData or inline_data (Google's parser takes both names).

import type { Finding, JsonPath } from '../types';
import type { DialectRule } from './rule';
import { NONE } from './rule';
import { isObject } from '../json';
import { formatParam, preview } from '../words';

/** Base64's alphabets, standard and URL-safe, with padding; linear (one class, no nesting). */
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export const rule: DialectRule = {
  scope: 'dialect',
  dialects: ['gemini', 'vertex'],
  check(body, dialect) {
    let out: Finding[] | undefined;
    const look = (parts: unknown, at: JsonPath): void => {
      if (!Array.isArray(parts)) return;
      parts.forEach((part: unknown, i) => {
        if (!isObject(part)) return;
        for (const key of ['inlineData', 'inline_data']) {
          const inline = part[key];
          const data = isObject(inline) ? inline.data : undefined;
          if (typeof data !== 'string' || isBase64(data)) continue;
          const path = [...at, i, key, 'data'];
          (out ??= []).push({
            code: 'invalid_value',
            severity: 'error',
            message: `Invalid value at '${formatParam(path)}' (TYPE_BYTES), Base64 decoding failed for "${preview(data, 40)}"`,
            param: formatParam(path),
            path: [dialect.envelope.body, ...path],
            anchor: 'value',
          });
        }
      });
    };
    if (Array.isArray(body.contents))
      body.contents.forEach((c: unknown, i) => {
        if (isObject(c)) look(c.parts, ['contents', i, 'parts']);
      });
    for (const key of ['systemInstruction', 'system_instruction']) {
      const system = body[key];
      if (isObject(system)) look(system.parts, [key, 'parts']);
    }
    return out ?? NONE;
  },
};

/** Whether text decodes as base64: its alphabet, and a length no base64 text cannot have. */
function isBase64(text: string): boolean {
  return text.length % 4 !== 1 && BASE64.test(text);
}
