/**
 * Client-side pacing from Intercom's rate-limit headers, so a run slows down before the window is
 * spent instead of sending into a 429, and keeps enough requests in flight to use the window at
 * any latency. Shared by every request of one client.
 *
 * Intercom counts requests per app in 10-second windows: `X-RateLimit-Limit` is the window's
 * budget (167 for the documented 1,000 a minute, 1,667 for the default 10,000) and
 * `X-RateLimit-Reset` moves 10 s at a time ("Rate Limiting",
 * https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting). The window's
 * length is learnt from successive resets all the same, so a scaled-down emulator is paced right.
 */

/** Upper bound of the random delay added after a window resets, so parallel runs do not stampede. */
export const RESET_JITTER_MS = 100;
/** Step by which the wait past a reported reset grows when a 429 shows the window had not rolled yet. */
export const RESET_SKEW_STEP_MS = 250;
/** Most the pacer waits past a reported reset: resets come in whole seconds, so one second covers rounding. */
export const MAX_RESET_SKEW_MS = 1_000;
/** Wait after a 429 that carries no `X-RateLimit-Reset` (Intercom's windows are 10 s). */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 10_000;
/** Window length assumed until two resets have been seen. */
export const DEFAULT_WINDOW_MS = 10_000;
/** Requests in flight before any response has said anything (the old fixed concurrency). */
export const INITIAL_IN_FLIGHT = 8;
/**
 * In flight = allowed rate x latency (Little's law) times this: latency varies from request to
 * request, and a few requests more than needed only wait here, while a few fewer leave the window
 * partly unused.
 */
export const IN_FLIGHT_HEADROOM = 1.5;
/** Longest window believed: a gap between resets longer than this is a pause, not a window. */
const MAX_WINDOW_MS = 60_000;
/** Weight of the newest latency in its moving average. */
const LATENCY_WEIGHT = 0.2;

/** What one response said about the budget. `resetAt` in epoch milliseconds. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number;
  resetAt: number | null;
}

export interface PacerDeps {
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Called with every wait the pacer decides on, for logs and tests. */
  onWait?: (ms: number) => void;
  /** Most requests in flight at once (the config's `concurrency`). Default: no bound of its own. */
  maxInFlight?: number;
  /**
   * Share of each window this client may spend, 0..1 (the config's `rateLimitShare`): the rest is
   * left to the workspace's other apps, which share its limit. Default 1.
   */
  share?: number;
}

export interface RateLimitPacer {
  /** Resolves when a request may be sent; counts it as in flight until `release`. */
  acquire(): Promise<void>;
  /**
   * Ends an in-flight request with what its response said (null: no headers, no response) and
   * how long it took (what sizes the number of requests in flight).
   */
  release(info: RateLimitInfo | null, rateLimited: boolean, latencyMs?: number): void;
  /** How many requests may be in flight now. */
  inFlightLimit(): number;
}

/** Reads `X-RateLimit-Limit/Remaining/Reset` (reset in epoch seconds); null when absent. */
export function parseRateLimitHeaders(headers: Record<string, string | string[] | undefined>): RateLimitInfo | null {
  const remaining = readNumber(headers["x-ratelimit-remaining"]);
  if (remaining === null) return null;
  const reset = readNumber(headers["x-ratelimit-reset"]);
  return { limit: readNumber(headers["x-ratelimit-limit"]), remaining, resetAt: reset === null ? null : reset * 1000 };
}

