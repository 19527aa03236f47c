import { describe, expect, it } from "vitest";
import type { ContentFile, ContentTree } from "../../src/content/types.js";
import { buildDesiredState } from "../../src/load/build-desired-state.js";
import { memorySource } from "../../src/load/memory-source.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import type { RenderContext } from "../../src/render/types.js";

const config = { defaultState: "draft" as const, assetBaseUrl: null };

function tree(files: Array<[string, string]>): ContentTree {
  const markdown: ContentFile[] = files.map(([file, body]) => ({ file, locale: "en", relativePath: file.replace(/^content\//, ""), text: `---\ntitle: ${file}\n---\n${body}\n` }));
  return { sourceLocale: "en", contentDir: "content", localesDir: "locales", locales: [], markdown, unreadable: [], assets: [], diagnostics: [] };
}

function countingRender(): { render: typeof renderMarkdown; rendered: string[] } {
  const rendered: string[] = [];
  return { rendered, render: (markdown: string, context: RenderContext) => (rendered.push(context.file), renderMarkdown(markdown, context)) };
}

describe("HTML kept beside the state", () => {
  it("hands out the HTML the read rendered instead of rendering the file again, within the budget", async () => {
    const { render, rendered } = countingRender();
    const files: Array<[string, string]> = [["content/a.md", "Alpha."], ["content/b.md", "A longer body that does not fit the budget left."]];
    const loaded = await buildDesiredState(memorySource(tree(files)), config, { render, keepHtmlChars: 20 });
    expect(rendered).toEqual(["content/a.md", "content/b.md"]);
    // No HTML in the state itself: it stays summaries only.
    expect(JSON.stringify(loaded.state)).not.toContain("<p>");

    const a = await loaded.loadBody({ key: "a", locale: "en", file: "content/a.md" });
    expect(a).toBe("<p>Alpha.</p>\n");
    expect(rendered).toHaveLength(2);
    // Over the budget: rendered again, as without any kept HTML.
    await loaded.loadBody({ key: "b", locale: "en", file: "content/b.md" });
    expect(rendered).toEqual(["content/a.md", "content/b.md", "content/b.md"]);
    // Each kept body is handed out once, then forgotten.
    await loaded.loadBody({ key: "a", locale: "en", file: "content/a.md" });
    expect(rendered).toHaveLength(4);
  });

  it("keeps nothing by default", async () => {
    const { render, rendered } = countingRender();
    const loaded = await buildDesiredState(memorySource(tree([["content/a.md", "Alpha."]])), config, { render });
    await loaded.loadBody({ key: "a", locale: "en", file: "content/a.md" });
    expect(rendered).toEqual(["content/a.md", "content/a.md"]);
  });
});
