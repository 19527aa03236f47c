import { describe, expect, it } from "vitest";
import { COLLECTION_FIELDS, SOURCE_ARTICLE_FIELDS, TRANSLATED_ARTICLE_FIELDS, validateFrontMatter } from "../../src/model/validate-front-matter.js";

describe("validateFrontMatter", () => {
  it("accepts a complete source article and keeps its values", () => {
    const result = validateFrontMatter({ title: " Hi ", description: "D", state: "published", author_id: 5 }, {}, SOURCE_ARTICLE_FIELDS, "a.md");
    expect(result).toEqual({ values: { title: "Hi", description: "D", state: "published", author_id: 5 }, lists: {}, settings: { names: {}, dates: {} }, diagnostics: [] });
  });

  it("reports every problem at once, each at its key's position", () => {
    const result = validateFrontMatter(
      { titel: "x", state: "publish", author_id: "12", description: ["a"] },
      { titel: { line: 2, column: 1 }, state: { line: 3, column: 1 }, author_id: { line: 4, column: 1 }, description: { line: 5, column: 1 } },
      SOURCE_ARTICLE_FIELDS,
      "a.md",
    );
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.location.line, diagnostic.hint])).toEqual([
      ["frontmatter/unknown-key", "warning", 2, 'Did you mean "title"?'],
      ["frontmatter/invalid-value", "error", 3, 'Did you mean "published"?'],
      ["frontmatter/invalid-type", "error", 4, "Write the id without quotes."],
      ["frontmatter/invalid-type", "error", 5, "Quote the value if it contains special characters."],
      ["frontmatter/missing-field", "error", 1, expect.stringContaining("title")],
    ]);
  });

  it("reads a numeric title as text and treats an empty description as absent", () => {
    const result = validateFrontMatter({ title: 404, description: null }, {}, SOURCE_ARTICLE_FIELDS, "a.md");
    expect(result).toEqual({ values: { title: "404" }, lists: {}, settings: { names: {}, dates: {} }, diagnostics: [] });
  });

  it("rejects an empty required field", () => {
    const result = validateFrontMatter({ name: "  " }, {}, COLLECTION_FIELDS, "_collection.md");
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["frontmatter/missing-field"]);
  });

  it("knows that translations take source_hash but not author_id", () => {
    const result = validateFrontMatter({ title: "T", source_hash: "abc", author_id: 1 }, {}, TRANSLATED_ARTICLE_FIELDS, "fr/a.md");
    expect(result.values).toEqual({ title: "T", source_hash: "abc" });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["frontmatter/unknown-key"]);
  });

  it("rejects a non-integer or negative author id", () => {
    for (const author of [1.5, -3, 0, "abc"]) {
      const result = validateFrontMatter({ title: "T", author_id: author }, {}, SOURCE_ARTICLE_FIELDS, "a.md");
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["frontmatter/invalid-type"]);
    }
  });
});

describe("redirect_from", () => {
  it("keeps a list of paths, URLs and keys with the line of its key, and rejects other forms", () => {
    const ok = validateFrontMatter({ title: "T", redirect_from: ["/old", "https://help.example.com/x", "guides/old.md"] }, { redirect_from: { line: 3, column: 1 } }, SOURCE_ARTICLE_FIELDS, "a.md");
    expect(ok.lists.redirect_from).toEqual({ items: ["/old", "https://help.example.com/x", "guides/old"], line: 3 });
    const bad = validateFrontMatter({ title: "T", redirect_from: ["old page"] }, { redirect_from: { line: 4, column: 1 } }, SOURCE_ARTICLE_FIELDS, "a.md");
    expect(bad.diagnostics.map((d) => [d.code, d.location.line])).toEqual([["frontmatter/invalid-redirect", 4]]);
    const notList = validateFrontMatter({ name: "C", redirect_from: { a: 1 } }, {}, COLLECTION_FIELDS, "_collection.md");
    expect(notList.diagnostics.map((d) => d.code)).toEqual(["frontmatter/invalid-type"]);
  });
});
