/** Edit distance with an early exit: returns `limit + 1` as soon as the distance must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `word`, when it is close enough to be a plausible typo
 * (two edits, or a third of the word's length for long words; one edit for words of three letters).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of list) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  if (best !== undefined) return best;
  // A word cut short ("timeout" for "timeoutSeconds") is a typo of another kind.
  for (const candidate of list) {
    if (lower.length >= 3 && candidate.toLowerCase().startsWith(lower)) return candidate;
  }
  return undefined;
}
