import { describe, expect, it } from "vitest";
import type { WireArticle, WireCollection } from "../../src/intercom/wire.js";
import type { RemoteState } from "../../src/types.js";
import { foldRemoteWrites } from "../../src/watch/fold-writes.js";

function wireArticle(id: string, title: string, updatedAt: number, parent: number | null = null): WireArticle {
  const content = { type: "article_content" as const, title, description: "", body: `<p>${title}</p>`, author_id: 1, state: "published" as const, created_at: 1, updated_at: updatedAt, url: `https://help.example/${id}` };
  return {
    type: "article",
    id,
    workspace_id: "w",
    title,
    description: "",
    body: content.body,
    author_id: 1,
    state: "published",
    created_at: 1,
    updated_at: updatedAt,
    url: content.url,
    parent_ids: parent === null ? [] : [parent],
    default_locale: "en",
    translated_content: { type: "article_translated_content", en: content },
  };
}

function wireCollection(id: string, name: string, parent: string | null): WireCollection {
  return {
    id,
    workspace_id: "w",
    name,
    description: "",
    created_at: 1,
    updated_at: 5,
    url: null,
    icon: null,
    order: 1,
    default_locale: "en",
    translated_content: { type: "group_translated_content", en: { type: "group_content", name, description: "" } },
    parent_id: parent,
    help_center_id: null,
  };
}

const remote: RemoteState = {
  helpCenter: { id: "7", identifier: "hc", displayName: "HC", url: "https://help.example", isDefault: true, locales: ["en"] },
  collections: [],
  articles: [
    { id: "1", parentId: null, defaultLocale: "en", updatedAt: 10, locales: { en: { title: "Old", description: "", body: "", state: "published", authorId: 1, updatedAt: 10, url: "u" } } },
    { id: "2", parentId: null, defaultLocale: "en", updatedAt: 10, locales: {} },
  ],
};

describe("foldRemoteWrites", () => {
  it("replaces an updated article with what Intercom answered, keeping the others", () => {
    const folded = foldRemoteWrites(remote, [{ kind: "article", response: wireArticle("1", "New", 20) }]);
    expect(folded.articles.map((a) => a.id)).toEqual(["1", "2"]);
    expect(folded.articles[0]?.locales.en).toMatchObject({ title: "New", updatedAt: 20, url: "https://help.example/1" });
    // Pure: the input is untouched.
    expect(remote.articles[0]?.locales.en?.title).toBe("Old");
  });

  it("adds created items, in the help center's tree, and removes deleted ones", () => {
    const folded = foldRemoteWrites(remote, [
      { kind: "collection", response: wireCollection("30", "Guides", null) },
      { kind: "collection", response: wireCollection("31", "Advanced", "30") },
      { kind: "article", response: wireArticle("3", "Created", 30, 31) },
      { kind: "article-deleted", id: "2" },
    ]);
    expect(folded.collections.map((c) => [c.id, c.parentId, c.helpCenterId])).toEqual([
      ["30", null, "7"],
      ["31", "30", "7"],
    ]);
    expect(folded.articles.map((a) => [a.id, a.parentId])).toEqual([
      ["1", null],
      ["3", "31"],
    ]);
    expect(foldRemoteWrites(folded, [{ kind: "collection-deleted", id: "31" }]).collections.map((c) => c.id)).toEqual(["30"]);
  });

  it("applies answers in arrival order, so the last write of an item wins", () => {
    const folded = foldRemoteWrites(remote, [
      { kind: "article", response: wireArticle("1", "First", 20) },
      { kind: "article", response: wireArticle("1", "Second", 21) },
    ]);
    expect(folded.articles.filter((a) => a.id === "1").map((a) => a.locales.en?.title)).toEqual(["Second"]);
  });
});
