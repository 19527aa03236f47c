import { describe, expect, it } from "vitest";
import { createRequestTally } from "../../bench/request-tally.js";

describe("createRequestTally", () => {
  it("counts writes, list pages, other reads, 429s and failures", () => {
    let now = 0;
    const tally = createRequestTally(() => (now += 10));
    tally.onRequest({ method: "GET", path: "/articles?page=1&per_page=50", status: 200, write: false });
    tally.onRequest({ method: "GET", path: "/me", status: 200, write: false });
    tally.onRequest({ method: "POST", path: "/articles", status: 429, write: true });
    tally.onRequest({ method: "POST", path: "/articles", status: 200, write: true });
    tally.onRequest({ method: "PUT", path: "/articles/1", status: null, write: true });
    expect(tally.counts()).toEqual({ requests: 5, writes: 3, listRequests: 1, otherReads: 1, rateLimited: 1, failed: 1 });
    expect(tally.activeSpanMs()).toBe(40);
    // Writes were answered at 30, 40 and 50.
    expect(tally.writeSpanMs()).toBe(20);
  });

  it("reports no span before two requests", () => {
    const tally = createRequestTally(() => 5);
    expect(tally.activeSpanMs()).toBe(0);
    tally.onRequest({ method: "GET", path: "/me", status: 200, write: false });
    expect(tally.activeSpanMs()).toBe(0);
    expect(tally.writeSpanMs()).toBe(0);
  });
});
