import { describe, expect, it } from "vitest";
import { SyncError } from "../../src/errors/sync-error.js";
import type { IntercomApi } from "../../src/remote/api.js";
import { fetchRemoteState } from "../../src/remote/fetch-remote-state.js";
import { toRemoteState } from "../../src/remote/to-remote-state.js";
import { article, collection, helpCenter } from "./fixtures.js";

const helpCenters = [helpCenter("1", { default: true }), helpCenter("2")];
const collections = [
  collection("10", { help_center_id: 1 }),
  collection("11", { parent_id: "10" }),
  collection("12", { parent_id: "11" }),
  collection("20", { help_center_id: 2 }),
  collection("21", { parent_id: "20" }),
];
const articles = [
  article("100", { parent_ids: [12] }),
  article("101", { parent_ids: [21] }),
  article("102", { parent_ids: [] }),
  article("103", { parent_ids: [10, 20] }),
];

describe("toRemoteState", () => {
  it("picks the default help center when none is configured", () => {
    const state = toRemoteState(helpCenters, collections, articles, null);
    expect(state.helpCenter).toMatchObject({ id: "1", isDefault: true, locales: ["en", "fr"], displayName: "Help center 1" });
  });

  it("attributes nested collections with help_center_id null to their root's help center", () => {
    const state = toRemoteState(helpCenters, collections, articles, "1");
    expect(state.collections.map((c) => c.id)).toEqual(["10", "11", "12"]);
    expect(state.collections.every((c) => c.helpCenterId === "1")).toBe(true);
    expect(state.collections.find((c) => c.id === "12")?.parentId).toBe("11");
    const other = toRemoteState(helpCenters, collections, articles, "2");
    expect(other.collections.map((c) => c.id)).toEqual(["20", "21"]);
  });

  it("keeps articles of its collections and articles with no collection, not those of another help center", () => {
    const state = toRemoteState(helpCenters, collections, articles, "1");
    expect(state.articles.map((a) => a.id)).toEqual(["100", "102", "103"]);
    expect(state.articles.map((a) => a.parentId)).toEqual(["12", null, "10"]);
  });

  it("lists the existing help centers when the configured one is unknown", () => {
    expect(() => toRemoteState(helpCenters, collections, articles, "99")).toThrow(SyncError);
    try {
      toRemoteState(helpCenters, collections, articles, "99");
    } catch (error) {
      expect((error as SyncError).message).toContain("99");
      expect((error as SyncError).hint).toContain("1 (Help center 1), 2 (Help center 2)");
    }
  });

  it("reads locales from translated_content, skipping the type key and empty locales", () => {
    const wire = article("5", {
      default_locale: "en",
      translated_content: {
        type: "article_translated_content",
        en: { type: "article_content", title: "Hi", description: "d", body: "<p>x</p>", author_id: 3, state: "published", created_at: 1, updated_at: 50, url: "u-en" },
        fr: { type: "article_content", title: "Salut", description: "", body: "<p>y</p>", author_id: 3, state: "draft", created_at: 1, updated_at: 60, url: "u-fr" },
        de: null,
      },
    });
    const [remote] = toRemoteState(helpCenters, [], [wire], null).articles;
    expect(Object.keys(remote?.locales ?? {}).sort()).toEqual(["en", "fr"]);
    expect(remote?.locales["fr"]).toEqual({ title: "Salut", description: "", body: "<p>y</p>", state: "draft", authorId: 3, updatedAt: 60, url: "u-fr" });
  });

  it("falls back to the top-level fields for the default locale when translated_content is null", () => {
    const [remote] = toRemoteState(
      helpCenters,
      [collection("10", { help_center_id: 1, name: "Start", description: null, default_locale: "de" })],
      [article("6", { title: "T", body: null, state: "published", default_locale: "de", updated_at: 77 })],
      null,
    ).articles;
    expect(remote?.locales).toEqual({ de: { title: "T", description: "", body: "", state: "published", authorId: 7, updatedAt: 77, url: "" } });
    const state = toRemoteState(helpCenters, [collection("10", { help_center_id: 1, name: "Start", default_locale: "de" })], [], null);
    expect(state.collections[0]?.locales).toEqual({ de: { name: "Start", description: "" } });
  });

  it("excludes collections whose parent chain is broken or cyclic", () => {
    const state = toRemoteState(
      helpCenters,
      [collection("30", { parent_id: "404" }), collection("31", { parent_id: "32" }), collection("32", { parent_id: "31" })],
      [],
      "1",
    );
    expect(state.collections).toEqual([]);
  });
});

describe("fetchRemoteState", () => {
  it("lists help centers, collections and articles once each", async () => {
    const calls: string[] = [];
    const api = {
      listHelpCenters: async () => (calls.push("helpCenters"), helpCenters),
      listCollections: async () => (calls.push("collections"), collections),
      listArticles: async () => (calls.push("articles"), articles),
    } as Partial<IntercomApi> as IntercomApi;
    const state = await fetchRemoteState(api, { helpCenterId: "2" });
    expect(calls.sort()).toEqual(["articles", "collections", "helpCenters"]);
    expect(state.helpCenter.id).toBe("2");
    expect(state.articles.map((a) => a.id)).toEqual(["101", "102"]);
  });
});
