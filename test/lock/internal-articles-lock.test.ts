import { describe, expect, it } from "vitest";
import { parseLock } from "../../src/lock/parse-lock.js";
import { serializeLock } from "../../src/lock/serialize-lock.js";
import { emptyLock, type LockFile } from "../../src/types.js";

describe("the lock's internalArticles", () => {
  it("reads a lock written before internal articles existed, and writes it back byte for byte", () => {
    const text = serializeLock({ ...emptyLock(), helpCenterId: "1", urls: { gone: { en: "https://help.example.com/en/articles/1-gone" } } });
    const lock = parseLock(text, "intercom-sync.lock.json");
    expect(lock.internalArticles).toBeUndefined();
    expect(serializeLock(lock)).toBe(text);
    expect(text).not.toContain("internalArticles");
  });

  it("round-trips internal entries after the other maps, keys sorted", () => {
    const lock: LockFile = {
      ...emptyLock(),
      helpCenterId: "1",
      redirects: { "https://help.example.com/old": { id: "9", targetType: "article", key: "a", locale: "en" } },
      internalArticles: {
        "z/last": { id: "60", hash: "h2", updatedAt: 2, fields: { title: "t2" } },
        guide: { id: "50", hash: "h1", updatedAt: 1, fields: { title: "t1", body: "b1" } },
      },
    };
    const text = serializeLock(lock);
    expect(text.indexOf('"redirects"')).toBeLessThan(text.indexOf('"internalArticles"'));
    expect(text.indexOf('"guide"')).toBeLessThan(text.indexOf('"z/last"'));
    expect(parseLock(text, "intercom-sync.lock.json")).toEqual(lock);
    expect(() => JSON.parse(text) as unknown).not.toThrow();
  });
});
