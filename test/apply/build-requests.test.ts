import { describe, expect, it } from "vitest";
import { buildArticleCreate, buildArticleUpdate, buildCollectionCreate, buildCollectionUpdate } from "../../src/apply/build-requests.js";

const en = { title: "Hello", description: "d", body: "<p>b</p>", state: "published" as const, authorId: null };
const fr = { title: "Bonjour", description: "", body: "<p>fr</p>", state: "draft" as const, authorId: 12 };

describe("request builders", () => {
  it("puts the default locale at the top level of a create and the rest under translated_content", () => {
    expect(buildArticleCreate({ content: { en, fr }, defaultLocale: "en", sourceLocale: "en", defaultAuthorId: 7, parentId: "42" })).toEqual({
      title: "Hello",
      description: "d",
      body: "<p>b</p>",
      author_id: 7,
      state: "published",
      parent_id: 42,
      parent_type: "collection",
      translated_content: { fr: { title: "Bonjour", description: "", body: "<p>fr</p>", author_id: 12, state: "draft" } },
    });
  });

  it("sends only the given fields on an update, with parent_id as a string", () => {
    expect(buildArticleUpdate({ en: { state: "draft" }, fr: { title: "Salut" } }, { defaultLocale: "en", defaultAuthorId: 7, parentId: "5" })).toEqual({
      state: "draft",
      translated_content: { fr: { title: "Salut" } },
      parent_id: "5",
      parent_type: "collection",
    });
  });

  it("resolves the default author only when the author field is sent", () => {
    expect(buildArticleUpdate({ en: { authorId: null } }, { defaultLocale: "en", defaultAuthorId: 7 })).toEqual({ author_id: 7 });
  });

  it("gives help_center_id only to top-level collections", () => {
    const content = { en: { name: "Guides", description: "" } };
    expect(buildCollectionCreate({ content, defaultLocale: "en", sourceLocale: "en", parentId: null, helpCenterId: "3" })).toEqual({
      name: "Guides",
      description: "",
      parent_id: null,
      help_center_id: 3,
    });
    expect(buildCollectionCreate({ content, defaultLocale: "en", sourceLocale: "en", parentId: "9", helpCenterId: "3" })).toEqual({
      name: "Guides",
      description: "",
      parent_id: "9",
    });
  });

  it("can move a collection to the top level", () => {
    expect(buildCollectionUpdate({}, { defaultLocale: "en", parentId: null })).toEqual({ parent_id: null });
  });

  it("refuses an id the API cannot take as an integer", () => {
    expect(() => buildCollectionCreate({ content: { en: { name: "x", description: "" } }, defaultLocale: "en", sourceLocale: "en", parentId: null, helpCenterId: "hc" })).toThrow(
      /not an integer/,
    );
  });
});
