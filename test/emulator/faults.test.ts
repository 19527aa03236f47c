import { afterEach, describe, expect, it } from "vitest";
import { createSeededRandom } from "../../src/emulator/index.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestEmulator } from "../support/emulator.js";
import { callApi } from "../support/http.js";

const AUTHOR = 991000001;

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("emulator rate limit", () => {
  it("answers 429 rate_limit_exceeded past the limit, until the window resets", async () => {
    let now = 1_700_000_001_000;
    emulator = await startTestEmulator({ clock: () => now, rateLimit: { limit: 2, windowMs: 10_000 } });
    const first = await callApi(emulator.url, "GET", "/me");
    expect(first.headers["x-ratelimit-remaining"]).toBe("1");
    expect((await callApi(emulator.url, "GET", "/me")).headers["x-ratelimit-remaining"]).toBe("0");
    const limited = await callApi(emulator.url, "GET", "/me");
    expect(limited.status).toBe(429);
    expect(limited.body.type).toBe("error.list");
    expect(limited.body.errors[0].code).toBe("rate_limit_exceeded");
    expect(limited.headers).toMatchObject({ "x-ratelimit-limit": "2", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000010" });
    now = 1_700_000_010_000;
    expect((await callApi(emulator.url, "GET", "/me")).status).toBe(200);
  });

  it("does not apply a write answered with 429", async () => {
    emulator = await startTestEmulator({ clock: () => 1_700_000_000_000, rateLimit: { limit: 0, windowMs: 10_000 } });
    const response = await callApi(emulator.url, "POST", "/articles", { body: { title: "x", author_id: AUTHOR } });
    expect(response.status).toBe(429);
    expect(emulator.state.dump().articles).toHaveLength(0);
  });

  it("can be switched off at run time", async () => {
    emulator = await startTestEmulator({ rateLimit: { limit: 1, windowMs: 60_000 } });
    await callApi(emulator.url, "GET", "/me");
    expect((await callApi(emulator.url, "GET", "/me")).status).toBe(429);
    emulator.setFaults({ rateLimit: null });
    const response = await callApi(emulator.url, "GET", "/me");
    expect(response.status).toBe(200);
    expect(response.headers["x-ratelimit-limit"]).toBeUndefined();
  });
});

describe("emulator injected failures", () => {
  it("answers 500 or 503 at errorRate 1 without applying the request", async () => {
    emulator = await startTestEmulator({ errorRate: 1, random: createSeededRandom(7) });
    const statuses = new Set<number>();
    for (let i = 0; i < 10; i += 1) {
      const response = await callApi(emulator.url, "POST", "/articles", { body: { title: `x${i}`, author_id: AUTHOR } });
      statuses.add(response.status);
      expect(response.body.type).toBe("error.list");
    }
    expect([...statuses].every((status) => status === 500 || status === 503)).toBe(true);
    expect(emulator.state.dump().articles).toHaveLength(0);
    expect(emulator.writeCount()).toBe(10);
  });

  it("fails about errorRate of the requests with a seeded random", async () => {
    emulator = await startTestEmulator({ errorRate: 0.3, random: createSeededRandom(42) });
    let failures = 0;
    for (let i = 0; i < 100; i += 1) if ((await callApi(emulator.url, "GET", "/me")).status >= 500) failures += 1;
    expect(failures).toBeGreaterThan(10);
    expect(failures).toBeLessThan(50);
  });

  it("fails exactly the next n requests with failNext", async () => {
    emulator = await startTestEmulator();
    emulator.failNext(2, 503);
    expect((await callApi(emulator.url, "GET", "/articles")).status).toBe(503);
    expect((await callApi(emulator.url, "POST", "/articles", { body: { title: "x", author_id: AUTHOR } })).status).toBe(503);
    expect((await callApi(emulator.url, "GET", "/articles")).status).toBe(200);
    expect(emulator.state.dump().articles).toHaveLength(0);
  });

  it("sends rate-limit headers with a scripted 429", async () => {
    emulator = await startTestEmulator();
    emulator.failNext(1, 429);
    const response = await callApi(emulator.url, "GET", "/articles");
    expect(response.status).toBe(429);
    expect(response.body.errors[0].code).toBe("rate_limit_exceeded");
    expect(response.headers["x-ratelimit-remaining"]).toBe("0");
  });

  it("waits the configured latency before handling, through the injected sleep", async () => {
    const waits: number[] = [];
    emulator = await startTestEmulator({
      latencyMs: [20, 40],
      random: createSeededRandom(1),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await callApi(emulator.url, "GET", "/me");
    await callApi(emulator.url, "GET", "/admins");
    expect(waits).toHaveLength(2);
    for (const ms of waits) expect(ms >= 20 && ms <= 40).toBe(true);
    expect(emulator.requests.map((entry) => entry.delayMs)).toEqual(waits);
    emulator.setFaults({ latencyMs: 0 });
    await callApi(emulator.url, "GET", "/me");
    expect(waits).toHaveLength(2);
  });
});

describe("emulator lost responses", () => {
  it("applies a write and then destroys the socket (dropNextWrites)", async () => {
    emulator = await startTestEmulator();
    emulator.dropNextWrites(1);
    await expect(callApi(emulator.url, "POST", "/articles", { body: { title: "Lost answer", author_id: AUTHOR } })).rejects.toThrow();
    expect(emulator.state.dump().articles.map((a) => a.locales.en?.title)).toEqual(["Lost answer"]);
    expect(emulator.requests[0]).toMatchObject({ method: "POST", status: 200, applied: true, dropped: true, write: true });
    const next = await callApi(emulator.url, "POST", "/articles", { body: { title: "Answered", author_id: AUTHOR } });
    expect(next.status).toBe(200);
  });

  it("never drops reads, nor writes that failed", async () => {
    emulator = await startTestEmulator();
    emulator.dropNextWrites(1);
    expect((await callApi(emulator.url, "GET", "/articles")).status).toBe(200);
    expect((await callApi(emulator.url, "POST", "/articles", { body: { title: "no author" } })).status).toBe(400);
    await expect(callApi(emulator.url, "DELETE", "/articles/1")).resolves.toMatchObject({ status: 404 });
    await expect(callApi(emulator.url, "POST", "/help_center/collections", { body: { name: "C" } })).rejects.toThrow();
    expect(emulator.state.dump().collections).toHaveLength(1);
  });

  it("drops successful writes at dropAfterWriteRate 1", async () => {
    emulator = await startTestEmulator({ dropAfterWriteRate: 1 });
    await expect(callApi(emulator.url, "POST", "/help_center/collections", { body: { name: "C" } })).rejects.toThrow();
    expect(emulator.state.dump().collections).toHaveLength(1);
  });
});

describe("emulator request log", () => {
  it("records method, path, status, write flag and body, and can be reset", async () => {
    emulator = await startTestEmulator();
    await callApi(emulator.url, "GET", "/articles?page=1");
    await callApi(emulator.url, "POST", "/help_center/collections", { body: { name: "Logged" } });
    expect(emulator.requests).toHaveLength(2);
    expect(emulator.requests[0]).toMatchObject({ method: "GET", path: "/articles", query: { page: "1" }, status: 200, write: false });
    expect(emulator.requests[1]).toMatchObject({ method: "POST", status: 200, write: true, applied: true, body: { name: "Logged" } });
    expect(emulator.writeCount()).toBe(1);
    emulator.resetRequestLog();
    expect(emulator.writeCount()).toBe(0);
    expect(emulator.requests).toHaveLength(0);
  });
});
