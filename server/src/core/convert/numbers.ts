// Keeps number literals that JavaScript cannot hold exactly. JSON.parse turns 12345678901234567890
// (a 64-bit seed) into 12345678901234567000 and 1e400 into Infinity, which JSON.stringify writes as
// null: the converted line would silently carry another value. Such literals are swapped for
// marker strings before parsing and written back verbatim afterwards. Other numbers are only
// re-spelled (1.0 → 1, 1E2 → 100), which is the same JSON value.

const MARK = '\u0000batchlint-number:';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Whether this literal reads back as another value once it has gone through a JS number. */
function isLossy(literal: string): boolean {
  const value = Number(literal);
  if (!Number.isFinite(value)) return true;
  if (/[.eE]/.test(literal)) return false; // a decimal is read as the nearest double either way
  // An integer literal reads back as an integer-valued double: compare the two exactly.
  return BigInt(value) !== BigInt(literal);
}

export interface Protected {
  /** The line with lossy literals replaced by marker strings (same JSON otherwise). */
  text: string;
  /** Puts the original literals back into a serialised result. */
  restore(serialised: string): string;
}

/** Replaces lossy number literals outside strings; the identity when there are none. */
export function protectNumbers(line: string): Protected {
  const literals: string[] = [];
  let out = '';
  let i = 0;
  // A line already holding the marker text (escaped) would be ambiguous: leave it alone.
  if (line.includes('\\u0000batchlint-number:')) return { text: line, restore: (s) => s };
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      out += line.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    NUMBER.lastIndex = i;
    const match = (ch === '-' || (ch >= '0' && ch <= '9')) && NUMBER.exec(line);
    if (match) {
      const literal = match[0];
      if (isLossy(literal)) {
        out += JSON.stringify(`${MARK}${literals.length}`);
        literals.push(literal);
      } else out += literal;
      i += literal.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  if (literals.length === 0) return { text: line, restore: (s) => s };
  return {
    text: out,
    restore: (serialised) =>
      serialised.replace(
        /"\\u0000batchlint-number:(\d+)"/g,
        (_, n: string) => literals[Number(n)] as string,
      ),
  };
}
