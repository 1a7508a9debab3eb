// How deep a line nests, read before any stage walks it recursively. JSON.parse copes with any
// depth; recursive walks (conversion, token counting, hover) run out of stack somewhere past a
// few thousand levels, and where exactly depends on what the process did before. Reading the
// depth first makes the outcome a property of the line: deeper than MAX_NESTING, each stage says
// so for that line alone (as check does with its nesting_too_deep problem) and goes on with the
// rest of the file.

/**
 * Levels of arrays and objects any stage reads. Deeper than any real request (strict schemas
 * allow 10 levels of nesting); every stage runs this deep on the default stack.
 */
export const MAX_NESTING = 1000;

/**
 * Whether the JSON text nests arrays and objects more than `limit` levels deep (brackets inside
 * strings do not count). One pass, stops at the first level past the limit: linear, no allocation.
 * Text that is not JSON is read the same way; its parse says what is wrong with it.
 */
export function nestsDeeperThan(text: string, limit = MAX_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth--;
  }
  return false;
}

/**
 * What a stage that does not read such a line says of it (after "This line was not …:"). Made
 * when needed: the first toLocaleString of a process loads locale data (9 ms at start-up, for
 * every command, when this was a module-level constant).
 */
export function tooDeepReason(): string {
  return `it is nested too deeply (more than ${MAX_NESTING.toLocaleString('en-US')} levels of arrays and objects; no real request nests this deep)`;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
