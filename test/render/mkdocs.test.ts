import { describe, expect, it } from "vitest";
import { formatCalloutOpenTag } from "../../src/render/callouts.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "./context.js";

const render = (markdown: string, bodyStartLine = 1) => renderMarkdown(markdown, buildContext({ bodyStartLine }));

describe("MkDocs and Jinja syntax", () => {
  it("turns a /// tip admonition into a tip callout and warns with a GitHub alert hint", () => {
    const { html, diagnostics } = render("Before.\n\n/// tip\n\nUse the CLI.\n\n///\n\nAfter.\n", 4);
    expect(html).toBe(`<p>Before.</p>\n${formatCalloutOpenTag("tip")}\n<p>Use the CLI.</p>\n</div>\n<p>After.</p>\n`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "render/mkdocs-admonition", severity: "warning", location: { line: 6 } });
    expect(diagnostics[0]!.hint).toContain("> [!TIP]");
  });

  it("keeps an admonition title as a bold first paragraph", () => {
    const { html } = render("/// note | Read **this**\n\nBody.\n\n///\n");
    expect(html).toBe(`${formatCalloutOpenTag("note")}\n<p><strong>Read this</strong></p>\n<p>Body.</p>\n</div>\n`);
  });

  it("keeps code fences inside an admonition intact", () => {
    const { html } = render("/// warning\n\n```python\n/// not a marker\n```\n\n///\n");
    expect(html).toBe(`${formatCalloutOpenTag("warning")}\n<pre><code class="language-python">/// not a marker\n</code></pre>\n</div>\n`);
  });

  it("turns content tabs into bold titles followed by their content", () => {
    const { html, diagnostics } = render("//// tab | Python 3.10+\n\n```python\nx = 1\n```\n\n////\n");
    expect(html).toBe('<p><strong>Python 3.10+</strong></p>\n<pre><code class="language-python">x = 1\n</code></pre>\n');
    expect(diagnostics.map((d) => d.code)).toEqual(["render/mkdocs-tab"]);
  });

  it("renders an admonition with no alert equivalent as a quote headed by its title", () => {
    const { html } = render("/// details | More\n\nHidden.\n\n///\n");
    expect(html).toBe(`${formatCalloutOpenTag("quote")}\n<p><strong>More</strong></p>\n<p>Hidden.</p>\n</div>\n`);
  });

  it("reports {* file *} includes once per file with a count and the first lines", () => {
    const markdown = "{* ../src/a.py *}\n\ntext\n\n{* ../src/b.py hl[3] *}\n";
    const { html, diagnostics } = render(markdown);
    expect(html).toContain("{* ../src/a.py *}");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "render/mkdocs-include", location: { line: 1 } });
    expect(diagnostics[0]!.message).toContain("2 times: lines 1, 5");
  });

  it("leaves MkDocs markers in code blocks alone", () => {
    expect(render("```\n/// tip\n{* x *}\n```\n").diagnostics).toEqual([]);
  });

  it("reports Jinja in text once per line and keeps the text", () => {
    const { html, diagnostics } = render("{% for user in users %}\n\nHi {{ user.name }} and {{ user.mail }}\n\n{% endfor %}\n");
    expect(html).toContain("Hi {{ user.name }}");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "render/template-syntax", location: { line: 1 } });
    expect(diagnostics[0]!.message).toContain("3 times: lines 1, 3, 5");
  });

  it("does not report Jinja inside inline code or code blocks", () => {
    expect(render("Use `{{ name }}` here.\n\n```\n{% raw %}\n```\n").diagnostics).toEqual([]);
  });

  it("unwraps a link whose target is a template", () => {
    const { html, diagnostics } = render('<a href="{{ user.url }}">profile</a>\n');
    expect(html).toBe("<p>profile</p>\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["render/template-url"]);
  });

  it("limits an aggregated warning to five listed lines", () => {
    const markdown = Array.from({ length: 8 }, (_, i) => `## H${i} { #h${i} }`).join("\n\n");
    const [warning] = render(markdown).diagnostics;
    expect(warning!.message).toContain("8 times: lines 1, 3, 5, 7, 9 and 3 more");
  });
});
