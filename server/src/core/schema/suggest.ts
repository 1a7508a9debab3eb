// "Did you mean ...?" for unknown keys: the known keys of the same object that are a small
// edit away (a typo, a missing underscore), as the API sometimes suggests itself. And which of
// those renames is a misspelling beyond reasonable doubt, the only kind a fix may make unattended
// (a near miss can be another parameter: top_k is a real parameter of other providers' APIs, one
// letter from top_p).

/** Edit distance (insertions, deletions, substitutions), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * A key without case and word separators: `maxTokens`, `max-tokens`, `MAX_TOKENS` and
 * `max tokens` all read `maxtokens`. Two keys of one shape name the same words.
 */
export function keyShape(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, '');
}

/**
 * Keys shorter than this are suggested only a key of their shape (`N` → `n`). Every 1–2
 * character key is an edit or two from every other short key, so nearness says nothing about
 * what was meant: `k` (another provider's top-k) and `x` are one edit from `n`, the number of
 * completions, which has nothing to do with either.
 */
const SHORTEST_NEAR_MISS = 3;

/**
 * A one-edit near miss is a misspelling beyond doubt only in a key at least this long. The
 * near misses that are other parameters are short: top_k (Anthropic, Gemini, vLLM) → top_p,
 * models → model, k → n. Two keys of one object of this project's schemas that are not of one
 * shape are never within two edits at 8 characters or more (test/unit/suggest.test.ts), and one
 * edit in 8 leaves at least 7 characters in place, in order (temprature → temperature,
 * max_token → max_tokens).
 */
const SHORTEST_CERTAIN_TYPO = 8;

/** Up to two of `known` close to `word`, closest first (one of its shape before any other). */
export function nearest(word: string, known: readonly string[]): string[] {
  const shape = keyShape(word);
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  return known
    .map((k) => ({
      k,
      d: keyShape(k) === shape ? 0 : editDistance(word.toLowerCase(), k.toLowerCase(), limit),
    }))
    .filter(({ k, d }) => d <= limit && k !== word)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 2)
    .map(({ k }) => k);
}

/**
 * Up to two known keys close to `key`, closest first; short keys must be closer, and keys of one
 * or two characters get only a key of their shape.
 */
export function suggestKeys(key: string, known: readonly string[]): string[] {
  if (key.length < SHORTEST_NEAR_MISS)
    return known.filter((k) => k !== key && keyShape(k) === keyShape(key)).slice(0, 2);
  return nearest(key, known);
}

/**
 * The known key that `key` is a misspelling of beyond reasonable doubt, or undefined: the one
 * known key of its shape (`maxTokens`, `max-tokens` → `max_tokens`), or else, in a key of at
 * least SHORTEST_CERTAIN_TYPO characters, the one known key one edit away (a letter added,
 * dropped or changed) when no other known key is within two edits (a near tie is a guess).
 * `top_k` → `top_p`, `k` → `n`, `models` → `model` are never certain.
 */
export function certainRename(key: string, known: readonly string[]): string | undefined {
  const shape = keyShape(key);
  const same = known.filter((k) => k !== key && keyShape(k) === shape);
  if (same.length > 0) return same.length === 1 ? same[0] : undefined;
  if (key.length < SHORTEST_CERTAIN_TYPO) return undefined;
  const lower = key.toLowerCase();
  const near = known
    .map((k) => ({ k, d: editDistance(lower, k.toLowerCase(), 2) }))
    .filter(({ d }) => d <= 2);
  return near.length === 1 && near[0]!.d === 1 ? near[0]!.k : undefined;
}

/** " Did you mean 'a' or 'b'?" for an unknown key, or "" when nothing is close. */
export function didYouMean(key: string, known: readonly string[] | undefined): string {
  return question(known ? suggestKeys(key, known) : []);
}

/**
 * The same for a name that is a value, not a key (a model): a short name is still asked about
 * (`o2`: 'o1' or 'o3'), as a note that changes nothing.
 */
export function didYouMeanName(name: string, known: readonly string[]): string {
  return question(nearest(name, known));
}

function question(close: readonly string[]): string {
  return close.length === 0 ? '' : ` Did you mean ${close.map((k) => `'${k}'`).join(' or ')}?`;
}
