/** Largest edit distance at which a misspelling still earns a "did you mean" suggestion. */
export const MAX_SUGGESTION_DISTANCE = 3;

/** Shortest input for which "is a prefix of a candidate" counts as a match (`auth` -> `author_id`). */
const MIN_PREFIX_LENGTH = 4;

/**
 * Edit distance (optimal string alignment: insert, delete, substitute, swap two neighbours),
 * case-insensitive, so `titel` is one typo away from `title`.
 */
export function measureEditDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  if (left === right) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= left.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= right.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let value = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        value = Math.min(value, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(value);
    }
    rows.push(row);
  }
  return rows[left.length]?.[right.length] ?? Math.max(left.length, right.length);
}

/**
 * The candidate closest to `value`, or undefined when none is close enough to be a plausible typo.
 * Short words get a smaller budget so that `id` does not suggest `title`.
 */
export function suggestName(value: string, candidates: readonly string[]): string | undefined {
  const budget = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, Math.ceil(value.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = measureEditDistance(value, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (bestDistance <= budget) return best;
  if (value.length < MIN_PREFIX_LENGTH) return undefined;
  const lowered = value.toLowerCase();
  return candidates.find((candidate) => candidate.toLowerCase().startsWith(lowered));
}

/** `Did you mean "title"?`, or undefined when there is nothing to suggest. */
export function formatSuggestion(value: string, candidates: readonly string[]): string | undefined {
  const suggestion = suggestName(value, candidates);
  return suggestion === undefined ? undefined : `Did you mean "${suggestion}"?`;
}
