import { describe, expect, it } from "vitest";
import { parseMarkdownFile } from "../../src/content/parse-markdown-file.js";
import type { RenderContext, RenderResult } from "../../src/render/types.js";
import { createParseCache } from "../../src/watch/parse-cache.js";
import { createRenderCache } from "../../src/watch/render-cache.js";

function context(file: string, files: ReadonlySet<string>): RenderContext {
  return { file, locale: "en", bodyStartLine: 4, assetBaseUrl: null, project: { contentDir: "content", localesDir: "locales", files } };
}

function countingRenderer() {
  const calls: string[] = [];
  const render = (markdown: string, ctx: RenderContext): RenderResult => {
    calls.push(ctx.file);
    return { html: `<p>${markdown}</p>`, links: [], diagnostics: [] };
  };
  return { calls, render };
}

describe("createRenderCache", () => {
  it("renders an unchanged body once, and a changed body again", () => {
    const { calls, render } = countingRenderer();
    const cache = createRenderCache(render);
    const files = new Set(["content/a.md", "content/b.md"]);
    cache.render("A", context("content/a.md", files));
    cache.render("B", context("content/b.md", files));
    expect(cache.sweep()).toBe(2);

    // The next build makes a new but equal set of files.
    const same = new Set(files);
    expect(cache.render("A", context("content/a.md", same)).html).toBe("<p>A</p>");
    cache.render("B, edited", context("content/b.md", same));
    expect(cache.sweep()).toBe(1);
    expect(calls).toEqual(["content/a.md", "content/b.md", "content/b.md"]);
  });

  it("renders everything again when the set of files changes (links may now resolve differently)", () => {
    const { calls, render } = countingRenderer();
    const cache = createRenderCache(render);
    cache.render("A", context("content/a.md", new Set(["content/a.md"])));
    cache.sweep();
    cache.render("A", context("content/a.md", new Set(["content/a.md", "content/new.md"])));
    expect(cache.sweep()).toBe(1);
    expect(calls).toHaveLength(2);
  });

  it("forgets files that a build no longer rendered", () => {
    const { calls, render } = countingRenderer();
    const cache = createRenderCache(render);
    const files = new Set(["content/a.md", "content/b.md"]);
    cache.render("A", context("content/a.md", files));
    cache.render("B", context("content/b.md", files));
    cache.sweep();
    cache.render("B", context("content/b.md", files));
    cache.sweep();
    cache.render("A", context("content/a.md", files));
    expect(calls).toEqual(["content/a.md", "content/b.md", "content/a.md"]);
  });

  it("hands out copies, so a caller changing a result cannot change the cache", () => {
    const cache = createRenderCache(() => ({ html: "<p>x</p>", links: ["target"], diagnostics: [] }));
    const files = new Set<string>();
    cache.render("x", context("content/a.md", files)).links.push("mutated");
    expect(cache.render("x", context("content/a.md", files)).links).toEqual(["target"]);
  });
});

describe("createParseCache", () => {
  it("parses a file again only when its text changed", () => {
    const parsed: string[] = [];
    const cache = createParseCache((text, file) => {
      parsed.push(file);
      return parseMarkdownFile(text, file);
    });
    const text = "---\ntitle: Hello\n---\nBody\n";
    expect(cache.parse(text, "content/a.md").data).toEqual({ title: "Hello" });
    cache.parse(text, "content/a.md");
    cache.parse(text.replace("Hello", "Hi"), "content/a.md");
    expect(parsed).toEqual(["content/a.md", "content/a.md"]);
  });

  it("drops files that left the tree", () => {
    const parsed: string[] = [];
    const cache = createParseCache((text, file) => {
      parsed.push(file);
      return parseMarkdownFile(text, file);
    });
    cache.parse("---\ntitle: A\n---\n", "content/a.md");
    cache.retain([]);
    cache.parse("---\ntitle: A\n---\n", "content/a.md");
    expect(parsed).toHaveLength(2);
  });
});
