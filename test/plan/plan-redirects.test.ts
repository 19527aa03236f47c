import { describe, expect, it } from "vitest";
import type { DesiredRedirect } from "../../src/model/collect-redirects.js";
import { planRedirects, removedArticleUrls, type RedirectPlanInput } from "../../src/plan/plan-redirects.js";
import { emptyLock, type LockFile } from "../../src/types.js";

const BASE = "https://intercom.help/acme";

function wanted(from: string, targetKey = "guides/new", form: DesiredRedirect["form"] = from.startsWith("/") ? "path" : from.startsWith("http") ? "url" : "key"): DesiredRedirect {
  return { from, form, file: `content/${targetKey}.md`, line: 2, locale: "en", targetType: "article", targetKey };
}

function input(overrides: Partial<RedirectPlanInput> = {}): RedirectPlanInput {
  const lock: LockFile = { ...emptyLock(), articles: { "guides/new": { id: "11", locales: {} } } };
  return { wanted: [], helpCenter: { url: BASE, customDomain: "help.acme.com" }, sourceLocale: "en", lock, remote: [], knownUrls: {}, ...overrides };
}

const ids = (_type: "article" | "collection", key: string): string | undefined => (key === "guides/new" ? "11" : undefined);

describe("planRedirects", () => {
  it("resolves paths against the help center URL and accepts its custom domain", () => {
    const plan = planRedirects(input({ wanted: [wanted("/old"), wanted("https://help.acme.com/en/x")] }), ids);
    expect(plan.creates.map((c) => c.fromUrl)).toEqual([`${BASE}/old`, "https://help.acme.com/en/x"]);
    expect(plan.errors).toEqual([]);
  });

  it("records a redirect Intercom already holds with the same target, and never deletes one it does not own", () => {
    const remote = [
      { id: "1", fromUrl: `${BASE}/same`, locale: "en", targetType: "article" as const, targetId: "11" },
      { id: "2", fromUrl: `${BASE}/foreign`, locale: "en", targetType: "article" as const, targetId: "99" },
    ];
    const plan = planRedirects(input({ wanted: [wanted("/same")], remote }), ids);
    expect(plan.record).toEqual({ [`${BASE}/same`]: { id: "1", targetType: "article", key: "guides/new", locale: "en" } });
    expect(plan.creates).toEqual([]);
    expect(plan.deletes).toEqual([]);
  });

  it("deletes an owned redirect that moved to another target before creating it again", () => {
    const base = input();
    const lock: LockFile = { ...base.lock, redirects: { [`${BASE}/old`]: { id: "5", targetType: "article", key: "guides/other", locale: "en" } } };
    const remote = [{ id: "5", fromUrl: `${BASE}/old`, locale: "en", targetType: "article" as const, targetId: "12" }];
    const plan = planRedirects({ ...base, lock, remote, wanted: [wanted("/old")] }, ids);
    expect(plan.deletes).toEqual([{ fromUrl: `${BASE}/old`, id: "5" }]);
    expect(plan.creates.map((c) => c.fromUrl)).toEqual([`${BASE}/old`]);
  });

  it("takes a removed article's URL from the lock, and reports keys with no known URL and foreign URLs at file:line", () => {
    const base = input();
    const lock: LockFile = { ...base.lock, urls: { "guides/gone": { en: `${BASE}/en/articles/7-gone` } } };
    const plan = planRedirects({ ...base, lock, wanted: [wanted("guides/gone"), wanted("guides/never"), wanted("https://other.example/x")] }, ids);
    expect(plan.creates.map((c) => c.fromUrl)).toEqual([`${BASE}/en/articles/7-gone`]);
    expect(plan.errors.map((e) => [e.code, e.location.file, e.location.line])).toEqual([
      ["redirect/unknown-key", "content/guides/new.md", 2],
      ["redirect/outside-help-center", "content/guides/new.md", 2],
    ]);
  });
});

describe("removedArticleUrls", () => {
  it("keeps the URLs of articles that left the tree, and forgets those back in it", () => {
    const lock: LockFile = { ...emptyLock(), urls: { back: { en: "u1" } } };
    expect(removedArticleUrls(lock, { gone: { en: "u2" }, here: { en: "u3" } }, new Set(["here", "back"]))).toEqual({ gone: { en: "u2" } });
    expect(removedArticleUrls(emptyLock(), { here: { en: "u3" } }, new Set(["here"]))).toBeUndefined();
  });
});
