import { describe, expect, it } from "vitest";
import { findHtmlProblems } from "../../src/render/check-html.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "./context.js";

const render = (markdown: string) => renderMarkdown(markdown, buildContext());

describe("renderMarkdown", () => {
  it("renders an empty or blank body as an empty string", () => {
    expect(render("")).toEqual({ html: "", links: [], diagnostics: [] });
    expect(render("  \n\n").html).toBe("");
  });

  it("renders code blocks as escaped <pre><code> without highlighting", () => {
    expect(render("```ts\nconst a = <T>(x: T) => x && 1;\n```\n").html).toBe(
      '<pre><code class="language-ts">const a = &lt;T&gt;(x: T) =&gt; x &amp;&amp; 1;\n</code></pre>\n',
    );
    expect(render("    indented <b>\n").html).toBe("<pre><code>indented &lt;b&gt;\n</code></pre>\n");
  });

  it("renders GFM tables without alignment styles", () => {
    const { html } = render("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
    expect(html).toBe("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n");
    expect(findHtmlProblems(html)).toEqual([]);
  });

  it("renders strikethrough as <s>", () => {
    expect(render("~~old~~ new\n").html).toBe("<p><s>old</s> new</p>\n");
  });

  it("joins soft line breaks with a single space", () => {
    expect(render("one\ntwo  \nthree\n").html).toBe("<p>one two<br>\nthree</p>\n");
  });

  it("normalises CRLF line ends", () => {
    expect(render("# A\r\n\r\ntext\r\n").html).toBe(render("# A\n\ntext\n").html);
  });

  it("is deterministic: the same input gives the same bytes", () => {
    const markdown = "## T { #t }\n\n> [!TIP]\n> x\n\n[a](setup.md) ![i](images/screen.png) <abbr>x</abbr>\n\n/// note\n\ny\n\n///\n";
    const first = render(markdown);
    const second = render(markdown);
    expect(second.html).toBe(first.html);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("returns diagnostics ordered by line", () => {
    const { diagnostics } = render("<kbd>a</kbd>\n\n[x](nope.md)\n\n<kbd>b</kbd>\n\n/// tip\n\nz\n\n///\n");
    const lines = diagnostics.map((d) => d.location.line ?? 0);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(diagnostics.map((d) => d.code)).toEqual(["render/unsupported-html", "render/broken-link", "render/mkdocs-admonition"]);
  });

  it("does not reuse state between calls", () => {
    render("<div class=\"intercom-interblocks-callout\">\n\nopen\n");
    expect(render("plain\n").html).toBe("<p>plain</p>\n");
  });
});

describe("renderMarkdown nesting", () => {
  it("reports an error where blocks nest deeper than the parser keeps, instead of dropping text", () => {
    const markdown = `Intro\n\n${"> ".repeat(150)}deep\n`;
    const result = render(markdown);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: "render/nesting-too-deep", severity: "error", location: expect.objectContaining({ line: 3 }) }));
  });

  it("says nothing for realistic nesting", () => {
    const result = render(`${"> ".repeat(20)}quoted\n\n- a\n  - b\n    - c\n`);
    expect(result.diagnostics.filter((d) => d.code === "render/nesting-too-deep")).toEqual([]);
  });
});
