import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateHelpCenter } from "../../bench/generate-help-center.js";
import { createRandom, type Random } from "../../bench/prng.js";
import { parseMarkdownFile } from "../../src/content/parse-markdown-file.js";
import { digestText, summariseBody } from "../../src/digest/body-summary.js";
import { readRenderedHtml } from "../../src/digest/read-rendered-html.js";
import { readHtml } from "../../src/digest/visible-text.js";
import { htmlToMarkdown } from "../../src/render/html-to-markdown.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "../render/context.js";

const FIXTURES = new URL("../fixtures/intercom-html/", import.meta.url);

/** Markdown that reaches every kind of HTML the renderer writes, raw HTML included. */
const SAMPLE = `# Title with &amp; and "quotes"

Text with &nbsp;entities&copy; <b>bold</b>, \`<code> & "more"\`, a [link](https://example.com/?a=1&b=2 "A title")
and an autolink https://example.org/path?x=1&y=2, www.example.net and mail@example.com.

- one
- two with <a href="https://example.com/raw?q=1&amp;r=2">a raw link</a>
  - nested *three*

1. loose

2. list with ![an image](images/screen.png "Screen")

| a | b |
|---|---|
| <strong>x</strong> | y &lt; z |

<div class="intercom-interblocks-callout" style="background-color: #e3e7fa80; border-color: #334bfa33;"><p>A callout</p></div>

<table><tbody><tr><td>raw <em>cell</em></td><td style="width: 50px">two</td></tr></tbody></table>

A paragraph with <div>a layout div</div> and <span>a span</span>.

<iframe src="https://www.youtube.com/embed/abc" frameborder="0" allowfullscreen></iframe>

\`\`\`html
<script>alert("x")</script>
\`\`\`

> A quote

---

Last line<br>with a break.
`;

/** Raw HTML the renderer passes on in a shape htmlparser2 rebuilds (a block inside a paragraph). */
const NESTED_BLOCKS = `A paragraph with <p>a raw paragraph</p> inside it.

> A quote with <h3>a raw heading</h3>
`;

function renderedSamples(): { name: string; html: string }[] {
  const out: { name: string; html: string }[] = [];
  const tree = generateHelpCenter({ seed: 20_261_208, articles: 40, locales: ["fr", "ja"] });
  const files = new Set(tree.files.map((file) => file.path));
  for (const file of tree.files) {
    if (typeof file.content !== "string" || !file.path.endsWith(".md") || file.path.endsWith("_collection.md")) continue;
    const parsed = parseMarkdownFile(file.content, file.path);
    const context = buildContext({ file: file.path, bodyStartLine: parsed.bodyStartLine, project: { contentDir: "content", localesDir: "locales", files } });
    out.push({ name: file.path, html: renderMarkdown(parsed.body, context).html });
  }
  for (const name of readdirSync(FIXTURES).filter((entry) => entry.endsWith(".html"))) {
    const markdown = htmlToMarkdown(readFileSync(new URL(name, FIXTURES), "utf8"));
    out.push({ name, html: renderMarkdown(markdown, buildContext()).html });
  }
  out.push({ name: "sample", html: renderMarkdown(SAMPLE, buildContext()).html });
  return out;
}

const TAGS = ["p", "a", "li", "ul", "ol", "div", "h1", "h2", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "b", "em", "code", "pre", "iframe", "br", "hr", "img"];
const ODD_TAGS = ["span", "P", "title", "script", "svg"];
const ATTRIBUTES = [' href="x&amp;y"', ' href="a"', " href", ' class="c"', ' style="a: b"', ' href="b&lt;c&quot;"', ' href=""'];
const ODD_ATTRIBUTES = [' href="&nbsp;"', " href='q'", " HREF=\"u\"", ' href = "v"'];
const TEXTS = ["word", " ", "a&amp;b", "&lt;x&gt;", "&quot;q&quot;", "\n", "x>y", "é", "&amp;amp;"];
const ODD_TEXTS = ["&nbsp;", "&copy", "<", "</", "<!-- c -->", "&#39;"];

/** Random HTML near the renderer's shape: mostly nested as written, with every kind of fault. */
function randomHtml(random: Random): string {
  const open: string[] = [];
  let html = "";
  for (let step = random.int(1, 30); step > 0; step--) {
    const roll = random.next();
    if (roll < 0.35) {
      const name = random.pick(random.chance(0.03) ? ODD_TAGS : TAGS);
      let attributes = "";
      for (let count = random.int(0, 2); count > 0; count--) attributes += random.pick(random.chance(0.03) ? ODD_ATTRIBUTES : ATTRIBUTES);
      html += `<${name}${attributes}${random.chance(0.01) ? "/>" : ">"}`;
      if (!["br", "hr", "img"].includes(name)) open.push(name);
    } else if (roll < 0.6 && open.length > 0) {
      html += `</${random.chance(0.95) ? open.pop() : random.pick(TAGS)}>`;
    } else {
      html += random.pick(random.chance(0.03) ? ODD_TEXTS : TEXTS);
    }
  }
  while (open.length > 0 && random.chance(0.9)) html += `</${open.pop()}>`;
  return html;
}

describe("readRenderedHtml", () => {
  it("reads everything the renderer writes, exactly as readHtml does", () => {
    const samples = renderedSamples();
    expect(samples.length).toBeGreaterThan(80);
    for (const { name, html } of samples) {
      const fast = readRenderedHtml(html);
      expect(fast, name).toBeDefined();
      expect(fast, name).toEqual(readHtml(html));
    }
  });

  it("leaves raw blocks inside a paragraph to readHtml, and summaries still read them as it does", () => {
    const html = renderMarkdown(NESTED_BLOCKS, buildContext()).html;
    expect(readRenderedHtml(html)).toBeUndefined();
    const reading = readHtml(html);
    expect(summariseBody(html)).toEqual({ digest: digestText(html), textDigest: digestText(reading.text), hrefs: reading.hrefs });
  });

  it("agrees with readHtml on random HTML whenever it answers", () => {
    const random = createRandom(20_261_208);
    let answered = 0;
    const runs = 4000;
    for (let run = 0; run < runs; run++) {
      const html = randomHtml(random);
      const fast = readRenderedHtml(html);
      if (fast === undefined) continue;
      answered++;
      expect(fast, html).toEqual(readHtml(html));
    }
    // Both paths must be exercised: enough answers to compare, and enough refusals.
    expect(answered).toBeGreaterThan(runs * 0.1);
    expect(answered).toBeLessThan(runs * 0.9);
  });

  it.each([
    ["an element htmlparser2 closes for a block inside it", "<p>a<div>b</div>c</p>"],
    ["a nested item without a list", "<ul><li>a<li>b</li>c</li>d</ul>"],
    ["a cell opened inside a cell", "<table><tr><td>a<td>b</td></td></tr></table>"],
    ["an entity escapeHtml never writes", "<p>a&nbsp;b</p>"],
    ["a self-closing tag", "<p>a<br/>b</p>"],
    ["text inside an iframe", '<iframe src="x">a &amp; b</iframe>'],
    ["a tag the renderer never writes", "<p><span>a</span></p>"],
    ["a close tag with nothing open", "a</p>b"],
    ["an unclosed element", "<p>a"],
    ["a single-quoted attribute", "<a href='x'>a</a>"],
  ])("leaves %s to readHtml", (_, html) => {
    expect(readRenderedHtml(html)).toBeUndefined();
  });
});
