import { describe, expect, it } from "vitest";
import { combineFieldHashes } from "../../src/digest/field-hashes.js";
import type { DesiredInternalArticle } from "../../src/model/build-internal-articles.js";
import { hashInternalFields, internalReviewReasons, planInternal, resolveInternalBody, type InternalPlanInput, type RemoteInternalArticle } from "../../src/plan/plan-internal.js";
import { emptyLock, type LockFile } from "../../src/types.js";

function article(overrides: Partial<DesiredInternalArticle> = {}): DesiredInternalArticle {
  return { key: "guide", file: "internal/guide.md", title: "Guide", body: "<p>Hi</p>", links: [], ownerId: 7, authorId: null, ...overrides };
}

function remoteOf(overrides: Partial<RemoteInternalArticle> = {}): RemoteInternalArticle {
  return { id: "50", title: "Guide", body: "<p>Hi</p>", ownerId: 7, authorId: 1, updatedAt: 100, audienceIds: [], fin: { agent: false, copilot: false, salesAgent: false }, ...overrides };
}

function lockWith(desired: DesiredInternalArticle, updatedAt = 100): LockFile {
  const fields = hashInternalFields(desired, {});
  return { ...emptyLock(), internalArticles: { [desired.key]: { id: "50", hash: combineFieldHashes(fields), updatedAt, fields } } };
}

function input(overrides: Partial<InternalPlanInput>): InternalPlanInput {
  return { articles: [], remote: [], lock: emptyLock(), audiences: [], urls: {}, sourceLocale: "en", force: false, onDelete: "unpublish", ...overrides };
}

describe("planInternal", () => {
  it("creates a new file's article with every field it manages, and adopts one of the same title the lock lacks", () => {
    const created = planInternal(input({ articles: [article({ fin: { agent: true } })] }));
    expect(created.items).toMatchObject([{ action: "create", key: "guide", write: true, fields: ["title", "body", "owner", "author", "fin.agent"] }]);
    const adopted = planInternal(input({ articles: [article()], remote: [remoteOf()] }));
    expect(adopted.items).toMatchObject([{ action: "adopt", id: "50", write: true }]);
  });

  it("sends only the changed field, reports drift and conflicts, and overwrites everything with force", () => {
    const pushed = article();
    const edited = article({ title: "Guide v2" });
    expect(planInternal(input({ articles: [pushed], remote: [remoteOf()], lock: lockWith(pushed) })).items).toEqual([]);
    expect(planInternal(input({ articles: [edited], remote: [remoteOf()], lock: lockWith(pushed) })).items).toMatchObject([{ action: "update", fields: ["title"] }]);
    expect(planInternal(input({ articles: [pushed], remote: [remoteOf({ updatedAt: 200 })], lock: lockWith(pushed) })).items).toMatchObject([{ action: "drift", write: false }]);
    const conflict = planInternal(input({ articles: [edited], remote: [remoteOf({ updatedAt: 200 })], lock: lockWith(pushed) }));
    expect(conflict.items).toMatchObject([{ action: "conflict", fields: ["title"], write: false }]);
    expect(conflict.errors.map((error) => error.code)).toEqual(["internal/conflict"]);
    const forced = planInternal(input({ articles: [edited], remote: [remoteOf({ updatedAt: 200 })], lock: lockWith(pushed), force: true }));
    expect(forced.items).toMatchObject([{ action: "update", fields: ["title", "body", "owner", "author"] }]);
    expect(forced.errors).toEqual([]);
  });

  it("resolves audience names without regard to case, and reports an unknown one at its line", () => {
    const named = article({ audiences: { names: ["vip", "Nobody"], line: 4 } });
    const plan = planInternal(input({ articles: [named], audiences: [{ id: "3", name: "VIP" }] }));
    expect(plan.items[0]?.audienceIds).toEqual([3]);
    expect(plan.errors).toMatchObject([{ code: "settings/unknown-audience", location: { file: "internal/guide.md", line: 4 } }]);
  });

  it("warns about a link with no URL yet, and plans an update once the URL is known", () => {
    const linking = article({ body: '<p><a href="intercom-sync:welcome#top">Welcome</a></p>', links: ["welcome"] });
    const first = planInternal(input({ articles: [linking] }));
    expect(first.warnings.map((warning) => warning.code)).toEqual(["internal/link-unresolved"]);
    expect(resolveInternalBody(linking.body, first.items[0]?.linkUrls ?? {})).toBe("<p>Welcome</p>");
    const urls = { welcome: { en: "https://help.example.com/en/articles/1-welcome" } };
    const next = planInternal(input({ articles: [linking], remote: [remoteOf()], lock: lockWith(linking), urls }));
    expect(next.items).toMatchObject([{ action: "update", fields: ["body"] }]);
    expect(resolveInternalBody(linking.body, next.items[0]?.linkUrls ?? {})).toBe('<p><a href="https://help.example.com/en/articles/1-welcome#top">Welcome</a></p>');
  });

  it("deletes a removed file's article only under onDelete: delete, and otherwise forgets it", () => {
    const pushed = article();
    expect(planInternal(input({ remote: [remoteOf()], lock: lockWith(pushed), onDelete: "delete" })).items).toMatchObject([{ action: "delete", id: "50", write: true }]);
    expect(planInternal(input({ remote: [remoteOf()], lock: lockWith(pushed) })).items).toMatchObject([{ action: "forget", write: false }]);
  });
});

describe("internalReviewReasons", () => {
  it("asks before deleting internal articles and before overwriting edits made in Intercom", () => {
    const pushed = article();
    const deletes = planInternal(input({ remote: [remoteOf()], lock: lockWith(pushed), onDelete: "delete" }));
    expect(internalReviewReasons(deletes)).toEqual(["deletes 1 internal article"]);
    const forced = planInternal(input({ articles: [article({ title: "New" })], remote: [remoteOf({ updatedAt: 200 })], lock: lockWith(pushed), force: true }));
    expect(internalReviewReasons(forced)).toEqual(["overwrites edits made in Intercom on 1 internal article (--force)"]);
    expect(internalReviewReasons(planInternal(input({ articles: [article()] })))).toEqual([]);
    expect(internalReviewReasons(undefined)).toEqual([]);
  });
});
