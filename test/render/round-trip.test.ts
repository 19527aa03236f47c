import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../src/render/html-to-markdown.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { ARTICLE_LINK_SCHEME, type RenderContext } from "../../src/render/types.js";
import { buildContext } from "./context.js";

/** What `pull` does for links: an article URL (here the placeholder) back to a relative path. */
function resolveArticleUrlFor(context: RenderContext) {
  return (url: string): string | undefined => {
    if (!url.startsWith(ARTICLE_LINK_SCHEME)) return undefined;
    const target = `${context.project.contentDir}/${url.slice(ARTICLE_LINK_SCHEME.length)}.md`;
    return path.posix.relative(path.posix.dirname(context.file), target);
  };
}

const DOCUMENTS: Record<string, string> = {
  "headings and paragraphs": "## Install\n\nRun the *installer* and **restart**.\nThen log in.\n\n### Linux\n\nUse `apt`.\n",
  "only deep headings": "### One\n\ntext\n\n#### Two\n\n##### Three\n",
  "lists": "- one\n- two\n  - nested *a*\n  - nested b\n- three\n\n1. first\n2. second\n\n5. five\n6. six\n",
  "loose list": "- para one\n\n  more of one\n\n- para two\n",
  "links": "See [setup](setup.md#step-2), [home](../welcome.md), [site](https://example.com/a?b=c), <https://example.com> and mail@example.com.\n",
  "images": "![Screen](images/screen.png)\n\n![Remote](https://img.example.com/a.png \"A title\")\n",
  "alerts and quotes": "> [!NOTE]\n> Note *this*.\n\n> [!CAUTION]\n> One.\n>\n> Two.\n\n> Plain quote with [!NOTE] inside.\n",
  "code": "```python\ndef f():\n    return \"<x>\" & 1\n```\n\n    indented\n\nInline `a < b` code.\n",
  "tables": "| Name | Value |\n|:-----|------:|\n| a | `1` |\n| **b** | [x](https://x.io) |\n",
  "videos": "Intro.\n\nhttps://youtu.be/dQw4w9WgXcQ\n\nhttps://vimeo.com/123456\n\nhttps://www.loom.com/share/abc123\n\nhttps://home.wistia.com/medias/xyz789\n",
  "special characters": "Use <kbd>Ctrl</kbd> &amp; 5 * 3 _under_ score_in_word [brackets] \\# not heading ~~gone~~ and 1. not list.\n",
  "raw html": "Some <strong>bold</strong> and <em>em</em>.\n\n<img src=\"images/screen.png\" alt=\"Raw\">\n\n<iframe src=\"https://play.vidyard.com/abc\"></iframe>\n",
  "mkdocs": "/// tip | Pro tip\n\nUse the **CLI**.\n\n///\n\n//// tab | Python\n\n```py\nx = 1\n```\n\n////\n",
  "breaks and rules": "line one\\\nline two\n\n---\n\nafter rule\n",
};

describe("round trip", () => {
  it.each(Object.entries(DOCUMENTS))("render(htmlToMarkdown(render(md))) equals render(md): %s", (_name, markdown) => {
    const context = buildContext();
    const first = renderMarkdown(markdown, context);
    const pulled = htmlToMarkdown(first.html, { resolveArticleUrl: resolveArticleUrlFor(context) });
    const second = renderMarkdown(pulled, context);
    expect(second.html).toBe(first.html);
    expect(second.links).toEqual(first.links);
  });

  it("is stable from the second pull on: markdown -> HTML -> markdown is a fixed point", () => {
    const context = buildContext();
    const resolveArticleUrl = resolveArticleUrlFor(context);
    for (const markdown of Object.values(DOCUMENTS)) {
      const once = htmlToMarkdown(renderMarkdown(markdown, context).html, { resolveArticleUrl });
      const twice = htmlToMarkdown(renderMarkdown(once, context).html, { resolveArticleUrl });
      expect(twice).toBe(once);
    }
  });
});
