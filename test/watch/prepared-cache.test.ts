import { describe, expect, it } from "vitest";
import { buildDesiredState, type BuildOptions, type LoadedState, type PrepareText } from "../../src/load/build-desired-state.js";
import { memorySource } from "../../src/load/memory-source.js";
import type { ContentFile, ContentTree } from "../../src/content/types.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import type { RenderContext } from "../../src/render/types.js";
import { createPreparedCache, KEEP_HTML_PER_BUILD } from "../../src/watch/prepared-cache.js";

const config = { defaultState: "draft" as const, assetBaseUrl: null };

function buildFromTree(source: ContentTree, options: BuildOptions & { prepare?: PrepareText }): Promise<LoadedState> {
  return buildDesiredState(memorySource(source, options.prepare), config, options);
}

function file(path: string, text: string): ContentFile {
  const [root, ...rest] = path.split("/");
  const locale = root === "content" ? "en" : (rest.shift() ?? "");
  return { file: path, locale, relativePath: rest.join("/"), text };
}

function tree(files: ContentFile[], assets: string[] = []): ContentTree {
  const locales = [...new Set(files.filter((f) => f.locale !== "en").map((f) => f.locale))].sort();
  return { sourceLocale: "en", contentDir: "content", localesDir: "locales", locales, markdown: [...files].sort((a, b) => (a.file < b.file ? -1 : 1)), unreadable: [], assets, diagnostics: [] };
}

function article(title: string, body: string): string {
  return `---\ntitle: ${title}\n---\n${body}\n`;
}

/** The real renderer, counting the files it renders. */
function countingRender() {
  const rendered: string[] = [];
  const render = (markdown: string, context: RenderContext) => {
    rendered.push(context.file);
    return renderMarkdown(markdown, context);
  };
  return { rendered, render };
}

