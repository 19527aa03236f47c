import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRenderedHtml } from "../../src/digest/read-rendered-html.js";
import { readHtml } from "../../src/digest/visible-text.js";
import { findHtmlProblems } from "../../src/render/check-html.js";
import { htmlToMarkdown } from "../../src/render/html-to-markdown.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { ARTICLE_LINK_SCHEME, type RenderContext } from "../../src/render/types.js";

const CORPUS = "/work/shared/corpus/fastapi";
const ASSET_BASE_URL = "https://fastapi.tiangolo.com/";
/** Share of English pages allowed to change on a second render after a pull (raw HTML blocks). */
const MAX_UNSTABLE_ROUND_TRIPS = 0.03;
/** Share of pages whose HTML readRenderedHtml must read itself (the rest go through readHtml). */
const MIN_RENDERED_READER_SHARE = 0.95;
const hasCorpus = fs.existsSync(path.join(CORPUS, "content"));

interface Page {
  file: string;
  body: string;
  context: RenderContext;
}

function readCorpus(): Page[] {
  const files = (fs.readdirSync(CORPUS, { recursive: true }) as string[])
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => file.startsWith("content/") || file.startsWith("locales/"))
    .sort();
  const project = { contentDir: "content", localesDir: "locales", files: new Set(files) };
  return files
    .filter((file) => file.endsWith(".md"))
    .map((file) => {
      const text = fs.readFileSync(path.join(CORPUS, file), "utf8");
      // Front matter is `---` ... `---` at the top; the body follows the second marker.
      const parts = text.split(/^---$/m);
      const hasFrontMatter = text.startsWith("---") && parts.length >= 3;
      const body = hasFrontMatter ? parts.slice(2).join("---") : text;
      const bodyStartLine = hasFrontMatter ? `${parts[0]}---${parts[1]}---`.split("\n").length : 1;
      const translation = /^locales\/([^/]+)\/(.+)$/.exec(file);
      const context: RenderContext = {
        file,
        locale: translation?.[1] ?? "en",
        bodyStartLine,
        assetBaseUrl: ASSET_BASE_URL,
        project,
        ...(translation === null ? {} : { sourceFile: `content/${translation[2]}` }),
      };
      return { file, body, context };
    });
}

describe.skipIf(!hasCorpus)("the FastAPI corpus", () => {
  const pages = hasCorpus ? readCorpus() : [];

  it("renders every page to Intercom-safe HTML with no errors", () => {
    expect(pages.length).toBeGreaterThan(1000);
    const unsafe: string[] = [];
    const errors: string[] = [];
    const warnings = new Map<string, number>();
    for (const page of pages) {
      const result = renderMarkdown(page.body, page.context);
      for (const problem of findHtmlProblems(result.html)) unsafe.push(`${page.file}: ${problem}`);
      for (const diagnostic of result.diagnostics) {
        if (diagnostic.severity === "error") errors.push(`${page.file}:${diagnostic.location.line} ${diagnostic.message}`);
        warnings.set(diagnostic.code, (warnings.get(diagnostic.code) ?? 0) + 1);
        expect(diagnostic.location.line).toBeGreaterThanOrEqual(page.context.bodyStartLine);
      }
    }
    expect(unsafe).toEqual([]);
    expect(errors).toEqual([]);
    expect(warnings.get("render/mkdocs-admonition")).toBeGreaterThan(0);
    expect(warnings.get("render/heading-attribute")).toBeGreaterThan(0);
  });

  it("reads almost every page's HTML with the renderer's own reader, always as readHtml does", () => {
    let answered = 0;
    for (const page of pages) {
      const html = renderMarkdown(page.body, page.context).html;
      const fast = readRenderedHtml(html);
      if (fast === undefined) continue;
      answered++;
      expect(fast, page.file).toEqual(readHtml(html));
    }
    expect(answered / pages.length).toBeGreaterThan(MIN_RENDERED_READER_SHARE);
  });

  it("keeps almost every English page stable through a pull and a second render", () => {
    const english = pages.filter((page) => page.file.startsWith("content/"));
    const unstable = english.filter((page) => {
      const first = renderMarkdown(page.body, page.context);
      const resolveArticleUrl = (url: string) =>
        url.startsWith(ARTICLE_LINK_SCHEME)
          ? path.posix.relative(path.posix.dirname(page.file), `content/${url.slice(ARTICLE_LINK_SCHEME.length)}.md`)
          : undefined;
      const second = renderMarkdown(htmlToMarkdown(first.html, { resolveArticleUrl }), page.context);
      return second.html !== first.html;
    });
    expect(unstable.length / english.length).toBeLessThanOrEqual(MAX_UNSTABLE_ROUND_TRIPS);
  });
});
