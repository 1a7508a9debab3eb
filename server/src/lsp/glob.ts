// Matches document URIs against the `batchlint.files` globs. Small on purpose: `*`, `**`, `?`,
// `{a,b}` and character classes cover what people write in settings, without a dependency.

/** Compiles one glob to a regular expression over a '/'-separated path. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // "**/" matches zero or more directories; a trailing "**" matches everything.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup = true;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup = false;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        const body = glob
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Whether a document matches one of the globs. A glob without a "/" matches the file name in
 * any folder (as `files.associations` does); others match the path or any tail of it that
 * starts at a folder boundary.
 */
export function matchesAny(uri: string, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  let path: string;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    path = uri;
  }
  const name = path.slice(path.lastIndexOf('/') + 1);
  return globs.some((glob) => {
    const re = globToRegExp(glob);
    if (!glob.includes('/')) return re.test(name);
    // Without the workspace root at hand, a relative glob may match any tail of the path.
    for (let i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
      if (re.test(path.slice(i + 1)) || re.test(path.slice(i))) return true;
    }
    return re.test(path);
  });
}
