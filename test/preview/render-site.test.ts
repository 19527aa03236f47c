import { describe, expect, it } from "vitest";
import type { ContentFile, ContentTree } from "../../src/content/types.js";
import { buildDesiredState } from "../../src/load/build-desired-state.js";
import { memorySource } from "../../src/load/memory-source.js";
import { linkerFor, parseServerPath, serverUrlOf } from "../../src/preview/page-paths.js";
import { renderPage, type SiteBuild } from "../../src/preview/render-site.js";
import { assetFileOf, buildSiteModel } from "../../src/preview/site-model.js";
import { diffVisibleText } from "../../src/preview/text-diff.js";

const ASSETS = "https://cdn.example/help/";

function file(path: string, text: string): ContentFile {
  const [root, locale, ...rest] = path.split("/");
  const isSource = root === "content";
  return { file: path, locale: isSource ? "en" : (locale as string), relativePath: isSource ? [locale, ...rest].join("/") : rest.join("/"), text };
}

async function siteOf(files: ContentFile[], assets: string[] = []): Promise<SiteBuild> {
  const locales = [...new Set(files.filter((f) => f.locale !== "en").map((f) => f.locale))].sort();
  const tree: ContentTree = { sourceLocale: "en", contentDir: "content", localesDir: "locales", locales, markdown: files, unreadable: [], assets, diagnostics: [] };
  const built = await buildDesiredState(memorySource(tree), { defaultState: "published", assetBaseUrl: ASSETS });
  const site = buildSiteModel({ state: built.state, diagnostics: built.diagnostics, assets, contentDir: "content", localesDir: "locales", assetBaseUrl: ASSETS, title: "Acme Help" });
  return { site, loadBody: built.loadBody, outdatedChange: async () => ({ kind: "unknown", reason: "no history in this test" }) };
}

const guide = [
  file("content/guides/_collection.md", "---\nname: Guides\ndescription: How to\n---\n"),
  file("content/guides/start.md", "---\ntitle: Start here\n---\nRead [the next one](next.md).\n\n![Shot](img/shot.png)\n"),
  file("content/guides/next.md", "---\ntitle: Next\n---\nNext body.\n"),
  file("locales/fr/guides/_collection.md", "---\nname: Guides FR\n---\n"),
  file("locales/fr/guides/start.md", "---\ntitle: Commencer\n---\nLisez [la suite](next.md).\n"),
];

