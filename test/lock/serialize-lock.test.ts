import { describe, expect, it } from "vitest";
import { SyncError } from "../../src/errors/sync-error.js";
import { parseLock } from "../../src/lock/parse-lock.js";
import { serializeLock } from "../../src/lock/serialize-lock.js";
import { emptyLock, type LockFile } from "../../src/types.js";

function sampleLock(): LockFile {
  return {
    version: 1,
    helpCenterId: "1",
    articles: {
      "welcome": { id: "35", locales: { en: { hash: "h-w", updatedAt: 1700000002 } } },
      "getting-started/install": {
        locales: { fr: { updatedAt: 1700000001, hash: "h-fr" }, en: { hash: "h-en", updatedAt: 1700000000 } },
        id: "34",
      },
    },
    collections: {
      "getting-started/advanced": { id: "13", locales: { en: { hash: "c2", updatedAt: 1700000000 } } },
      "getting-started": { id: "12", locales: { en: { hash: "c1", updatedAt: 1700000000 } } },
    },
  };
}

describe("serializeLock", () => {
  it("writes fixed top-level keys, sorted entries and one entry per line", () => {
    expect(serializeLock(sampleLock())).toMatchInlineSnapshot(`
      "{
        "version": 1,
        "helpCenterId": "1",
        "collections": {
          "getting-started": {"id":"12","locales":{"en":{"hash":"c1","updatedAt":1700000000}}},
          "getting-started/advanced": {"id":"13","locales":{"en":{"hash":"c2","updatedAt":1700000000}}}
        },
        "articles": {
          "getting-started/install": {"id":"34","locales":{"en":{"hash":"h-en","updatedAt":1700000000},"fr":{"hash":"h-fr","updatedAt":1700000001}}},
          "welcome": {"id":"35","locales":{"en":{"hash":"h-w","updatedAt":1700000002}}}
        }
      }
      "
    `);
  });

  it("writes the same text whatever order the entries were added in", () => {
    const a = sampleLock();
    const b: LockFile = {
      ...a,
      articles: Object.fromEntries(Object.entries(a.articles).reverse()),
      collections: Object.fromEntries(Object.entries(a.collections).reverse()),
    };
    expect(serializeLock(b)).toBe(serializeLock(a));
  });

  it("writes an empty lock compactly, ending with a newline", () => {
    expect(serializeLock(emptyLock())).toBe('{\n  "version": 1,\n  "helpCenterId": null,\n  "collections": {},\n  "articles": {}\n}\n');
  });

  it("round-trips through parseLock", () => {
    const lock = sampleLock();
    expect(parseLock(serializeLock(lock), "intercom-sync.lock.json")).toEqual(lock);
    expect(parseLock(serializeLock(emptyLock()), "x")).toEqual(emptyLock());
  });

  it("keeps per-field digests and writes them after hash and updatedAt", () => {
    const lock: LockFile = {
      ...emptyLock(),
      articles: { a: { id: "1", locales: { en: { fields: { title: "t1", body: "b1" }, updatedAt: 5, hash: "h" } } } },
    };
    const text = serializeLock(lock);
    expect(text).toContain('"a": {"id":"1","locales":{"en":{"hash":"h","updatedAt":5,"fields":{"body":"b1","title":"t1"}}}}');
    expect(parseLock(text, "x")).toEqual(lock);
  });

  it("round-trips keys that need escaping", () => {
    const lock: LockFile = { ...emptyLock(), articles: { 'odd "key"/\\ü': { id: "1", locales: {} } } };
    expect(parseLock(serializeLock(lock), "x")).toEqual(lock);
  });
});

describe("parseLock", () => {
  function errorOf(text: string): SyncError {
    try {
      parseLock(text, "docs/intercom-sync.lock.json");
    } catch (error) {
      expect(error).toBeInstanceOf(SyncError);
      return error as SyncError;
    }
    throw new Error("parseLock accepted the text");
  }

  it("refuses a lock written by a newer version", () => {
    const error = errorOf(JSON.stringify({ ...emptyLock(), version: 2, somethingNew: true }));
    expect(error.code).toBe("lock/newer-version");
    expect(error.message).toContain("written by a newer intercom-sync; upgrade");
  });

  it("names the file and line of corrupt JSON", () => {
    const error = errorOf('{\n  "version": 1,\n  "helpCenterId": null,\n  "collections": {,\n}');
    expect(error.code).toBe("lock/invalid-json");
    expect(error.message).toContain("docs/intercom-sync.lock.json");
    expect(error.location).toEqual({ file: "docs/intercom-sync.lock.json", line: 4, column: 19 });
  });

  it("points at an unresolved merge conflict", () => {
    const error = errorOf('{\n  "version": 1,\n<<<<<<< HEAD\n  "helpCenterId": "1",\n=======\n  "helpCenterId": "2",\n>>>>>>> other\n}');
    expect(error.code).toBe("lock/merge-conflict");
    expect(error.location?.line).toBe(3);
  });

  it("rejects a lock of the wrong shape, saying where", () => {
    const error = errorOf(JSON.stringify({ ...emptyLock(), articles: { a: { id: 5, locales: {} } } }));
    expect(error.code).toBe("lock/invalid");
    expect(error.message).toContain("articles.a.id");
  });
});
