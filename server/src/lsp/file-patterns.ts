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

import picomatch from 'picomatch';
import { RE2JS } from 're2js';

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

/** Compiles one pattern, or throws an Error whose message says what is wrong with it. */
function compile(pattern: string): Compiled {
  if (pattern.startsWith('!')) {
    throw new Error('negated patterns are not supported; list the files to check instead');
  }
  const nameOnly = !pattern.includes('/');
  const glob = nameOnly || pattern.startsWith('/') ? pattern : `**/${pattern.replace(/^\.\//, '')}`;
  // strictBrackets: an unclosed "[", "(" or "{" is an error rather than a literal character.
  let source = picomatch.makeRe(glob, { dot: true, strictBrackets: true }).source;
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
