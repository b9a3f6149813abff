/** Levenshtein distance: insertions, deletions and substitutions, each costing 1. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate nearest to a mistyped word, when it is near enough to be a plausible typo (at
 * most a third of the word's letters, and at least 2, differ), or one that starts with it.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of candidates) {
    const d = distance(word, name);
    if (best === undefined || d < best.d) best = { name, d };
  }
  if (best !== undefined && best.d <= Math.max(2, Math.floor(word.length / 3))) return best.name;
  return word.length >= 3 ? candidates.find((name) => name.startsWith(word)) : undefined;
}
