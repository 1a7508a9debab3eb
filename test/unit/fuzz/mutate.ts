// Mutations of one batch line: textual (what a hand edit or a broken export does to the bytes)
// and structural (what a wrong program does to the value). Each is named, so a failure says
// which kind of damage broke the checker.

import type { Prng } from './prng';

export type Mutation = (line: string, r: Prng) => string;

const JSON_PUNCT = ['"', '{', '}', '[', ']', ',', ':', '\\'];
const ODD_NUMBERS = ['1e400', '-1e400', '-0', '1e-400', '123456789012345678901234567890', '0.0'];
const BAD_NUMBERS = ['NaN', 'Infinity', '-', '01', '1.', '.5', '+1', '0x10'];
const TYPOGRAPHIC = ['\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb'];

const at = (line: string, r: Prng): number => r.int(line.length + 1);
const splice = (s: string, i: number, del: number, ins: string): string =>
  s.slice(0, i) + ins + s.slice(i + del);

export const TEXT_MUTATIONS: Record<string, Mutation> = {
  truncate: (l, r) => l.slice(0, r.int(l.length)),
  flipChar: (l, r) => splice(l, r.int(l.length), 1, r.char()),
  flipByte: (l, r) => {
    // A byte flip in the UTF-8 encoding, decoded back the lenient way (U+FFFD for broken bytes).
    const bytes = Buffer.from(l, 'utf8');
    if (bytes.length > 0) bytes[r.int(bytes.length)] ^= 1 << r.int(8);
    return bytes.toString('utf8');
  },
  insertPunct: (l, r) => splice(l, at(l, r), 0, r.pick(JSON_PUNCT)),
  deletePunct: (l, r) => {
    const spots = [...l].map((c, i) => (JSON_PUNCT.includes(c) ? i : -1)).filter((i) => i >= 0);
    return spots.length === 0 ? l : splice(l, r.pick(spots), 1, '');
  },
  typographicQuotes: (l, r) => {
    const all = r.chance(0.5);
    return l.replace(/"/g, (q) => (all || r.chance(0.3) ? r.pick(TYPOGRAPHIC) : q));
  },
  nul: (l, r) => splice(l, at(l, r), 0, r.chance(0.5) ? '\u0000' : '\\u0000'),
  loneSurrogate: (l, r) => {
    const raw = String.fromCharCode(r.range(0xd800, 0xdfff));
    const escaped = `\\u${r.range(0xd800, 0xdfff).toString(16)}`;
    return splice(l, at(l, r), 0, r.chance(0.5) ? raw : escaped);
  },
  unicode: (l, r) => {
    let s = '';
    for (let n = r.range(1, 8); n > 0; n--) s += r.char();
    return splice(l, at(l, r), 0, s);
  },
  oddNumber: (l, r) => replaceNumber(l, r, r.chance(0.7) ? ODD_NUMBERS : BAD_NUMBERS),
  duplicateKey: (l, r) => {
    const keys = [...l.matchAll(/"([A-Za-z_]+)"\s*:/g)];
    if (keys.length === 0) return l;
    const key = r.pick(keys);
    const value = r.pick(['null', '1', '"dup"', '{}', '[]', 'true']);
    return splice(l, key.index, 0, `"${key[1]}": ${value}, `);
  },
  whitespace: (l, r) => splice(l, at(l, r), 0, r.pick([' ', '\t', '\r', '\u00a0', '\u2028'])),
  trailingComma: (l, r) => {
    const closers = [...l].map((c, i) => (c === '}' || c === ']' ? i : -1)).filter((i) => i >= 0);
    return closers.length === 0 ? l : splice(l, r.pick(closers), 0, ',');
  },
};

function replaceNumber(l: string, r: Prng, pool: readonly string[]): string {
  const numbers = [...l.matchAll(/(?<=:\s*)-?\d+(\.\d+)?([eE][+-]?\d+)?/g)];
  if (numbers.length > 0) {
    const n = r.pick(numbers);
    return splice(l, n.index, n[0].length, r.pick(pool));
  }
  return l.replace(/\}\s*\}\s*$/, `, "temperature": ${r.pick(pool)}}}`);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every object and array in a value, so a structural mutation can pick a random place. */
