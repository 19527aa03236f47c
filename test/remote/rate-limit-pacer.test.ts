import { describe, expect, it } from "vitest";
import { computeBackoffMs } from "../../src/remote/backoff.js";
import {
  createRateLimitPacer,
  DEFAULT_RATE_LIMIT_WAIT_MS,
  parseRateLimitHeaders,
  RESET_SKEW_STEP_MS,
} from "../../src/remote/rate-limit-pacer.js";

function createHarness() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  const pacer = createRateLimitPacer({
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0,
  });
  return { pacer, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

describe("rate limit pacer", () => {
  it("reads the three rate-limit headers, reset in epoch seconds", () => {
    expect(parseRateLimitHeaders({ "x-ratelimit-limit": "1000", "x-ratelimit-remaining": "12", "x-ratelimit-reset": "1700000010" })).toEqual({
      limit: 1000,
      remaining: 12,
      resetAt: 1_700_000_010_000,
    });
    expect(parseRateLimitHeaders({})).toBeNull();
  });

  it("lets requests through while nothing is known", async () => {
    const { pacer, sleeps } = createHarness();
    await Promise.all([pacer.acquire(), pacer.acquire(), pacer.acquire()]);
    expect(sleeps).toEqual([]);
  });

  it("assumes the full limit once the window has passed", async () => {
    const h = createHarness();
    await h.pacer.acquire();
    h.pacer.release({ limit: 10, remaining: 0, resetAt: h.now() + 2_000 }, false);
    h.advance(2_000);
    await h.pacer.acquire();
    expect(h.sleeps).toEqual([]);
  });

  it("ignores a late answer from an earlier window", async () => {
    const h = createHarness();
    await h.pacer.acquire();
    await h.pacer.acquire();
    h.pacer.release({ limit: 10, remaining: 5, resetAt: h.now() + 10_000 }, false);
    h.pacer.release({ limit: 10, remaining: 0, resetAt: h.now() + 1_000 }, false);
    await h.pacer.acquire();
    expect(h.sleeps).toEqual([]);
  });

  it("pauses after a 429 whose reset already passed, and waits longer past later resets", async () => {
    const h = createHarness();
    await h.pacer.acquire();
    h.pacer.release({ limit: 10, remaining: 0, resetAt: h.now() - 500 }, true);
    await h.pacer.acquire();
    expect(h.sleeps).toEqual([RESET_SKEW_STEP_MS]);
    // The next window's reset is now waited for one skew step longer.
    h.pacer.release({ limit: 10, remaining: 0, resetAt: h.now() + 2_000 }, false);
    await h.pacer.acquire();
    expect(h.sleeps).toEqual([RESET_SKEW_STEP_MS, 2_000 + RESET_SKEW_STEP_MS]);
  });

  it("waits the default pause after a 429 without a reset header", async () => {
    const h = createHarness();
    await h.pacer.acquire();
    h.pacer.release(null, true);
    await h.pacer.acquire();
    expect(h.sleeps).toEqual([DEFAULT_RATE_LIMIT_WAIT_MS]);
  });

  it("waits for a response when the budget is spent and the reset is unknown", async () => {
    const h = createHarness();
    await h.pacer.acquire();
    h.pacer.release({ limit: 1, remaining: 1, resetAt: null }, false);
    await h.pacer.acquire();
    let third = false;
    const pending = h.pacer.acquire().then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    h.pacer.release({ limit: 1, remaining: 1, resetAt: null }, false);
    await pending;
    expect(third).toBe(true);
  });
});

describe("computeBackoffMs", () => {
  it("doubles the ceiling per attempt up to the cap", () => {
    const max = () => 0.999999;
    expect(computeBackoffMs(0, max)).toBe(499);
    expect(computeBackoffMs(3, max)).toBe(3_999);
    expect(computeBackoffMs(20, max)).toBe(19_999);
    expect(computeBackoffMs(5, () => 0)).toBe(0);
  });
});

describe("requests in flight", () => {
  function pacerWith(options: { maxInFlight?: number; share?: number } = {}) {
    let now = 1_700_000_000_000;
    const pacer = createRateLimitPacer({ clock: () => now, sleep: async (ms) => void (now += ms), random: () => 0, ...options });
    /** One answered request of a 167-per-10-s window, with its latency. */
    const answer = async (latencyMs: number, remaining = 150, rateLimited = false): Promise<void> => {
      await pacer.acquire();
      now += latencyMs;
      pacer.release({ limit: 167, remaining, resetAt: Math.ceil((now + 1) / 10_000) * 10_000 }, rateLimited, latencyMs);
    };
    return { pacer, answer };
  }

  it("keeps rate x latency in flight: more at higher latency, bounded by concurrency", async () => {
    const fast = pacerWith({ maxInFlight: 100 });
    for (let i = 0; i < 40; i += 1) await fast.answer(20);
    const slow = pacerWith({ maxInFlight: 100 });
    for (let i = 0; i < 40; i += 1) await slow.answer(300);
    const slowest = pacerWith({ maxInFlight: 40 });
    for (let i = 0; i < 60; i += 1) await slowest.answer(2_000);
    // 16.7 requests a second: ~1 in flight at 20 ms, ~8 at 300 ms; 2 s would want 50, capped at 40.
    expect(fast.pacer.inFlightLimit()).toBeLessThanOrEqual(2);
    expect(slow.pacer.inFlightLimit()).toBeGreaterThanOrEqual(7);
    expect(slow.pacer.inFlightLimit()).toBeLessThanOrEqual(9);
    expect(slowest.pacer.inFlightLimit()).toBe(40);
  });

  it("halves the requests in flight on a 429 and grows back one answer at a time", async () => {
    const { pacer, answer } = pacerWith({ maxInFlight: 100 });
    for (let i = 0; i < 60; i += 1) await answer(3_000);
    const before = pacer.inFlightLimit();
    await answer(3_000, 0, true);
    expect(pacer.inFlightLimit()).toBe(Math.floor(before / 2) || 1);
    for (let i = 0; i < 5; i += 1) await answer(3_000);
    expect(pacer.inFlightLimit()).toBe((Math.floor(before / 2) || 1) + 5);
  });

  it("holds the next request while as many as allowed are in flight", async () => {
    const { pacer } = pacerWith({ maxInFlight: 2 });
    await pacer.acquire();
    await pacer.acquire();
    let third = false;
    const waiting = pacer.acquire().then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    pacer.release(null, false, 10);
    await waiting;
    expect(third).toBe(true);
  });

  it("leaves the workspace's other apps their share of each window", async () => {
    let now = 1_700_000_000_000;
    const waits: number[] = [];
    const pacer = createRateLimitPacer({ clock: () => now, sleep: async (ms) => void (now += ms), random: () => 0, share: 0.5, onWait: (ms) => waits.push(ms) });
    // Half of 167 (84) is kept back: with 85 left, one more request is this client's.
    pacer.release({ limit: 167, remaining: 85, resetAt: now + 4_000 }, false, 10);
    await pacer.acquire();
    expect(waits).toEqual([]);
    // With 84 left, the rest of the window belongs to the others: wait for the reset.
    pacer.release({ limit: 167, remaining: 84, resetAt: now + 4_000 }, false, 10);
    await pacer.acquire();
    expect(waits).toEqual([4_000]);
  });
});