describe("createPreparedCache", () => {
  it("prepares an unchanged file once and hands back the same result; a changed file is prepared again", async () => {
    const { rendered, render } = countingRender();
    const cache = createPreparedCache(render);
    const a = file("content/a.md", article("A", "Alpha"));
    const b = file("content/b.md", article("B", "Beta"));
    const first = await buildFromTree(tree([a, b]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(2);

    const edited = file("content/b.md", article("B", "Beta, edited"));
    const second = await buildFromTree(tree([a, edited]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(1);
    expect(rendered).toEqual(["content/a.md", "content/b.md", "content/b.md"]);
    expect(second.state.articles.find((x) => x.key === "a")?.locales.en?.digest).toBe(first.state.articles.find((x) => x.key === "a")?.locales.en?.digest);
    expect(second.state.articles.find((x) => x.key === "b")?.locales.en?.digest).not.toBe(first.state.articles.find((x) => x.key === "b")?.locales.en?.digest);
  });

  it("prepares again only the files whose link or image targets appeared or went away", async () => {
    const { rendered, render } = countingRender();
    const cache = createPreparedCache(render);
    const linking = file("content/a.md", article("A", "See [the guide](guide.md) and ![logo](logo.png)."));
    const other = file("content/b.md", article("B", "No links here."));
    await buildFromTree(tree([linking, other]), { render, prepare: cache.prepare });
    cache.sweep();

    const built = await buildFromTree(tree([linking, other, file("content/guide.md", article("Guide", "Text"))]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(2);
    expect(rendered.slice(2).sort()).toEqual(["content/a.md", "content/guide.md"]);
    expect(built.diagnostics.filter((d) => d.location.file === "content/a.md").map((d) => d.code)).toEqual(["render/missing-image"]);

    await buildFromTree(tree([linking, other, file("content/guide.md", article("Guide", "Text"))], ["content/logo.png"]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(1);
    expect(rendered.at(-1)).toBe("content/a.md");
  });

  it("prepares a translation again when the source file it resolves paths against changes", async () => {
    const { rendered, render } = countingRender();
    const cache = createPreparedCache(render);
    const translation = file("locales/fr/guide.md", article("Guide FR", "Texte"));
    await buildFromTree(tree([file("content/guide.md", article("Guide", "Text")), translation]), { render, prepare: cache.prepare });
    cache.sweep();
    await buildFromTree(tree([file("content/guide.md", article("Guide", "Text")), translation]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(0);
    // The source is gone: the translation is no longer rendered at all (the model reports it).
    const built = await buildFromTree(tree([translation]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(1);
    expect(rendered).toEqual(["content/guide.md", "locales/fr/guide.md"]);
    expect(built.diagnostics.map((d) => d.location.file)).toContain("locales/fr/guide.md");
  });

  it("keeps the HTML of the files it prepares afresh, for that build only, and of no more than a few", async () => {
    const cache = createPreparedCache();
    const many = Array.from({ length: KEEP_HTML_PER_BUILD + 5 }, (_, i) => file(`content/a${i}.md`, article(`A${i}`, `Text ${i}`)));
    const first = await buildFromTree(tree(many), { prepare: cache.prepare });
    cache.sweep();
    expect(first.state.articles.filter((a) => a.locales.en?.html !== undefined)).toHaveLength(KEEP_HTML_PER_BUILD);
    const edited = many.map((f, i) => (i === 3 ? file(f.file, article("A3", "Edited")) : f));
    const second = await buildFromTree(tree(edited), { prepare: cache.prepare });
    cache.sweep();
    expect(second.state.articles.filter((a) => a.locales.en?.html !== undefined).map((a) => [a.key, a.locales.en?.html])).toEqual([["a3", "<p>Edited</p>\n"]]);
  });

  it("forgets files a build no longer prepared", async () => {
    const { rendered, render } = countingRender();
    const cache = createPreparedCache(render);
    const a = file("content/a.md", article("A", "Alpha"));
    const b = file("content/b.md", article("B", "Beta"));
    await buildFromTree(tree([a, b]), { render, prepare: cache.prepare });
    cache.sweep();
    await buildFromTree(tree([b]), { render, prepare: cache.prepare });
    cache.sweep();
    await buildFromTree(tree([a, b]), { render, prepare: cache.prepare });
    expect(cache.sweep()).toBe(1);
    expect(rendered).toEqual(["content/a.md", "content/b.md", "content/a.md"]);
  });

  it("builds exactly what a build without the memo builds, edit after edit", async () => {
    const cache = createPreparedCache();
    const versions: ContentFile[][] = [
      [file("content/a.md", article("A", "Links to [b](b.md)")), file("content/b.md", article("B", "Beta")), file("locales/fr/a.md", article("A fr", "Vers [b](../../content/b.md)"))],
      [file("content/a.md", article("A", "Links to [b](b.md)")), file("content/b.md", article("B2", "Beta two")), file("locales/fr/a.md", article("A fr", "Vers [b](../../content/b.md)"))],
      [file("content/a.md", article("A", "Links to [b](b.md)")), file("locales/fr/a.md", article("A fr", "Vers [b](../../content/b.md)"))],
      [file("content/a.md", article("A", "Links to [b](b.md), again")), file("content/b.md", article("B", "Beta")), file("locales/fr/a.md", article("A fr", "Vers b"))],
    ];
    for (const files of versions) {
      const memo = await buildFromTree(tree(files), { prepare: cache.prepare });
      cache.sweep();
      const fresh = await buildFromTree(tree(files), { keepHtml: true });
      // Files prepared afresh come with their HTML (they are about to be sent); it must be the same.
      for (const [index, desired] of memo.state.articles.entries()) {
        for (const [locale, text] of Object.entries(desired.locales)) {
          const wanted = fresh.state.articles[index]?.locales[locale];
          if (text.html !== undefined) expect(text.html).toBe(wanted?.html);
          delete text.html;
          if (wanted !== undefined) delete wanted.html;
        }
      }
      expect(memo.state).toEqual(fresh.state);
      expect(memo.diagnostics).toEqual(fresh.diagnostics);
    }
  });
});
