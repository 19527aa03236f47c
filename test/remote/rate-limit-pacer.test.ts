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