function readNumber(value: string | string[] | undefined): number | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** Creates the pacer one client shares across its concurrent requests. */
export function createRateLimitPacer(deps: PacerDeps): RateLimitPacer {
  let limit: number | null = null;
  /** Lowest remaining reported in the current window; null while unknown. */
  let remaining: number | null = null;
  let resetAt: number | null = null;
  let inFlight = 0;
  /** Learned lag of the server's window behind its reported reset (rounding, clock skew). */
  let skewMs = 0;
  let lastSkewedReset: number | null = null;
  let waiters: (() => void)[] = [];
  const maxInFlight = Math.max(1, Math.floor(deps.maxInFlight ?? Number.MAX_SAFE_INTEGER));
  const share = Math.min(1, Math.max(0, deps.share ?? 1));
  let windowMs = DEFAULT_WINDOW_MS;
  /** Latest reset any response reported: two of them give the window's length. */
  let lastReset: number | null = null;
  let learnedWindow = false;
  let latencyMs: number | null = null;
  /** Grows by one per answered request, halves on a 429 (additive increase, multiplicative decrease). */
  let congestion = Math.min(maxInFlight, INITIAL_IN_FLIGHT);

  function inFlightLimit(): number {
    // Without a known limit and latency there is no rate to size for: only congestion bounds it.
    const sized = limit === null || latencyMs === null ? maxInFlight : Math.ceil(((share * limit) / windowMs) * latencyMs * IN_FLIGHT_HEADROOM);
    return Math.max(1, Math.min(maxInFlight, congestion, sized));
  }

  /** Requests of this window left to this client: the others' share is kept back. */
  function ownRemaining(): number | null {
    if (remaining === null) return null;
    return remaining - (limit === null ? 0 : Math.ceil((1 - share) * limit));
  }

  function expireWindowIfPast(now: number): void {
    if (resetAt !== null && now >= resetAt + skewMs) markWindowReset();
  }

  function markWindowReset(): void {
    // A fresh window: assume the full budget until a response says otherwise.
    remaining = limit;
    resetAt = null;
  }

  async function acquire(): Promise<void> {
    for (;;) {
      expireWindowIfPast(deps.clock());
      // Requests in flight may not be counted in `remaining` yet, so they are spent budget too.
      // Counting them is exact when requests run one at a time and errs low by at most the
      // concurrency otherwise, which costs a few requests per window, never a 429.
      if (inFlight >= inFlightLimit()) {
        // Enough requests on their way: the next answer frees a place.
        await new Promise<void>((resolve) => waiters.push(resolve));
        continue;
      }
      const own = ownRemaining();
      if (own === null || own - inFlight > 0) {
        inFlight += 1;
        return;
      }
      if (resetAt !== null) {
        const waitedFor = resetAt;
        const wait = Math.max(0, resetAt + skewMs - deps.clock()) + Math.floor(deps.random() * RESET_JITTER_MS);
        deps.onWait?.(wait);
        await deps.sleep(wait);
        // Trust the wait rather than the clock: an injected clock may not move while sleeping.
        if (resetAt === waitedFor) markWindowReset();
        continue;
      }
      if (inFlight > 0) {
        // Budget spent but the reset is unknown: the next response will tell.
        await new Promise<void>((resolve) => waiters.push(resolve));
        continue;
      }
      // Nothing in flight and nothing known: send, and let a 429 teach the reset.
      inFlight += 1;
      return;
    }
  }

  function release(info: RateLimitInfo | null, rateLimited: boolean, latency?: number): void {
    inFlight = Math.max(0, inFlight - 1);
    const now = deps.clock();
    if (info !== null) recordInfo(info);
    if (latency !== undefined && latency >= 0) latencyMs = latencyMs === null ? latency : latencyMs + LATENCY_WEIGHT * (latency - latencyMs);
    if (rateLimited) congestion = Math.max(1, Math.floor(congestion / 2));
    else if (info !== null || latency !== undefined) congestion = Math.min(maxInFlight, congestion + 1);
    if (rateLimited) {
      remaining = 0;
      if (info?.resetAt == null) {
        resetAt = now + DEFAULT_RATE_LIMIT_WAIT_MS;
      } else if (info.resetAt + skewMs <= now) {
        // Refused although its reported reset has passed: the server's window lags the header
        // (reset rounded down to the second, or clocks apart). Wait a little longer from now on.
        if (lastSkewedReset !== info.resetAt) {
          lastSkewedReset = info.resetAt;
          skewMs = Math.min(MAX_RESET_SKEW_MS, skewMs + RESET_SKEW_STEP_MS);
        }
        // Pause one step from now (waits end at `resetAt + skewMs`).
        resetAt = now + RESET_SKEW_STEP_MS - skewMs;
      }
    }
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  }

  function recordInfo(info: RateLimitInfo): void {
    if (info.limit !== null) limit = info.limit;
    if (info.resetAt !== null && lastReset !== null && info.resetAt > lastReset) {
      // The shortest gap seen is the window: a longer one skipped windows nothing was sent in.
      const gap = Math.min(MAX_WINDOW_MS, info.resetAt - lastReset);
      windowMs = learnedWindow ? Math.min(windowMs, gap) : gap;
      learnedWindow = true;
    }
    if (info.resetAt !== null && (lastReset === null || info.resetAt > lastReset)) lastReset = info.resetAt;
    if (resetAt === null || info.resetAt === null || info.resetAt > resetAt) {
      // First news of this window (or of a later one): take it as is.
      remaining = info.remaining;
      if (info.resetAt !== null) resetAt = info.resetAt;
    } else if (info.resetAt === resetAt) {
      // Same window, responses out of order: the lowest count is the latest.
      remaining = remaining === null ? info.remaining : Math.min(remaining, info.remaining);
    }
    // A late answer from an earlier window says nothing about this one.
  }

  return { acquire, release, inFlightLimit };
}
