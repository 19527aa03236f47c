import { describe, expect, it } from "vitest";
import { formatCalloutOpenTag } from "../../src/render/callouts.js";
import { htmlToMarkdown } from "../../src/render/html-to-markdown.js";

describe("htmlToMarkdown", () => {
  it("drops Intercom's paragraph classes and heading ids, and maps h1/h2 to ##/###", () => {
    const html = '<h1 id="h_1a2b">Install</h1><p class="no-margin">Run it.</p><h2 id="h_3c">Linux</h2><h3>Deep</h3>';
    expect(htmlToMarkdown(html)).toBe("## Install\n\nRun it.\n\n### Linux\n\n### Deep\n");
  });

  it("unwraps Intercom's image containers and keeps hosted images absolute", () => {
    const html = '<div class="intercom-container"><img src="https://downloads.intercomcdn.com/i/o/1/a.png" alt="Shot"></div>';
    expect(htmlToMarkdown(html)).toBe("![Shot](https://downloads.intercomcdn.com/i/o/1/a.png)\n");
  });

  it("reads callouts back into alerts by their colour", () => {
    const html = `${formatCalloutOpenTag("warning")}<p class="no-margin">Careful.</p><p>Really.</p></div>`;
    expect(htmlToMarkdown(html)).toBe("> [!WARNING]\n> Careful.\n>\n> Really.\n");
  });

  it("keeps a callout of a colour no alert has as its div, with markdown inside", () => {
    const html = '<div class="intercom-interblocks-callout" style="background-color: #123456;"><p>Hi *there*</p></div>';
    expect(htmlToMarkdown(html)).toBe('<div class="intercom-interblocks-callout" style="background-color: #123456;">\n\nHi \\*there\\*\n\n</div>\n');
  });

  it("turns video iframes back into the lone page URL", () => {
    const html = '<p>See:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" frameborder="0" allowfullscreen></iframe>';
    expect(htmlToMarkdown(html)).toBe("See:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n");
  });

  it("keeps other video hosts as a raw iframe", () => {
    expect(htmlToMarkdown('<iframe src="https://play.vidyard.com/abc" width="640" allowfullscreen></iframe>')).toBe(
      '<iframe src="https://play.vidyard.com/abc" width="640" allowfullscreen></iframe>\n',
    );
  });

  it("writes article links as relative .md links through resolveArticleUrl, keeping the anchor", () => {
    const seen: string[] = [];
    const html = '<p><a href="https://help.example.com/en/articles/42-setup#step">setup</a> <a href="https://example.com">site</a></p>';
    const markdown = htmlToMarkdown(html, {
      resolveArticleUrl: (url) => {
        seen.push(url);
        return url.endsWith("42-setup") ? "../guide/setup.md" : undefined;
      },
    });
    expect(markdown).toBe("[setup](../guide/setup.md#step) [site](https://example.com)\n");
    expect(seen).toEqual(["https://help.example.com/en/articles/42-setup", "https://example.com"]);
  });

  it("writes article links inside raw blocks as relative .md links too", () => {
    const html = '<p class="intercom-align-center">See <a href="https://help.example.com/en/articles/42-setup">setup</a> &amp; more</p>';
    const markdown = htmlToMarkdown(html, { resolveArticleUrl: (url) => (url.endsWith("42-setup") ? "setup.md" : undefined) });
    expect(markdown).toBe('<p class="intercom-align-center">See <a href="setup.md">setup</a> &amp; more</p>\n');
  });

  it("writes a table with a line break in a cell as raw HTML (a GFM cell cannot hold one)", () => {
    expect(htmlToMarkdown("<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1<br>2</td></tr></tbody></table>")).toBe(
      "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1<br>2</td></tr></tbody></table>\n",
    );
  });

  it("converts tables with the GFM plugin", () => {
    const html = "<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>x | y</td></tr></tbody></table>";
    expect(htmlToMarkdown(html)).toBe("| a   | b   |\n| --- | --- |\n| 1   | x \\| y |\n");
  });

  it("escapes text that would read as HTML or markdown", () => {
    expect(htmlToMarkdown("<p>Use &lt;div&gt; and &amp;copy; and *stars* and ~~tilde~~</p>")).toBe(
      "Use \\<div> and \\&copy; and \\*stars\\* and \\~\\~tilde\\~\\~\n",
    );
  });

  it("writes fenced code with its language, strikethrough, and hard breaks", () => {
    const html = '<pre><code class="language-py">print(1)\n</code></pre><p><s>old</s> a<br>b</p>';
    expect(htmlToMarkdown(html)).toBe("```py\nprint(1)\n```\n\n~~old~~ a\\\nb\n");
  });

  it("returns an empty string for an empty body and ends other output with one newline", () => {
    expect(htmlToMarkdown("")).toBe("");
    expect(htmlToMarkdown("<p>x</p>\r\n<div></div>")).toBe("x\n");
  });

  it("writes lists with one space after the marker, numbered from the list's start", () => {
    const html = '<ul><li>a</li><li>b<ul><li>c</li></ul></li></ul><ol start="3"><li><p>x</p><p>y</p></li><li>z</li></ol>';
    expect(htmlToMarkdown(html)).toBe("- a\n- b\n  - c\n\n3. x\n\n   y\n\n4. z\n");
  });
});
