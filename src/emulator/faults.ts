/**
 * Rate limiting and fault injection. Random faults draw from the injected `random`, so a seeded
 * generator makes a run reproducible; scripted faults (`failNext`, `dropNextWrites`) are exact and
 * take precedence over random ones.
 */
import type { FaultSettings, RateLimitSettings } from "./types.js";

/** Intercom's default budget (~10,000 requests a minute) split into its 10-second windows. */
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitSettings> = { limit: 1_666, windowMs: 10_000 };

export const DEFAULT_FAULTS: Readonly<FaultSettings> = {
  rateLimit: DEFAULT_RATE_LIMIT,
  errorRate: 0,
  latencyMs: 0,
  dropAfterWriteRate: 0,
};

/** Statuses a random server error picks from. */
const RANDOM_ERROR_STATUSES = [500, 503] as const;

export interface RateLimitDecision {
  allowed: boolean;
  /** `X-RateLimit-*` headers; Reset is in epoch seconds, as Intercom sends it. */
  headers: Record<string, string>;
}

export class FaultController {
  private current: FaultSettings;
  private readonly random: () => number;
  private readonly clock: () => number;
  private readonly windows = new Map<string, { start: number; count: number }>();
  private scriptedFailures: number[] = [];
  private scriptedDrops = 0;

  constructor(settings: Partial<FaultSettings>, random: () => number, clock: () => number) {
    this.current = { ...DEFAULT_FAULTS };
    this.random = random;
    this.clock = clock;
    this.set(settings);
  }

  get settings(): FaultSettings {
    return { ...this.current };
  }

  /** Changes some knobs; omitted (undefined) ones keep their value. */
  set(partial: Partial<FaultSettings>): void {
    const next = { ...this.current };
    for (const key of Object.keys(DEFAULT_FAULTS) as (keyof FaultSettings)[]) {
      if (partial[key] !== undefined) Object.assign(next, { [key]: partial[key] });
    }
    checkFaults(next);
    this.current = next;
    if (partial.rateLimit !== undefined) this.windows.clear();
  }

  /** The next `count` API requests answer `status` without being applied. */
  failNext(count: number, status = 500): void {
    for (let i = 0; i < count; i += 1) this.scriptedFailures.push(status);
  }

  /** The next `count` successful writes are applied but their response is lost. */
  dropNextWrites(count: number): void {
    this.scriptedDrops += count;
  }

  /** Forgets scripted faults and rate-limit windows. */
  reset(): void {
    this.scriptedFailures = [];
    this.scriptedDrops = 0;
    this.windows.clear();
  }

  /** Counts one request of `token` against its window; null when no limit is configured. */
  takeRateLimit(token: string): RateLimitDecision | null {
    const limit = this.current.rateLimit;
    if (!limit) return null;
    const now = this.clock();
    const start = Math.floor(now / limit.windowMs) * limit.windowMs;
    let window = this.windows.get(token);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(token, window);
    }
    window.count += 1;
    const allowed = window.count <= limit.limit;
    return { allowed, headers: this.headers(limit, Math.max(0, limit.limit - window.count), start) };
  }

  /** Headers of a scripted 429: the window is spent. */
  exhaustedHeaders(): Record<string, string> {
    const limit = this.current.rateLimit ?? DEFAULT_RATE_LIMIT;
    return this.headers(limit, 0, Math.floor(this.clock() / limit.windowMs) * limit.windowMs);
  }

  private headers(limit: RateLimitSettings, remaining: number, windowStart: number): Record<string, string> {
    return {
      "X-RateLimit-Limit": String(limit.limit),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": String(Math.ceil((windowStart + limit.windowMs) / 1000)),
    };
  }

  /** Milliseconds to wait before handling a request. */
  pickLatency(): number {
    const latency = this.current.latencyMs;
    if (typeof latency === "number") return latency;
    const [min, max] = latency;
    return Math.round(min + this.random() * (max - min));
  }

  /** A status to fail the request with, or null to handle it. */
  pickFailure(): number | null {
    const scripted = this.scriptedFailures.shift();
    if (scripted !== undefined) return scripted;
    if (this.current.errorRate > 0 && this.random() < this.current.errorRate) {
      return this.random() < 0.5 ? RANDOM_ERROR_STATUSES[0] : RANDOM_ERROR_STATUSES[1];
    }
    return null;
  }

  /** Whether to lose the response of a write that was just applied. */
  shouldDropWrite(): boolean {
    if (this.scriptedDrops > 0) {
      this.scriptedDrops -= 1;
      return true;
    }
    return this.current.dropAfterWriteRate > 0 && this.random() < this.current.dropAfterWriteRate;
  }
}

function checkFaults(settings: FaultSettings): void {
  const { rateLimit, errorRate, latencyMs, dropAfterWriteRate } = settings;
  if (rateLimit && !(rateLimit.limit >= 0 && rateLimit.windowMs > 0)) throw new Error("rateLimit needs limit >= 0 and windowMs > 0");
  for (const [name, rate] of [["errorRate", errorRate], ["dropAfterWriteRate", dropAfterWriteRate]] as const) {
    if (!(rate >= 0 && rate <= 1)) throw new Error(`${name} must be between 0 and 1`);
  }
  const [min, max] = typeof latencyMs === "number" ? [latencyMs, latencyMs] : latencyMs;
  if (!(min >= 0 && max >= min)) throw new Error("latencyMs must be >= 0 (or a [min, max] range)");
}

/** A small seeded generator (mulberry32) for reproducible fault runs. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