function containers(value: Json, out: Json[] = []): Json[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value);
    if (out.length > 500) return out;
    for (const child of Array.isArray(value) ? value : Object.values(value)) containers(child, out);
  }
  return out;
}

const SAMPLE_VALUES = (r: Prng): Json =>
  r.pick<() => Json>([
    () => null,
    () => r.chance(0.5),
    () => r.range(-5, 100000),
    () => r.pick(['', 'x', 'POST', '/v1/responses', '...', '<base64>', 'gpt-4o', 'o3-mini']),
    () => [],
    () => ({}),
    () => [{ type: 'text', text: 'hi' }],
    () => ({ url: 'data:image/jpeg;base64,iVBORw0KGgo=' }),
  ])();

/** Structural mutations: parse, change the value, stringify. Lines that do not parse are kept. */
export const VALUE_MUTATIONS: Record<string, (v: Json, r: Prng) => void> = {
  swapType: (v, r) => {
    const c = r.pick(containers(v));
    const keys = Object.keys(c as object);
    if (keys.length === 0) return;
    (c as Record<string, Json>)[r.pick(keys)] = SAMPLE_VALUES(r);
  },
  deleteKey: (v, r) => {
    const c = r.pick(containers(v));
    if (Array.isArray(c) || c === null || typeof c !== 'object') return;
    const keys = Object.keys(c);
    if (keys.length > 0) delete c[r.pick(keys)];
  },
  addKey: (v, r) => {
    const c = r.pick(containers(v));
    if (Array.isArray(c) || c === null || typeof c !== 'object') return;
    const key = r.pick(['bogus', 'messages', 'input', 'stream', 'max_tokens', 'image_url', 'url']);
    c[key] = SAMPLE_VALUES(r);
  },
  renameKey: (v, r) => {
    const c = r.pick(containers(v));
    if (Array.isArray(c) || c === null || typeof c !== 'object') return;
    const keys = Object.keys(c);
    if (keys.length === 0) return;
    const key = r.pick(keys);
    const renamed = r.chance(0.5) ? key.toUpperCase() : `${key.slice(0, -1)}_`;
    c[renamed] = c[key]!;
    delete c[key];
  },
};

export function mutateValue(line: string, name: string, r: Prng): string {
  let value: Json;
  try {
    value = JSON.parse(line) as Json;
  } catch {
    return line;
  }
  VALUE_MUTATIONS[name]!(value, r);
  return JSON.stringify(value);
}

/** Nests a value `depth` levels deep inside the body (or, sometimes, as the whole line). */
export function deepNest(line: string, depth: number, r: Prng): string {
  const array = r.chance(0.5);
  const open = array ? '['.repeat(depth) : '{"a":'.repeat(depth);
  const close = array ? ']'.repeat(depth) : '}'.repeat(depth);
  const closed = r.chance(0.8);
  const nested = open + '1' + (closed ? close : close.slice(0, r.int(depth)));
  if (r.chance(0.2)) return nested;
  return line.replace(/\}\s*\}\s*$/, `, "metadata": ${nested}}}`);
}

/** Puts a string of `size` characters in place of a value in the body. */
export function hugeString(line: string, size: number, r: Prng): string {
  const unit = r.pick(['a', 'é', '\\n', '\\"', '😀', 'QUFB', '\\u00e9']);
  let s = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  // Never end on half an escape: that would make the huge case an ordinary syntax error.
  s = s.replace(/\\(u[0-9a-f]{0,3})?$/, '');
  const value = r.chance(0.3) ? `data:image/png;base64,iVBORw0KGgo${s}` : s;
  const quoted = r.chance(0.9) ? `"${value}"` : `"${value}`;
  return line.replace(/\}\s*\}\s*$/, `, "user": ${quoted}}}`);
}
