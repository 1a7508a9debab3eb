// What `batchlint.files` means, for the server and the VS Code client alike (both import this
// file): picomatch defines the glob language, and the pattern it compiles is run by RE2
// (re2js), whose matching time is linear in the path. A pattern from the settings never
// becomes a backtracking regular expression: `*a*a*a*a*a*a*a*a*ab` against a long name took
// seconds with one.
//
// Meaning: a pattern without "/" matches the file name in any folder (as VS Code's
// `files.associations` does); a pattern with "/" matches the path or any tail of it that starts
// at a folder boundary (`data/*.txt` matches `/home/me/data/a.txt`); a pattern starting with "/"
// matches the whole path. Paths come from file URIs, so they hold no `.` or `..` segments.
// Brace ranges (`{1..20}`, `{a..e}`, `{1..9..2}`, `{01..10}`) become a pattern of their values
// (to-regex-range for integers; picomatch alone writes `[1-20]`, which matches 0, 1 and 2 only);
// a range that cannot be honoured is refused with the reason.

import picomatch from 'picomatch';
import { RE2JS } from 're2js';
import toRegexRange from 'to-regex-range';

/** A compiled `batchlint.files` setting. */
export interface FilePatterns {
  /** Whether a document URI matches one of the valid patterns. */
  matches(uri: string): boolean;
  /** One sentence per pattern that was ignored, saying why (empty when all are valid). */
  readonly errors: readonly string[];
}

/**
 * Lookarounds picomatch adds that RE2 lacks. Each only excludes `.`/`..` segments or empty
 * segments, which paths from URIs never have, so dropping them keeps the meaning.
 */
const DROPPED = ['(?!\\.{1,2}(?:\\/|$))', '(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?=.)'];

interface Compiled {
  re: RE2JS;
  /** Matched against the file name only (the pattern has no "/"). */
  nameOnly: boolean;
}

/** A range listed value by value (a step, zero padding) may hold at most this many values. */
const RANGE_VALUES = 1000;
const INTEGER = /^-?\d+$/;
const LETTER = /^[a-zA-Z]$/;
/** `01`, `-05`: zero-padded, so every value is written at the same width. */
const PADDED = /^-?0\d/;

/**
 * picomatch's expandRange hook: the values of `{a..b}` or `{a..b..step}` as a regular
 * expression group, as a shell expands them. A plain range of integers becomes to-regex-range's
 * pattern (any size, no listing); letters a character class; a stepped or zero-padded range
 * lists its values. Throws (the pattern is then refused, with the reason) for a range of neither
 * integers nor letters of one case, and for a listed range of more than RANGE_VALUES values.
 */
function expandRange(...args: unknown[]): string {
  const ends = args.filter((a): a is string => typeof a === 'string');
  const range = `{${ends.join('..')}}`;
  const [from = '', to = '', step] = ends;
  const numbers = INTEGER.test(from) && INTEGER.test(to);
  const letters = LETTER.test(from) && LETTER.test(to) && isUpper(from) === isUpper(to);
  if (ends.length > 3 || !(numbers || letters) || (step !== undefined && !INTEGER.test(step))) {
    throw new Error(`${range} is not a range of integers or of letters of one case`);
  }
  const padded = numbers && (PADDED.test(from) || PADDED.test(to));
  if (step === undefined && !padded) {
    if (numbers) return `(${toRegexRange(from, to)})`;
    const [low, high] = from <= to ? [from, to] : [to, from];
    return `([${low}-${high}])`;
  }
  const a = numbers ? Number(from) : from.charCodeAt(0);
  const b = numbers ? Number(to) : to.charCodeAt(0);
  const by = Math.abs(Number(step ?? 1)) || 1;
  if (Math.abs(b - a) / by >= RANGE_VALUES) {
    throw new Error(
      `${range} has more than ${RANGE_VALUES.toLocaleString('en-US')} values to list; use a range without a step or padding, or list the values`,
    );
  }
  const width = Math.max(from.replace('-', '').length, to.replace('-', '').length);
  const values: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? by : -by) {
    if (!numbers) values.push(String.fromCharCode(v));
    else {
      const digits = String(Math.abs(v));
      values.push((v < 0 ? '-' : '') + (padded ? digits.padStart(width, '0') : digits));
    }
  }
  return `(${values.join('|')})`;
}

const isUpper = (letter: string): boolean => letter === letter.toUpperCase();

/** Compiles one pattern, or throws an Error whose message says what is wrong with it. */
function compile(pattern: string): Compiled {
  if (pattern.startsWith('!')) {
    throw new Error('negated patterns are not supported; list the files to check instead');
  }
  const nameOnly = !pattern.includes('/');
  const glob = nameOnly || pattern.startsWith('/') ? pattern : `**/${pattern.replace(/^\.\//, '')}`;
  // strictBrackets: an unclosed "[", "(" or "{" is an error rather than a literal character.
  let source = picomatch.makeRe(glob, { dot: true, strictBrackets: true, expandRange }).source;
  for (const part of DROPPED) source = source.split(part).join('');
  if (/\(\?[=!<]/.test(source)) {
    throw new Error(
      'negations such as !(x) cannot be matched in linear time; list the files instead',
    );
  }
  return { re: RE2JS.compile(source), nameOnly };
}

/** The path of a URI ('/'-separated, percent-decoded), or the string itself if not a URI. */
function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** Compiles the `batchlint.files` patterns; invalid ones are left out and named in `errors`. */
export function compileFilePatterns(patterns: readonly string[]): FilePatterns {
  const compiled: Compiled[] = [];
  const errors: string[] = [];
  for (const pattern of patterns) {
    try {
      compiled.push(compile(pattern));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      errors.push(`batchlint.files: "${pattern}" is not a valid pattern (${why}); it is ignored.`);
    }
  }
  return {
    errors,
    matches(uri: string): boolean {
      if (compiled.length === 0) return false;
      const path = pathOf(uri);
      const name = path.slice(path.lastIndexOf('/') + 1);
      return compiled.some(({ re, nameOnly }) => re.matches(nameOnly ? name : path));
    },
  };
}
