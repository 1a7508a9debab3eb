// Placeholders left in place of real content ("...", "<base64>", "{text}"): valid JSON, valid
// schema, and a request that is useless or fails. Text gets a warning (it might be meant);
// images get an error from images.ts.

import type { Finding, JsonPath } from '../types';
import { formatParam } from '../words';

const PLACEHOLDER =
  /^\s*(\.{3,}|…|<[^<>\n]{1,40}>|\{\{?[A-Za-z_][A-Za-z0-9_ .-]{0,40}\}?\}|\[[A-Za-z_ -]{1,40}\]|YOUR_[A-Z0-9_]+|PLACEHOLDER|TODO|TBD)\s*$/i;
/** Keys whose string values are the request's content. */
const TEXT_KEYS = new Set(['content', 'text', 'input', 'prompt', 'instructions']);
const MAX_WALK_DEPTH = 8;

export function isPlaceholder(value: string): boolean {
  return value.length <= 64 && PLACEHOLDER.test(value);
}

export function checkTextPlaceholders(body: unknown): Finding[] {
  const findings: Finding[] = [];
  const stack: { value: unknown; path: JsonPath }[] = [{ value: body, path: ['body'] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null || path.length > MAX_WALK_DEPTH) continue;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      if (typeof child === 'string') {
        const named = typeof key === 'string' ? key : path[path.length - 1];
        if (typeof named === 'string' && TEXT_KEYS.has(named) && isPlaceholder(child)) {
          findings.push({
            code: 'placeholder_value',
            severity: 'warning',
            message: `'${formatParam(childPath.slice(1))}' is '${child.trim()}', which looks like a placeholder rather than real content.`,
            param: formatParam(childPath.slice(1)),
            path: childPath,
            anchor: 'value',
          });
        }
      } else if (typeof child === 'object' && child !== null) {
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return findings;
}
