import { describe, expect, it } from "vitest";
import { findHtmlProblems } from "../../src/render/check-html.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "./context.js";

const render = (markdown: string, bodyStartLine = 1) => renderMarkdown(markdown, buildContext({ bodyStartLine }));
const codes = (markdown: string) => render(markdown).diagnostics.map((d) => d.code);

describe("raw HTML", () => {
  it("passes allowed inline tags with allowed attributes only", () => {
    const { html, diagnostics } = render('Some <strong class="x">bold</strong> and <em style="color:red">em</em>.\n');
    expect(html).toBe("<p>Some <strong>bold</strong> and <em>em</em>.</p>\n");
    expect(diagnostics).toEqual([]);
  });

  it("unwraps unsupported tags, keeps their text, and names the tag at its line", () => {
    const { html, diagnostics } = render('Intro.\n\nAn <abbr title="Application">API</abbr> call.\n', 10);
    expect(html).toBe("<p>Intro.</p>\n<p>An API call.</p>\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "render/unsupported-html", severity: "warning", location: { line: 12 } });
    expect(diagnostics[0]!.message).toContain("<abbr>");
  });

  it("counts repeated unsupported tags in one warning per tag", () => {
    const { diagnostics } = render("<kbd>A</kbd>\n\n<kbd>B</kbd>\n\n<kbd>C</kbd>\n");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message).toContain("3 times: lines 1, 3, 5");
  });

  it("removes script and style blocks with their content", () => {
    const { html, diagnostics } = render("<script>\nalert('x')\n</script>\n\n<style>\np { color: red }\n</style>\n\nText.\n");
    expect(html).toBe("<p>Text.</p>\n");
    expect(diagnostics.map((d) => d.code)).toEqual(["render/unsafe-html", "render/unsafe-html"]);
  });

  it("removes an inline script and the text markdown put between its tags", () => {
    const { html } = render("Hello <script>alert(1)</script> world.\n");
    expect(html).toBe("<p>Hello world.</p>\n");
  });

  it("removes on* attributes with a warning", () => {
    const { html, diagnostics } = render('<a href="https://example.com" onclick="steal()">x</a>\n');
    expect(html).toBe('<p><a href="https://example.com">x</a></p>\n');
    expect(diagnostics[0]).toMatchObject({ code: "render/unsafe-html", message: "Removed the onclick attribute of <a>" });
  });

  it("removes javascript: URLs hidden behind entities", () => {
    const { html, diagnostics } = render('<a href="java&#115;cript:alert(1)">x</a>\n');
    expect(html).toBe("<p>x</p>\n");
    expect(diagnostics[0]).toMatchObject({ code: "render/unsafe-url" });
  });

  it("removes javascript: URLs split by whitespace entities", () => {
    const { html, diagnostics } = render('<a href="java&#9;script:alert(1)">x</a>\n');
    expect(html).toBe("<p>x</p>\n");
    expect(diagnostics[0]).toMatchObject({ code: "render/unsafe-url" });
  });

  it("keeps video iframes and removes other iframes with their content", () => {
    expect(render('<iframe src="https://player.vimeo.com/video/1" width="640" onload="x"></iframe>\n').html).toBe(
      '<iframe src="https://player.vimeo.com/video/1" width="640"></iframe>\n',
    );
    const other = render('<iframe src="https://ads.example.com/x">fallback</iframe>\n');
    expect(other.html).toBe("");
    expect(other.diagnostics[0]).toMatchObject({ code: "render/unsafe-html" });
  });

  it("unwraps layout divs but keeps callout divs with their colours only", () => {
    const { html } = render('<div class="termy">\n\n```console\n$ run\n```\n\n</div>\n\n<div class="intercom-interblocks-callout" style="background-color: #fff; position: fixed">\n\nHi\n\n</div>\n');
    expect(html).toBe('<pre><code class="language-console">$ run\n</code></pre>\n<div class="intercom-interblocks-callout" style="background-color: #fff;">\n<p>Hi</p>\n</div>\n');
  });

  it("closes what raw HTML leaves open, within its paragraph", () => {
    const { html } = render("A <strong>bold\nstart.\n\nNext.\n");
    expect(html).toBe("<p>A <strong>bold start.</strong></p>\n<p>Next.</p>\n");
  });

  it("drops close tags that match nothing it opened", () => {
    expect(render("Text</em> here.\n\n</div>\n").html).toBe("<p>Text here.</p>\n");
  });

  it("flattens a table nested in a table", () => {
    const { html, diagnostics } = render("| a | b |\n|---|---|\n| x | <table><tr><td>inner</td></tr></table> |\n");
    expect(findHtmlProblems(html)).toEqual([]);
    expect(html).toContain("inner");
    expect(diagnostics.map((d) => d.code)).toEqual(["render/nested-table"]);
  });

  it("never writes an empty list", () => {
    const { html } = render("<ul>\n</ul>\n\n<ol><li>one</li></ol>\n");
    expect(html).toBe("<ol><li>one</li></ol>\n");
  });

  it("produces Intercom-safe HTML from hostile input", () => {
    const hostile = [
      '<svg onload="x"><circle/></svg>',
      "<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
      '<img src="relative.png"><img src="javascript:x">',
      '<form action="x"><input name="a"><button>Go</button></form>',
      "<li>stray item</li><td>stray cell</td>",
      '<p onclick="x" style="y">para</p><span><b>deep <i>nest',
      '<a href="vbscript:x">v</a> <iframe src="//www.youtube.com/embed/x"></iframe>',
      "<ul></ul><ol>\n</ol>",
    ].join("\n\n");
    const { html } = render(hostile);
    expect(findHtmlProblems(html)).toEqual([]);
    expect(html).toContain("para");
  });

  it("reports several unsafe constructs in one file", () => {
    expect(codes('<style>x</style>\n\n<p onmouseover="x">a</p>\n')).toEqual(["render/unsafe-html", "render/unsafe-html"]);
  });
});
