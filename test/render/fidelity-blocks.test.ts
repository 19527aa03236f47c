import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../src/render/html-to-markdown.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "./context.js";
import { roundTrip } from "./fidelity.js";

const CDN = "https://downloads.intercomcdn.com/i/o/1178797115/8f4c7d83c220e1a8fe3528b2/image.png";
const SIGNED = `${CDN}?expires=1781092800&amp;signature=14a7e338baf9119a8b2209541cf08076e04864d5c71047025a7ece8914ee5313&amp;req=dSEgHs53moBeXPMW3nq%2Bgf5xkZWPxPTjOEqSMsnokvN63PTnVEnAWMOWrcAy%0A`;
const EDITOR_COLOURS: [string, string, string][] = [
  ["grey", "background-color: #e8e8e880; border-color: #73737633;", "> Text."],
  ["blue", "background-color: #e3e7fa80; border-color: #334bfa33;", "> [!NOTE]\n> Text."],
  ["green", "background-color: #d7efdc80; border-color: #1bb15733;", "> [!TIP]\n> Text."],
  ["yellow", "background-color: #feedaf80; border-color: #fbc91633;", "> [!WARNING]\n> Text."],
  ["red", "background-color: #fed9db80; border-color: #fd3a5733;", "> [!CAUTION]\n> Text."],
];

/** Round-trips `html` and returns what pull wrote, after checking that nothing was lost. */
function keeps(html: string): string {
  const trip = roundTrip(html);
  expect(trip.after).toEqual(trip.before);
  return trip.markdown;
}

describe("Intercom's editor blocks survive pull, edit and push", () => {
  it.each(EDITOR_COLOURS)("keeps a %s callout in its editor colour, written as an alert", (_name, style, markdown) => {
    expect(keeps(`<div class="intercom-interblocks-callout" style="${style}"><p class="no-margin">Text.</p></div>`)).toBe(`${markdown}\n`);
  });

  it("keeps a callout in a colour of its own as its div, with markdown inside", () => {
    const markdown = keeps('<div class="intercom-interblocks-callout" style="background-color: #ffe4c4; border-color: #8b4513;"><p>Mind the <b>gap</b>.</p></div>');
    expect(markdown).toBe('<div class="intercom-interblocks-callout" style="background-color: #ffe4c4; border-color: #8b4513;">\n\nMind the **gap**.\n\n</div>\n');
  });

  it("reads callouts pushed by earlier versions back as the same alerts", () => {
    expect(htmlToMarkdown('<div class="intercom-interblocks-callout" style="background-color: #fdf3dc; border-color: #d99a06;"><p>Old.</p></div>')).toBe("> [!WARNING]\n> Old.\n");
  });

  it("keeps buttons, left and centred, with their link targets", () => {
    const markdown = keeps(
      '<div class="intercom-container intercom-align-left"><a class="intercom-h2b-button" target="_blank" href="https://example.com/start">Start</a></div>' +
        '<div class="intercom-container intercom-align-center"><a class="intercom-h2b-button" href="https://example.com/buy">Buy</a></div>' +
        '<p>Or <a class="intercom-h2b-button" href="https://example.com/inline">inline *now*</a>.</p>',
    );
    expect(markdown).toContain('<div class="intercom-container"><a class="intercom-h2b-button" href="https://example.com/start">Start</a></div>');
    expect(markdown).toContain('Or <a class="intercom-h2b-button" href="https://example.com/inline">inline \\*now\\*</a>.');
  });

  it("keeps the alignment of paragraphs, headings and images", () => {
    const markdown = keeps(
      '<h1 class="intercom-align-center">Title</h1><p class="intercom-align-right">Right, <i>really</i>.</p><p class="intercom-align-justify">Justified.</p>' +
        '<p class="intercom-align-left">Left is the default.</p>' +
        `<div class="intercom-container intercom-align-center"><img src="${CDN}" alt="Centred"></div>`,
    );
    expect(markdown).toContain('<p class="intercom-align-right">Right, <i>really</i>.</p>');
    expect(markdown).toContain("\nLeft is the default.\n");
  });

  it("keeps spacer paragraphs and line breaks, including one that ends a paragraph", () => {
    const markdown = keeps('<p class="no-margin">One<br>two<br></p><p class="no-margin"></p><p class="no-margin"></p><p><br></p><p>Three</p>');
    expect(markdown).toBe("One\\\ntwo<br>\n\n<p></p>\n\n<p></p>\n\n<br>\n\nThree\n");
  });

  it.each([
    ["YouTube", "https://www.youtube.com/embed/jqO8AQHj7Fw", "https://www.youtube.com/watch?v=jqO8AQHj7Fw"],
    ["Vimeo", "https://player.vimeo.com/video/123456", "https://vimeo.com/123456"],
    ["Loom", "https://www.loom.com/embed/abc123", "https://www.loom.com/share/abc123"],
    ["Wistia", "https://fast.wistia.net/embed/iframe/xyz789", "https://fast.wistia.com/medias/xyz789"],
  ])("keeps a %s embed in Intercom's video wrapper, written as its page URL", (_name, embed, page) => {
    const markdown = keeps(`<div class="intercom-h2b-video"><iframe src="${embed}" frameborder="0" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe></div>`);
    expect(markdown).toBe(`${page}\n`);
  });

  it("keeps an embed URL with player options as a raw iframe", () => {
    expect(keeps('<div class="intercom-h2b-video"><iframe src="https://www.youtube.com/embed/jqO8AQHj7Fw?rel=0" frameborder="0" allowfullscreen></iframe></div>')).toBe(
      '<iframe src="https://www.youtube.com/embed/jqO8AQHj7Fw?rel=0" frameborder="0" allowfullscreen></iframe>\n',
    );
  });

  it("writes a plain table with a header row as a GFM table", () => {
    const markdown = keeps("<table><thead><tr><th>Setting</th><th>Default</th></tr></thead><tbody><tr><td>cache</td><td><code>256 MB</code></td></tr></tbody></table>");
    expect(markdown).toBe("| Setting | Default |\n| --- | --- |\n| cache | `256 MB` |\n");
  });

  it("keeps an editor table's header row, cell styles, cell alignment and merged cells", () => {
    const markdown = keeps(
      '<div class="intercom-interblocks-table-container"><table role="presentation" style="border: 1px solid #c6c9c0; border-collapse: separate;">' +
        '<thead><tr><th colspan="2" style="background-color: #e3e7fa80; width: 139px; padding: 8px;"><p class="intercom-align-center"><b>Plan</b></p></th></tr></thead>' +
        '<tbody><tr><td rowspan="2" style="border-top: 1px solid #c6c9c0;"><p>Pro</p></td><td><p class="intercom-align-right">10 €</p></td></tr>' +
        "<tr><td><p>yearly</p><ul><li>billed once</li></ul></td></tr></tbody></table></div>",
    );
    expect(markdown).toContain('<th colspan="2" style="background-color: #e3e7fa80; width: 139px; padding: 8px;">');
    expect(markdown.split("\n").filter((line) => line.startsWith("<table"))).toHaveLength(1);
  });

  it("keeps horizontal rules and code blocks with their language", () => {
    expect(keeps('<p>Before</p><hr><pre><code class="language-python">print("hi")\n</code></pre>')).toBe('Before\n\n---\n\n```python\nprint("hi")\n```\n');
  });

  it("keeps in-article anchors: the heading a #h_ link points at keeps its id", () => {
    const markdown = keeps('<h1 id="h_3d75a56c5c">Steps</h1><h2 id="h_00aa11bb22">Unlinked</h2><p>See <a href="#h_3d75a56c5c">the steps</a>.</p>');
    expect(markdown).toBe('<h1 id="h_3d75a56c5c">Steps</h1>\n\n### Unlinked\n\nSee [the steps](#h_3d75a56c5c).\n');
  });

  it("keeps images with links and sizes", () => {
    const markdown = keeps(
      `<div class="intercom-container"><a href="https://example.com/zoom" target="_blank"><img src="${CDN}" alt="Shot"></a></div>` +
        `<div class="intercom-container"><img src="${CDN}" width="563" height="300" style="height: auto;"></div>`,
    );
    expect(markdown).toBe(`[![Shot](${CDN})](https://example.com/zoom)\n\n<img src="${CDN}" width="563" height="300" style="height: auto;">\n`);
  });

  it("writes Intercom's signed image URLs without their per-read query", () => {
    const markdown = keeps(`<div class="intercom-container"><img src="${SIGNED}" alt="Signed"></div>`);
    expect(markdown).toBe(`![Signed](${CDN})\n`);
    expect(htmlToMarkdown(`<img src="${SIGNED.replace("1781092800", "1799999999")}" alt="Signed">`)).toBe(markdown);
  });
});

