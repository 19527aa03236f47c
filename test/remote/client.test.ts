import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { IntercomApiError } from "../../src/remote/errors.js";
import { computeBackoffMs } from "../../src/remote/backoff.js";
import { CONNECT_BACKOFF_BASE_MS, CONNECT_BACKOFF_CAP_MS, MAX_CONNECT_RETRIES, type WaitEvent } from "../../src/remote/request-with-policy.js";
import { article, listOf } from "./fixtures.js";
import { createMockSetup, JSON_HEADERS, rateLimitHeaders, SENTINEL_TOKEN } from "./mock-intercom.js";

const ERROR_LIST_400 = {
  type: "error.list",
  request_id: "req-123",
  errors: [{ code: "parameter_invalid", message: "Body is not valid HTML", field: "body" }],
};

let setup: ReturnType<typeof createMockSetup>;
afterEach(async () => {
  await setup?.agent.close();
});

async function rejectionOf(promise: Promise<unknown>): Promise<IntercomApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntercomApiError);
  return error as IntercomApiError;
}

describe("createIntercomClient: requests", () => {
  it("sends the bearer token, JSON accept, Intercom-Version and a JSON body", async () => {
    setup = createMockSetup();
    let seen: Record<string, string> = {};
    let sentBody = "";
    setup.pool.intercept({ path: "/articles", method: "POST" }).reply((opts) => {
      seen = opts.headers as Record<string, string>;
      sentBody = String(opts.body);
      return { statusCode: 200, data: article("9"), responseOptions: { headers: JSON_HEADERS } };
    });
    const created = await setup.client.createArticle({ title: "Hello", author_id: 7 });
    expect(created.id).toBe("9");
    expect(seen["authorization"]).toBe(`Bearer ${SENTINEL_TOKEN}`);
    expect(seen["accept"]).toBe("application/json");
    expect(seen["intercom-version"]).toBe("2.16");
    expect(seen["content-type"]).toBe("application/json");
    expect(JSON.parse(sentBody)).toEqual({ title: "Hello", author_id: 7 });
    expect(setup.events).toEqual([{ method: "POST", path: "/articles", status: 200, write: true, attempt: 1 }]);
  });

  it("uses the configured API version", async () => {
    setup = createMockSetup({ apiVersion: "2.15" });
    let version = "";
    setup.pool.intercept({ path: "/me", method: "GET" }).reply((opts) => {
      version = (opts.headers as Record<string, string>)["intercom-version"] ?? "";
      return { statusCode: 200, data: { type: "admin", id: "1", name: "A", email: "a@x" } };
    });
    await setup.client.me();
    expect(version).toBe("2.15");
  });

  it("reads every page until total_pages and keeps one copy of an item seen twice", async () => {
    setup = createMockSetup({ perPage: 2 });
    // Article 2 was edited while paging: it shows on page 1 and again on page 2.
    setup.pool.intercept({ path: "/articles?page=1&per_page=2", method: "GET" })
      .reply(200, listOf([article("1"), article("2")], 1, 3, 5), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/articles?page=2&per_page=2", method: "GET" })
      .reply(200, listOf([article("2", { updated_at: 300 }), article("3")], 2, 3, 5), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/articles?page=3&per_page=2", method: "GET" })
      .reply(200, listOf([article("4"), article("5")], 3, 3, 5), { headers: JSON_HEADERS });
    const articles = await setup.client.listArticles();
    expect(articles.map((a) => a.id).sort()).toEqual(["1", "2", "3", "4", "5"]);
    expect(articles.find((a) => a.id === "2")?.updated_at).toBe(300);
    expect(setup.events).toHaveLength(3);
  });

  it("reads the listing again when an item slipped between pages", async () => {
    setup = createMockSetup({ perPage: 2 });
    setup.pool.intercept({ path: "/help_center/collections?page=1&per_page=2", method: "GET" })
      .reply(200, listOf([{ id: "1" }, { id: "2" }], 1, 2, 4), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/help_center/collections?page=2&per_page=2", method: "GET" })
      .reply(200, listOf([{ id: "2" }, { id: "3" }], 2, 2, 4), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/help_center/collections?page=1&per_page=2", method: "GET" })
      .reply(200, listOf([{ id: "4" }, { id: "1" }], 1, 2, 4), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/help_center/collections?page=2&per_page=2", method: "GET" })
      .reply(200, listOf([{ id: "2" }, { id: "3" }], 2, 2, 4), { headers: JSON_HEADERS });
    const collections = await setup.client.listCollections();
    expect(collections.map((c) => c.id).sort()).toEqual(["1", "2", "3", "4"]);
    expect(setup.events).toHaveLength(4);
  });
});

describe("createIntercomClient: errors", () => {
  it("turns an error.list into a typed error with status, errors and request id", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/articles/5", method: "PUT" }).reply(400, ERROR_LIST_400, { headers: JSON_HEADERS });
    const error = await rejectionOf(setup.client.updateArticle("5", { body: "<x>" }));
    expect(error.status).toBe(400);
    expect(error.code).toBe("api/rejected");
    expect(error.errors).toEqual([{ code: "parameter_invalid", message: "Body is not valid HTML", field: "body" }]);
    expect(error.requestId).toBe("req-123");
    expect(error.method).toBe("PUT");
    expect(error.path).toBe("/articles/5");
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toContain("Body is not valid HTML");
    expect(setup.events).toHaveLength(1);
  });

  it("says the access token was refused on a 401 and never carries the token", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(
      401,
      { type: "error.list", request_id: "r-401", errors: [{ code: "unauthorized", message: "Access Token Invalid" }] },
      { headers: JSON_HEADERS },
    );
    const error = await rejectionOf(setup.client.me());
    expect(error.status).toBe(401);
    expect(error.code).toBe("api/unauthorized");
    expect(error.message).toContain("access token was refused");
    expect(error.hint).toContain("INTERCOM_ACCESS_TOKEN");
    const everything = [
      JSON.stringify(error),
      JSON.stringify(Object.getOwnPropertyNames(error).map((k) => String((error as unknown as Record<string, unknown>)[k]))),
      inspect(error, { depth: 20, showHidden: true }),
      String(error.stack),
      String(error.cause),
    ].join("\n");
    expect(everything).not.toContain(SENTINEL_TOKEN);
    expect(everything).not.toContain("Bearer");
    expect(setup.logs.join("\n")).not.toContain(SENTINEL_TOKEN);
  });

  it("wraps a network error without the raw transport error or the token", async () => {
    setup = createMockSetup({ maxRetries: 0 });
    setup.pool.intercept({ path: "/me", method: "GET" }).replyWithError(
      Object.assign(new Error(`socket hang up (Authorization: Bearer ${SENTINEL_TOKEN})`), { code: "ECONNRESET" }),
    );
    const error = await rejectionOf(setup.client.me());
    expect(error.status).toBeNull();
    expect(error.code).toBe("api/network-error");
    expect(error.networkCode).toBe("ECONNRESET");
    expect(error.cause).toBeUndefined();
    expect(inspect(error, { depth: 20, showHidden: true })).not.toContain(SENTINEL_TOKEN);
    expect(error.message).toContain("[redacted]");
  });
});

describe("createIntercomClient: retries", () => {
  it("retries a GET on 503 with exponential backoff and full jitter, then succeeds", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/articles/1", method: "GET" }).reply(503, "").times(2);
    setup.pool.intercept({ path: "/articles/1", method: "GET" }).reply(200, article("1"), { headers: JSON_HEADERS });
    const got = await setup.client.getArticle("1");
    expect(got.id).toBe("1");
    expect(setup.events.map((e) => e.status)).toEqual([503, 503, 200]);
    // random() = 0.5: half of 500 ms, then half of 1000 ms.
    expect(setup.sleeps).toEqual([computeBackoffMs(0, () => 0.5), computeBackoffMs(1, () => 0.5)]);
    expect(setup.sleeps).toEqual([250, 500]);
  });

  it("retries a PUT on 503, since repeating it stores the same content", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/articles/1", method: "PUT" }).reply(503, "");
    setup.pool.intercept({ path: "/articles/1", method: "PUT" }).reply(200, article("1"), { headers: JSON_HEADERS });
    await setup.client.updateArticle("1", { title: "New" });
    expect(setup.events.map((e) => e.status)).toEqual([503, 200]);
    expect(setup.sleeps).toHaveLength(1);
  });

  it("gives up after maxRetries and reports the last status", async () => {
    setup = createMockSetup({ maxRetries: 2 });
    setup.pool.intercept({ path: "/articles/1", method: "GET" }).reply(502, "<html>bad gateway</html>").times(3);
    const error = await rejectionOf(setup.client.getArticle("1"));
    expect(error.status).toBe(502);
    expect(error.code).toBe("api/server-error");
    expect(error.outcomeUnknown).toBe(false);
    expect(setup.events).toHaveLength(3);
  });

  it("does not resend a POST after a 503 and flags the outcome as unknown", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/articles", method: "POST" }).reply(503, "");
    const error = await rejectionOf(setup.client.createArticle({ title: "T", author_id: 1 }));
    expect(error.outcomeUnknown).toBe(true);
    expect(error.status).toBe(503);
    expect(setup.events).toHaveLength(1);
    expect(setup.sleeps).toEqual([]);
  });

  it("does not resend a POST after a dropped connection", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/help_center/collections", method: "POST" })
      .replyWithError(Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }));
    const error = await rejectionOf(setup.client.createCollection({ name: "C" }));
    expect(error.outcomeUnknown).toBe(true);
    expect(error.status).toBeNull();
    expect(setup.events).toHaveLength(1);
  });

  it("flags a POST that timed out as unknown", async () => {
    setup = createMockSetup({ timeoutMs: 20 });
    setup.pool.intercept({ path: "/articles", method: "POST" }).reply(200, article("1"), { headers: JSON_HEADERS }).delay(2_000);
    const error = await rejectionOf(setup.client.createArticle({ title: "T", author_id: 1 }));
    expect(error.code).toBe("api/timeout");
    expect(error.outcomeUnknown).toBe(true);
    expect(setup.events).toHaveLength(1);
  });

  it("gives up on a host that refuses every connection after a short budget of its own, with waits under 4 s in all", async () => {
    const waits: WaitEvent[] = [];
    setup = createMockSetup({ onWait: (event) => waits.push(event) });
    setup.pool.intercept({ path: "/me", method: "GET" })
      .replyWithError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }))
      .times(MAX_CONNECT_RETRIES + 1);
    const error = await rejectionOf(setup.client.me());
    expect(error.code).toBe("api/network-error");
    expect(error.message).toBe("GET /me failed before Intercom answered (connect ECONNREFUSED 127.0.0.1:9).");
    expect(setup.events).toHaveLength(MAX_CONNECT_RETRIES + 1);
    // Even with random() near 1 the waits stay under 250 + 500 + 1000 + 2000 ms.
    const worst = Array.from({ length: MAX_CONNECT_RETRIES }, (_, n) => computeBackoffMs(n, () => 0.999, CONNECT_BACKOFF_BASE_MS, CONNECT_BACKOFF_CAP_MS));
    expect(worst.reduce((a, b) => a + b, 0)).toBeLessThan(4_000);
    expect(waits.map((w) => w.reason)).toEqual([1, 2, 3, 4].map((n) => `before retry ${n} of ${MAX_CONNECT_RETRIES} of GET /me: connection refused`));
    expect(waits.map((w) => w.ms)).toEqual(setup.sleeps);
  });

  it("reports each backoff wait with the retry number, the budget and the status", async () => {
    const waits: WaitEvent[] = [];
    setup = createMockSetup({ maxRetries: 3, onWait: (event) => waits.push(event) });
    setup.pool.intercept({ path: "/articles/1", method: "GET" }).reply(503, "").times(2);
    setup.pool.intercept({ path: "/articles/1", method: "GET" }).reply(200, article("1"), { headers: JSON_HEADERS });
    await setup.client.getArticle("1");
    expect(waits).toEqual([
      { ms: 250, reason: "before retry 1 of 3 of GET /articles/1 after a 503" },
      { ms: 500, reason: "before retry 2 of 3 of GET /articles/1 after a 503" },
    ]);
    expect(setup.events.map((e) => e.attempt)).toEqual([1, 2, 3]);
  });

  it("starts a listing over from page 1 when a page fails after its retries", async () => {
    setup = createMockSetup({ maxRetries: 0, perPage: 2 });
    const page = (n: number, ids: string[]) => listOf(ids.map((id) => article(id)), n, 2, 4);
    setup.pool.intercept({ path: "/articles?page=1&per_page=2", method: "GET" }).reply(200, page(1, ["1", "2"]), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/articles?page=2&per_page=2", method: "GET" }).reply(500, "");
    setup.pool.intercept({ path: "/articles?page=1&per_page=2", method: "GET" }).reply(200, page(1, ["5", "1"]), { headers: JSON_HEADERS });
    setup.pool.intercept({ path: "/articles?page=2&per_page=2", method: "GET" }).reply(200, page(2, ["3", "4"]), { headers: JSON_HEADERS });
    const got = await setup.client.listArticles();
    // Nothing of the failed pass is kept: "2" was on its first page only.
    expect(got.map((a) => a.id).sort()).toEqual(["1", "3", "4", "5"]);
    expect(setup.events.map((e) => `${e.path} ${e.status}`)).toEqual([
      "/articles?page=1&per_page=2 200",
      "/articles?page=2&per_page=2 500",
      "/articles?page=1&per_page=2 200",
      "/articles?page=2&per_page=2 200",
    ]);
  });

  it("retries a GET after a network error", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/help_center/help_centers/3", method: "GET" })
      .replyWithError(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }));
    setup.pool.intercept({ path: "/help_center/help_centers/3", method: "GET" })
      .reply(200, { id: "3", default: true }, { headers: JSON_HEADERS });
    const hc = await setup.client.getHelpCenter("3");
    expect(hc.id).toBe("3");
    expect(setup.events.map((e) => e.status)).toEqual([null, 200]);
  });

  it("counts a 404 on a retried DELETE as deleted", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/articles/8", method: "DELETE" }).reply(503, "");
    setup.pool.intercept({ path: "/articles/8", method: "DELETE" })
      .reply(404, { type: "error.list", errors: [{ code: "not_found", message: "Resource Not Found" }] }, { headers: JSON_HEADERS });
    await expect(setup.client.deleteArticle("8")).resolves.toBeUndefined();
    expect(setup.events.map((e) => e.status)).toEqual([503, 404]);
  });

  it("reports a 404 on the first DELETE as not found", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/help_center/collections/8", method: "DELETE" })
      .reply(404, { type: "error.list", errors: [{ code: "not_found", message: "Resource Not Found" }] }, { headers: JSON_HEADERS });
    const error = await rejectionOf(setup.client.deleteCollection("8"));
    expect(error.status).toBe(404);
    expect(error.code).toBe("api/not-found");
  });
});

