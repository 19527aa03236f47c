import { MockAgent } from "undici";
import { createIntercomClient, type ClientOptions } from "../../src/remote/client.js";
import type { RequestEvent } from "../../src/remote/request-with-policy.js";

export const ORIGIN = "https://api.intercom.test";
export const SENTINEL_TOKEN = "tok_SENTINEL_do_not_leak_8c1f";
/** A fixed "now" in ms; rate-limit resets are written relative to it. */
export const NOW_MS = 1_700_000_000_000;

/** A client over a MockAgent with a frozen clock, a recording sleep and fixed jitter. */
export function createMockSetup(overrides: Partial<ClientOptions> = {}) {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(ORIGIN);
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const logs: string[] = [];
  let now = NOW_MS;
  const client = createIntercomClient({
    baseUrl: ORIGIN,
    token: SENTINEL_TOKEN,
    dispatcher: agent,
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    logger: { debug: (message) => logs.push(message) },
    onRequest: (event) => events.push(event),
    ...overrides,
  });
  return { agent, pool, client, sleeps, events, logs, now: () => now };
}

/** Rate-limit headers for a window that resets `inSeconds` after NOW_MS. */
export function rateLimitHeaders(remaining: number, inSeconds: number, limit = 100): Record<string, string> {
  return {
    "x-ratelimit-limit": String(limit),
    "x-ratelimit-remaining": String(remaining),
    "x-ratelimit-reset": String(NOW_MS / 1000 + inSeconds),
  };
}

export const JSON_HEADERS = { "content-type": "application/json" };