describe("preview pages", () => {
  it("links an article to the preview page of its target, in the reader's locale, falling back to the source's page", async () => {
    const build = await siteOf(guide, ["content/guides/img/shot.png"]);
    const fr = await renderPage(build, { kind: "article", locale: "fr", key: "guides/start" }, "server");
    // guides/next has no French file: push links to the source's URL, the preview to the English page.
    expect(fr.html).toContain('href="/en/articles/guides/next"');
    const en = await renderPage(build, { kind: "article", locale: "en", key: "guides/start" }, "server");
    expect(en.html).toContain('src="/files/content/guides/img/shot.png"');
    expect(en.html).toContain('<html lang="en" dir="ltr">');
  });

  it("shows the source where a translation is missing, marked, and marks it in the locale switcher", async () => {
    const build = await siteOf(guide);
    const page = await renderPage(build, { kind: "article", locale: "fr", key: "guides/next" }, "server");
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-notice="missing"');
    expect(page.html).toContain("<h1 class=\"hc-title\">Next</h1>");
    expect(page.html).toMatch(/data-locale="fr" data-mark="missing"/);
  });

  it("writes relative links for the static site", async () => {
    const build = await siteOf(guide);
    const page = await renderPage(build, { kind: "article", locale: "fr", key: "guides/start" }, "static");
    expect(page.html).toContain('href="../../../en/articles/guides/next.html"');
    expect(page.html).toContain('href="../../../preview.css"');
    expect(page.html).not.toContain("EventSource");
  });

  it("shows a file's check findings on its page with file:line, and a page with no item as a 404 naming the broken file", async () => {
    const build = await siteOf([
      ...guide,
      file("content/guides/warned.md", "---\ntitle: Warned\n---\nSee [nowhere](missing.md).\n"),
      file("content/guides/broken.md", "---\ntitle: [unclosed\n---\nBody\n"),
    ]);
    const warned = await renderPage(build, { kind: "article", locale: "en", key: "guides/warned" }, "server");
    expect(warned.html).toContain("content/guides/warned.md:4");
    expect(warned.html).toContain("render/broken-link");
    const broken = await renderPage(build, { kind: "article", locale: "en", key: "guides/broken" }, "server");
    expect(broken.status).toBe(404);
    expect(broken.html).toContain("content/guides/broken.md");
  });

  it("sets right to left on Hebrew and Arabic pages", async () => {
    const build = await siteOf([...guide, file("locales/he/guides/start.md", "---\ntitle: התחלה\n---\nגוף.\n")]);
    const page = await renderPage(build, { kind: "article", locale: "he", key: "guides/start" }, "server");
    expect(page.html).toContain('<html lang="he" dir="rtl">');
  });

  it("counts the dashboard as status does and says when what changed cannot be known", async () => {
    const build = await siteOf([...guide.slice(0, 4), file("locales/fr/guides/start.md", "---\ntitle: Commencer\nsource_hash: 0000\n---\nLisez.\n")]);
    const page = await renderPage(build, { kind: "translations" }, "server");
    expect(page.html).toMatch(/data-count="outdated">1</);
    expect(page.html).toMatch(/data-count="missing">1</);
    expect(page.html).toContain('data-diff="unknown"');
    expect(page.html).toContain("no history in this test");
  });
});

describe("preview paths", () => {
  it("never maps a path with dot segments or an encoded separator to a page or a file", () => {
    expect(parseServerPath("/files/../package.json")).toBeNull();
    expect(parseServerPath("/files/content/%2e%2e/x.png")).toBeNull();
    expect(parseServerPath("/files/a%5cb.png")).toBeNull();
    expect(parseServerPath("/fr/articles/a/b")).toEqual({ kind: "article", locale: "fr", key: "a/b" });
    expect(serverUrlOf({ kind: "collection", locale: "pt-BR", key: "a b" })).toBe("/pt-BR/collections/a%20b");
  });

  it("links static pages relative to the page's own folder", () => {
    const link = linkerFor("static", { kind: "home", locale: "en" });
    expect(link({ kind: "article", locale: "fr", key: "x/y" })).toBe("../fr/articles/x/y.html");
    expect(link({ kind: "translations" })).toBe("../translations.html");
  });

  it("maps an asset URL back to the translation's own file first, then the source's", async () => {
    const build = await siteOf(guide, ["content/img/a.png", "locales/fr/img/a.png"]);
    expect(assetFileOf(build.site, `${ASSETS}fr/img/a.png`)).toBe("locales/fr/img/a.png");
    expect(assetFileOf(build.site, `${ASSETS}img/a.png`)).toBe("content/img/a.png");
    expect(assetFileOf(build.site, "https://elsewhere.example/img/a.png")).toBeNull();
  });
});

describe("text diff", () => {
  it("marks added and removed words", () => {
    const diff = diffVisibleText("Click Save now", "Click Publish now");
    expect(diff.html).toBe("Click <del>Save</del><ins>Publish</ins> now");
    expect(diff).toMatchObject({ added: 1, removed: 1 });
  });
});

describe("text diff context", () => {
  it("keeps a few words around each change and elides the rest", () => {
    const words = Array.from({ length: 40 }, (_, index) => `w${index}`);
    const before = words.join(" ");
    const after = words.map((word) => (word === "w20" ? "changed" : word)).join(" ");
    const { html } = diffVisibleText(before, after);
    expect(html).toContain("<del>w20</del><ins>changed</ins>");
    expect(html).toContain("w12");
    expect(html).not.toContain("w11 ");
    expect(html).toContain('<span class="hc-elided">…</span>');
  });
});
