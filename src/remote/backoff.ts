/** First retry waits up to this long; each further retry doubles the ceiling. */
export const BACKOFF_BASE_MS = 500;
/** Ceiling of any single backoff wait. */
export const BACKOFF_CAP_MS = 20_000;

/**
 * Exponential backoff with full jitter: a uniform wait in [0, min(cap, base * 2^attempt)).
 * Full jitter spreads retries of many clients best (AWS architecture blog, "Exponential Backoff
 * And Jitter"). `attempt` counts from 0.
 */
export function computeBackoffMs(
  attempt: number,
  random: () => number,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
