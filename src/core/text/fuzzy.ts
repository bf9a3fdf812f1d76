/**
 * The one fuzzy matcher: how close a typed word is to an allowed value. "Did you mean" in problem
 * messages and the order of quick-fix suggestions both rank with `closeness`, so they always agree.
 */

/** Levenshtein distance; 99 when the lengths differ by more than 3 (too far to be a typo, and fast). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/**
 * How far `word` is from `candidate`, ignoring case: 0 when equal, 0.5 when they differ only in
 * case or in separators (`role closed` / `role-closed`), 1 at most when one starts with the other
 * (three letters or more), else the edit distance.
 */
export function closeness(word: string, candidate: string): number {
  if (word === candidate) return 0;
  const w = word.trim().toLowerCase();
  const c = candidate.toLowerCase();
  if (w === c || w.replace(/[-_ ]/g, '') === c.replace(/[-_ ]/g, '')) return 0.5;
  const d = editDistance(w, c);
  if (w.length >= 3 && (c.startsWith(w) || w.startsWith(c))) return Math.min(d, 1);
  return d === 99 ? Math.max(w.length, c.length) + 3 : d;
}

/** The candidates ordered from closest to farthest from `word`; ties keep the given order. */
export function closestValues(word: string, candidates: readonly string[]): string[] {
  return candidates
    .map((v, i) => ({ v, d: closeness(word, v), i }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((s) => s.v);
}

/** How far a candidate may be from `word` to be a plausible typo of it: a few edits for its length. */
function typoLimit(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** The candidates that are plausible typos of `word` (see `typoLimit`), closest first (ties keep the given order), at most `max`. */
export function closeMatches(word: string, candidates: readonly string[], max = 3): string[] {
  const limit = typoLimit(word);
  return candidates
    .map((c, i) => ({ c, d: closeness(word, c), i }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((x) => x.c);
}

/** The closest candidate to `word` when it is a plausible typo, else undefined: "did you mean" in problem messages. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  return closeMatches(word, candidates, 1)[0];
}
