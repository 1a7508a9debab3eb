// "Did you mean ...?" for unknown keys: the known keys of the same object that are a small
// edit away (a typo, a missing underscore), as the API sometimes suggests itself.

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

/** Up to two known keys close to `key`, closest first; short keys must be closer. */
export function suggestKeys(key: string, known: readonly string[]): string[] {
  const limit = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  return known
    .map((k) => ({ k, d: editDistance(key.toLowerCase(), k.toLowerCase(), limit) }))
    .filter(({ k, d }) => d <= limit && k !== key)
    .sort((x, y) => x.d - y.d || x.k.localeCompare(y.k))
    .slice(0, 2)
    .map(({ k }) => k);
}

/** " Did you mean 'a' or 'b'?" or "" when nothing is close. */
export function didYouMean(key: string, known: readonly string[] | undefined): string {
  const close = known ? suggestKeys(key, known) : [];
  return close.length === 0 ? '' : ` Did you mean ${close.map((k) => `'${k}'`).join(' or ')}?`;
}
