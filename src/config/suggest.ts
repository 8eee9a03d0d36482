// "Did you mean …?" suggestions by edit distance.

/** Damerau-free Levenshtein distance, case-insensitive (config authors mix cases freely). */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/** The closest candidate within a third of the word's length (at least 2 edits), or undefined. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const c of candidates) {
    const d = editDistance(word, c);
    // A candidate that contains the word (or the reverse) is a good guess even when far in edits.
    const contained = word.length >= 4 && c.toLowerCase().includes(word.toLowerCase());
    const score = contained ? Math.min(d, limit) : d;
    if (score < bestDistance && (score <= limit || contained)) {
      best = c;
      bestDistance = score;
    }
  }
  return best;
}

/** ` (did you mean `x`?)` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : ` (did you mean \`${c}\`?)`;
}