describe("createIntercomClient: rate limits", () => {
  it("waits for the reset after a 429 and retries, even a POST", async () => {
    setup = createMockSetup({ random: () => 0 });
    setup.pool.intercept({ path: "/articles", method: "POST" }).reply(
      429,
      { type: "error.list", errors: [{ code: "rate_limit_exceeded", message: "Rate Limit Exceeded" }] },
      { headers: { ...JSON_HEADERS, ...rateLimitHeaders(0, 7) } },
    );
    setup.pool.intercept({ path: "/articles", method: "POST" }).reply(200, article("1"), {
      headers: { ...JSON_HEADERS, ...rateLimitHeaders(99, 17) },
    });
    await setup.client.createArticle({ title: "T", author_id: 1 });
    expect(setup.sleeps).toEqual([7_000]);
    expect(setup.events.map((e) => e.status)).toEqual([429, 200]);
  });

  it("adds bounded jitter to the wait for the reset", async () => {
    setup = createMockSetup({ random: () => 0.5 });
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(429, "", { headers: rateLimitHeaders(0, 3) });
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(200, { id: "1" }, { headers: JSON_HEADERS });
    await setup.client.me();
    expect(setup.sleeps).toEqual([3_050]);
  });

  it("gives up after its own 429 budget", async () => {
    setup = createMockSetup({ maxRateLimitRetries: 2, maxRetries: 0 });
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(429, "", { headers: rateLimitHeaders(0, 1) }).times(3);
    const error = await rejectionOf(setup.client.me());
    expect(error.status).toBe(429);
    expect(error.code).toBe("api/rate-limited");
    expect(setup.events).toHaveLength(3);
    expect(setup.sleeps).toHaveLength(2);
  });

  it("waits before sending when the window's budget is spent, instead of drawing a 429", async () => {
    setup = createMockSetup({ random: () => 0 });
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(200, { id: "1" }, { headers: { ...JSON_HEADERS, ...rateLimitHeaders(0, 4) } });
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(200, { id: "1" }, { headers: { ...JSON_HEADERS, ...rateLimitHeaders(99, 14) } });
    await setup.client.me();
    expect(setup.sleeps).toEqual([]);
    await setup.client.me();
    expect(setup.sleeps).toEqual([4_000]);
    expect(setup.events.map((e) => e.status)).toEqual([200, 200]);
  });

  it("counts requests in flight against the remaining budget", async () => {
    setup = createMockSetup({ random: () => 0 });
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(200, { id: "1" }, { headers: { ...JSON_HEADERS, ...rateLimitHeaders(2, 4) } });
    await setup.client.me();
    setup.pool.intercept({ path: "/articles/1", method: "GET" }).reply(200, article("1"), { headers: { ...JSON_HEADERS, ...rateLimitHeaders(1, 4) } });
    setup.pool.intercept({ path: "/articles/2", method: "GET" }).reply(200, article("2"), { headers: { ...JSON_HEADERS, ...rateLimitHeaders(0, 4) } });
    setup.pool.intercept({ path: "/articles/3", method: "GET" }).reply(200, article("3"), { headers: { ...JSON_HEADERS, ...rateLimitHeaders(99, 14) } });
    // Two left in the window, three sent at once: the third must wait for the reset.
    await Promise.all([setup.client.getArticle("1"), setup.client.getArticle("2"), setup.client.getArticle("3")]);
    expect(setup.sleeps).toEqual([4_000]);
    expect(setup.events.every((e) => e.status === 200)).toBe(true);
    expect(setup.events).toHaveLength(4);
  });

  it("logs method, path, status and duration only", async () => {
    setup = createMockSetup();
    setup.pool.intercept({ path: "/me", method: "GET" }).reply(200, { id: "1" }, { headers: JSON_HEADERS });
    await setup.client.me();
    expect(setup.logs).toEqual(["GET /me 200 0ms"]);
  });
});