describe("writing new content with the same blocks", () => {
  const render = (markdown: string) => renderMarkdown(markdown, buildContext());

  it("renders alerts in the editor's colours", () => {
    expect(render("> [!TIP]\n> Use the CLI.\n").html).toBe(
      '<div class="intercom-interblocks-callout" style="background-color: #d7efdc80; border-color: #1bb15733;">\n<p>Use the CLI.</p>\n</div>\n',
    );
  });

  it("renders a hand-written button, centred image and aligned paragraph as written, and check finds nothing", () => {
    const result = render(
      '<div class="intercom-container intercom-align-center"><img src="images/screen.png" alt="Screen"></div>\n\n' +
        '<p class="intercom-align-center">Ready?</p>\n\n<a class="intercom-h2b-button" href="https://example.com/start">Start</a>\n',
    );
    expect(result.diagnostics).toEqual([]);
    expect(result.html).toBe(
      '<div class="intercom-container intercom-align-center"><img src="https://cdn.example.com/help/guide/images/screen.png" alt="Screen"></div>\n' +
        '<p class="intercom-align-center">Ready?</p>\n<p><a class="intercom-h2b-button" href="https://example.com/start">Start</a></p>\n',
    );
  });

  it("resolves a relative .md link inside a raw block like a markdown link", () => {
    const result = render('<p class="intercom-align-center">See <a href="setup.md">setup</a>.</p>\n');
    expect(result.html).toBe('<p class="intercom-align-center">See <a href="intercom-sync:guide/setup">setup</a>.</p>\n');
    expect(result.links).toEqual(["guide/setup"]);
  });

  it("keeps a table's cell styles as written and warns about the declarations it drops", () => {
    const result = render('<table style="border: 1px solid #ccc"><tr><td style="width: 100px; position: fixed; background: url(x.png)">a</td></tr></table>\n');
    expect(result.html).toBe('<table style="border: 1px solid #ccc;"><tr><td style="width: 100px;">a</td></tr></table>\n');
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["render/unsupported-style", "warning"],
      ["render/unsupported-style", "warning"],
    ]);
  });
});

describe("Intercom CDN images on push", () => {
  it("sends them unsigned, so a pasted signed URL renders (and digests) like the bare one", () => {
    const signed = renderMarkdown(`![Shot](${SIGNED.replace(/&amp;/g, "&")})\n`, buildContext());
    const bare = renderMarkdown(`![Shot](${CDN})\n`, buildContext());
    expect(signed.html).toBe(bare.html);
    expect(bare.html).toBe(`<p><img src="${CDN}" alt="Shot"></p>\n`);
  });
});
