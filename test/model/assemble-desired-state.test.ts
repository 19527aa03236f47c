import { describe, expect, it } from "vitest";
import type { RenderContext } from "../../src/render/types.js";
import { assembleDesiredState } from "../../src/model/assemble-desired-state.js";
import { prepareFile, sourceFilesByKey, summarisingRenderer } from "../../src/model/prepare-file.js";
import { projectFilesOf } from "../../src/model/assemble-desired-state.js";
import { MAX_COLLECTION_DEPTH } from "../../src/model/build-collections.js";
import type { RenderMarkdown } from "../../src/model/build-article-locale.js";
import type { ModelInput, ModelResult, ParsedFile } from "../../src/model/types.js";
import { digestText, summariseBody } from "../../src/digest/body-summary.js";

/** A parsed file as parseMarkdownFile would return it, for a path under `content/` or `locales/<code>/`. */
function file(file: string, data: Record<string, unknown> | null, body = "Some text.\n"): ParsedFile {
  const match = /^locales\/([^/]+)\/(.*)$/.exec(file);
  const [locale, relativePath] = match ? [match[1] as string, match[2] as string] : ["en", file.replace(/^content\//, "")];
  return { file, locale, relativePath, data, positions: {}, body, bodyStartLine: 4 };
}

/** The model's input before its files are prepared. */
type ParsedInput = Omit<ModelInput, "files"> & { files: ParsedFile[] };

function input(files: ParsedFile[], overrides: Partial<ParsedInput> = {}): ParsedInput {
  const locales = [...new Set(files.map((parsed) => parsed.locale).filter((locale) => locale !== "en"))].sort();
  return {
    sourceLocale: "en",
    locales,
    contentDir: "content",
    localesDir: "locales",
    files,
    otherFiles: [],
    defaultState: "draft",
    assetBaseUrl: null,
    ...overrides,
  };
}

/** Prepares every parsed file (render, summarise), then assembles: the model without any file source. */
function buildDesiredState(parsed: ParsedInput, render: RenderMarkdown, options: { keepHtml?: boolean } = {}): ModelResult {
  const context = {
    sourceLocale: parsed.sourceLocale,
    project: projectFilesOf(parsed),
    assetBaseUrl: parsed.assetBaseUrl,
    sourceFiles: sourceFilesByKey(parsed.files, parsed.sourceLocale),
    renderBody: summarisingRenderer(render, options.keepHtml ?? false),
  };
  return assembleDesiredState({ ...parsed, files: parsed.files.map((file) => prepareFile(file, context)) });
}

/** A renderer that records its calls and wraps the markdown, so tests see exactly what it got. */
function recordingRenderer(): { render: RenderMarkdown; calls: Array<{ markdown: string; context: RenderContext }> } {
  const calls: Array<{ markdown: string; context: RenderContext }> = [];
  return {
    calls,
    render: (markdown, context) => {
      calls.push({ markdown, context });
      return { html: `<p>${markdown.trim()}</p>`, links: [], diagnostics: [] };
    },
  };
}

const codes = (result: { diagnostics: Array<{ code: string }> }) => result.diagnostics.map((diagnostic) => diagnostic.code);

describe("assembleDesiredState", () => {
  it("creates collections from folders, parents first, and articles sorted by key", () => {
    const { render } = recordingRenderer();
    const result = buildDesiredState(
      input([
        file("content/z.md", { title: "Z" }),
        file("content/guide/advanced/_collection.md", { name: "Advanced" }, ""),
        file("content/guide/advanced/tune.md", { title: "Tune" }),
        file("content/guide/_collection.md", { name: "Guide", description: "All of it" }, ""),
        file("content/guide/start.md", { title: "Start" }),
      ]),
      render,
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.state.collections).toEqual([
      { key: "guide", parentKey: null, locales: { en: { file: "content/guide/_collection.md", name: "Guide", description: "All of it" } } },
      { key: "guide/advanced", parentKey: "guide", locales: { en: { file: "content/guide/advanced/_collection.md", name: "Advanced", description: "" } } },
    ]);
    expect(result.state.articles.map((article) => [article.key, article.parentKey])).toEqual([
      ["guide/advanced/tune", "guide/advanced"],
      ["guide/start", "guide"],
      ["z", null],
    ]);
  });

  it("applies front matter and the configured default state", () => {
    const { render } = recordingRenderer();
    const result = buildDesiredState(
      input([
        file("content/a.md", { title: "A", description: "About A", state: "published", author_id: 7 }),
        file("content/b.md", { title: "B" }),
      ]),
      render,
    );
    const [a, b] = result.state.articles;
    expect(a?.locales.en).toEqual({
      file: "content/a.md",
      title: "A",
      description: "About A",
      ...summariseBody("<p>Some text.</p>"),
      state: "published",
      stateFrom: "front matter",
      authorId: 7,
      links: [],
    });
    expect(b?.locales.en).toMatchObject({ state: "draft", stateFrom: "defaultState", authorId: null, description: "" });
  });

  it("keeps a summary of each body, and its HTML only when asked", () => {
    const { render } = recordingRenderer();
    const files = [file("content/a.md", { title: "A" }, "[B](b.md) and [out](https://example.com)\n"), file("content/b.md", { title: "B" })];
    const render2: RenderMarkdown = (markdown, context) => ({ ...render(markdown, context), html: '<p><a href="intercom-sync:b">B</a> <a href="https://example.com">out</a></p>' });
    const lean = buildDesiredState(input(files), render2).state.articles[0]?.locales.en;
    expect(lean?.html).toBeUndefined();
    expect(lean).not.toHaveProperty("body");
    expect(lean?.hrefs).toEqual(["intercom-sync:b", "https://example.com"]);
    expect(lean?.textDigest).toBe(digestText("B out"));
    const kept = buildDesiredState(input(files), render2, { keepHtml: true }).state.articles[0]?.locales.en;
    expect(kept?.html).toBe('<p><a href="intercom-sync:b">B</a> <a href="https://example.com">out</a></p>');
    expect(kept?.digest).toBe(lean?.digest);
  });

  it("renders every locale with the right context", () => {
    const { render, calls } = recordingRenderer();
    buildDesiredState(
      input(
        [file("content/guide/a.md", { title: "A" }, "Source body\n"), file("locales/fr/guide/a.md", { title: "A fr" }, "Corps\n")],
        { otherFiles: ["content/guide/img.png"], assetBaseUrl: "https://cdn.example.com/" },
      ),
      render,
    );
    expect(calls.map((call) => call.context.file)).toEqual(["content/guide/a.md", "locales/fr/guide/a.md"]);
    const translation = calls[1]?.context;
    expect(translation).toMatchObject({ locale: "fr", sourceFile: "content/guide/a.md", bodyStartLine: 4, assetBaseUrl: "https://cdn.example.com/" });
    expect(calls[0]?.context.sourceFile).toBeUndefined();
    expect([...(translation?.project.files ?? [])].sort()).toEqual(["content/guide/a.md", "content/guide/img.png", "locales/fr/guide/a.md"]);
    expect(translation?.project).toMatchObject({ contentDir: "content", localesDir: "locales" });
  });

  it("merges the renderer's diagnostics", () => {
    const render: RenderMarkdown = (_markdown, context) => ({
      html: "",
      links: ["other"],
      diagnostics: [{ code: "render/broken-link", severity: "error", message: "nope", location: { file: context.file, line: 9 } }],
    });
    const result = buildDesiredState(input([file("content/a.md", { title: "A" })]), render);
    expect(codes(result)).toEqual(["render/broken-link"]);
    expect(result.state.articles[0]?.locales.en?.links).toEqual(["other"]);
  });

  it("attaches translations by relative path; a translation defaults to its source's state and author", () => {
    const { render } = recordingRenderer();
    const result = buildDesiredState(
      input([
        file("content/guide/_collection.md", { name: "Guide" }, ""),
        file("content/guide/a.md", { title: "A", state: "published", author_id: 3 }),
        file("locales/de/guide/_collection.md", { name: "Leitfaden" }, ""),
        file("locales/de/guide/a.md", { title: "A de", source_hash: "abc" }),
        file("locales/fr/guide/a.md", { title: "A fr", state: "draft" }),
      ]),
      render,
    );
    expect(result.diagnostics).toEqual([]);
    const article = result.state.articles[0];
    expect(Object.keys(article?.locales ?? {})).toEqual(["en", "de", "fr"]);
    expect(article?.locales.de).toMatchObject({ title: "A de", state: "published", authorId: 3, sourceHash: "abc" });
    expect(article?.locales.fr).toMatchObject({ state: "draft", authorId: 3 });
    expect(result.state.collections[0]?.locales.de).toEqual({ file: "locales/de/guide/_collection.md", name: "Leitfaden", description: "" });
    expect(result.state.locales).toEqual(["en", "de", "fr"]);
  });

  it("warns about and skips translations without a source", () => {
    const result = buildDesiredState(
      input([file("content/a.md", { title: "A" }), file("locales/fr/b.md", { title: "B" }), file("locales/fr/x/_collection.md", { name: "X" }, "")]),
      recordingRenderer().render,
    );
    expect(codes(result)).toEqual(["translation/no-source", "translation/no-source-collection"]);
    expect(result.diagnostics.every((diagnostic) => diagnostic.severity === "warning")).toBe(true);
    expect(Object.keys(result.state.articles[0]?.locales ?? {})).toEqual(["en"]);
  });

  it("does not cascade: a source whose front matter failed gets no translation warnings", () => {
    const result = buildDesiredState(input([file("content/a.md", null), file("locales/fr/a.md", { title: "A" })]), recordingRenderer().render);
    expect(result.diagnostics).toEqual([]);
    expect(result.state.articles).toEqual([]);
  });

  it("humanises the name of a folder without _collection.md, with a warning that says so", () => {
    const result = buildDesiredState(input([file("content/getting-started/a.md", { title: "A" })]), recordingRenderer().render);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "collection/missing-file", severity: "warning", location: { file: "content/getting-started" } })]);
    expect(result.diagnostics[0]?.message).toContain('"Getting started"');
    expect(result.state.collections[0]?.locales.en?.name).toBe("Getting started");
  });

  it("creates intermediate collections for folders that hold only sub-folders", () => {
    const result = buildDesiredState(
      input([file("content/a/_collection.md", { name: "A" }, ""), file("content/a/b/_collection.md", { name: "B" }, ""), file("content/a/b/x.md", { title: "X" })]),
      recordingRenderer().render,
    );
    expect(result.state.collections.map((collection) => collection.key)).toEqual(["a", "a/b"]);
  });

  it(`allows ${MAX_COLLECTION_DEPTH} levels of collections and rejects one more`, () => {
    const okay = buildDesiredState(input([file("content/a/b/c/x.md", { title: "X" })]), recordingRenderer().render);
    expect(codes(okay)).not.toContain("collection/too-deep");
    const deep = buildDesiredState(input([file("content/a/b/c/d/x.md", { title: "X" }), file("content/a/b/c/d/e/y.md", { title: "Y" })]), recordingRenderer().render);
    expect(codes(deep).filter((code) => code === "collection/too-deep")).toHaveLength(1);
  });

  it("rejects keys that differ only by case", () => {
    const result = buildDesiredState(input([file("content/Install.md", { title: "A" }), file("content/install.md", { title: "B" })]), recordingRenderer().render);
    expect(codes(result)).toEqual(["key/case-collision"]);
    expect(result.diagnostics[0]?.location.file).toBe("content/install.md");
  });

  it("rejects two files whose names differ only in Unicode normalisation", () => {
    const nfc = "caf\u00e9.md";
    const nfd = "cafe\u0301.md";
    const result = buildDesiredState(input([file(`content/${nfc}`, { title: "A" }), file(`content/${nfd}`, { title: "B" })]), recordingRenderer().render);
    expect(codes(result)).toEqual(["key/duplicate"]);
    expect(result.state.articles).toHaveLength(1);
    expect(result.state.articles[0]?.key).toBe("caf\u00e9");
  });

  it("rejects folders that differ only by case", () => {
    const result = buildDesiredState(
      input([file("content/Guide/a.md", { title: "A" }), file("content/guide/b.md", { title: "B" })]),
      recordingRenderer().render,
    );
    expect(codes(result)).toContain("key/case-collision");
  });

  it("rejects an article next to a folder of the same name", () => {
    const result = buildDesiredState(
      input([file("content/a.md", { title: "A" }), file("content/a/_collection.md", { name: "A" }, ""), file("content/a/b.md", { title: "B" })]),
      recordingRenderer().render,
    );
    expect(codes(result)).toEqual(["key/article-collection-clash"]);
  });

  it("warns about an empty body and a _collection.md with text", () => {
    const result = buildDesiredState(
      input([file("content/a.md", { title: "A" }, "\n  \n"), file("content/g/_collection.md", { name: "G" }, "Some text"), file("content/g/b.md", { title: "B" })]),
      recordingRenderer().render,
    );
    expect(codes(result).sort()).toEqual(["article/empty-body", "collection/body-ignored"]);
  });

  it("hashes the source text, unchanged by trailing whitespace and line endings", () => {
    const { render } = recordingRenderer();
    const one = buildDesiredState(input([file("content/a.md", { title: "A" }, "Line one\nLine two\n")]), render);
    const two = buildDesiredState(input([file("content/a.md", { title: "A" }, "Line one   \r\nLine two\n\n\n")]), render);
    const three = buildDesiredState(input([file("content/a.md", { title: "A" }, "Line one\nLine 2\n")]), render);
    expect(one.state.articles[0]?.sourceTextHash).toMatch(/^[0-9a-f]{64}$/);
    expect(two.state.articles[0]?.sourceTextHash).toBe(one.state.articles[0]?.sourceTextHash);
    expect(three.state.articles[0]?.sourceTextHash).not.toBe(one.state.articles[0]?.sourceTextHash);
  });

  it("is deterministic whatever the input order", () => {
    const files = [
      file("content/b/_collection.md", { name: "B" }, ""),
      file("content/b/x.md", { title: "X" }),
      file("content/a/_collection.md", { name: "A" }, ""),
      file("content/a/y.md", { title: "Y" }),
      file("content/c.md", { title: "C" }),
    ];
    const { render } = recordingRenderer();
    const forward = buildDesiredState(input(files), render);
    const backward = buildDesiredState(input([...files].reverse()), render);
    expect(backward.state).toEqual(forward.state);
  });
});
