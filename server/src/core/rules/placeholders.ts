// Placeholders left in place of real content ("...", "<base64>", "{text}"): valid JSON, valid
// schema, and a request that is useless or fails. Text gets a warning (it might be meant);
// images get an error from images.ts.

import type { Finding } from '../types';
import type { Visitor } from './walk';
import { formatParam, elide } from '../words';

const PLACEHOLDER =
  /^\s*(\.{3,}|\u2026|<[^<>\n]{1,40}>|\{\{?[A-Za-z_][A-Za-z0-9_ .-]{0,40}\}?\}|\[[A-Za-z_ -]{1,40}\]|YOUR_[A-Z0-9_]+|PLACEHOLDER|TODO|TBD)\s*$/i;
/** Keys whose string values are the request's content. */
const TEXT_KEYS = new Set(['content', 'text', 'input', 'prompt', 'instructions']);

export function isPlaceholder(value: string): boolean {
  return value.length <= 64 && PLACEHOLDER.test(value);
}

/** A walk visitor that flags text values that are placeholders (warnings: they might be meant). */
export function collectTextPlaceholders(findings: Finding[]): NonNullable<Visitor['string']> {
  return (value, key, parent) => {
    // Cheap tests first: this runs on every string of every line.
    if (value.length > 64) return;
    const name = typeof key === 'string' ? key : parent[parent.length - 1];
    if (typeof name !== 'string' || !TEXT_KEYS.has(name) || !PLACEHOLDER.test(value)) return;
    const path = [...parent, key];
    const param = formatParam(path.slice(1));
    findings.push({
      code: 'placeholder_value',
      severity: 'warning',
      message: `'${param}' is '${elide(value.trim())}', which looks like a placeholder rather than real content.`,
      param,
      path,
      anchor: 'value',
    });
  };
}
