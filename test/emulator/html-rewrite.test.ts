import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeArticleHtml } from "../../src/emulator/rewrite-html.js";
import { startTestEmulator } from "../support/emulator.js";
import type { TestEmulator } from "../support/emulator.js";
import { callApi } from "../support/http.js";

describe("storeArticleHtml", () => {
  it("adds the no-margin class to paragraphs, keeping existing classes", () => {
    expect(storeArticleHtml('<p>One</p><p class="lead">Two</p>', "body")).toBe(
      '<p class="no-margin">One</p><p class="lead no-margin">Two</p>',
    );
  });

  it("gives h1 and h2 a unique id in Intercom's h_ form and flattens h3-h6 to h2", () => {
    const stored = storeArticleHtml("<h1>Set up &amp; go</h1><h3>Details</h3><h6>Details</h6>", "body");
    const ids = [...stored.matchAll(/<(h[12]) id="([^"]+)">/g)].map((match) => [match[1], match[2]]);
    expect(ids.map(([tag]) => tag)).toEqual(["h1", "h2", "h2"]);
    for (const [, id] of ids) expect(id).toMatch(/^h_[0-9a-f]{10}$/);
    expect(new Set(ids.map(([, id]) => id)).size).toBe(3);
    expect(stored).toBe('<h1 id="h_92a632d3b5">Set up &amp; go</h1><h2 id="h_0a9403c0da">Details</h2><h2 id="h_df61b57af8">Details</h2>');
  });

  it("wraps images in an intercom-container div, splitting the paragraph around them", () => {
    expect(storeArticleHtml('<p>Look: <img src="https://cdn.test/a.png" alt="A"> there</p>', "body")).toBe(
      '<p class="no-margin">Look: </p><div class="intercom-container"><img src="https://cdn.test/a.png" alt="A"></div><p class="no-margin"> there</p>',
    );
  });

  it("wraps loose text in a paragraph and drops whitespace between blocks", () => {
    expect(storeArticleHtml("Plain text\n\n<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n", "body")).toBe(
      '<p class="no-margin">Plain text\n\n</p><ul><li>a</li><li>b</li></ul>',
    );
  });

  it("keeps whitespace inside pre", () => {
    expect(storeArticleHtml("<pre><code>  a\n    b\n</code></pre>", "body")).toBe("<pre><code>  a\n    b\n</code></pre>");
  });

  it("drops attributes outside the allowlist", () => {
    expect(storeArticleHtml('<p data-x="1" style="color:red">x</p><a href="https://a.test" data-y="2">l</a>', "body")).toBe(
      '<p class="no-margin">x</p><p class="no-margin"><a href="https://a.test">l</a></p>',
    );
  });

  it("is idempotent: storing stored HTML gives the same bytes", () => {
    const inputs = [
      "<h1>Title</h1><p>Text <b>bold</b></p><h4>Deep</h4>",
      '<p><img src="https://cdn.test/a.png"></p><table><tr><td>x</td></tr></table>',
      'Loose <a href="https://a.test">link</a>',
    ];
    for (const input of inputs) {
      const stored = storeArticleHtml(input, "body");
      expect(storeArticleHtml(stored, "body")).toBe(stored);
    }
  });

  it("accepts video iframes and wraps them in Intercom's video container", () => {
    expect(storeArticleHtml('<iframe src="https://www.youtube.com/embed/abc"></iframe>', "body")).toBe(
      '<div class="intercom-h2b-video"><iframe src="https://www.youtube.com/embed/abc"></iframe></div>',
    );
  });

  it("wraps tables in Intercom's table container once, keeping table and cell styles", () => {
    const html = '<table role="presentation" style="border: 1px solid #c6c9c0;"><tbody><tr><td style="width: 126px;" colspan="2">x</td></tr></tbody></table>';
    const stored = storeArticleHtml(html, "body");
    expect(stored).toBe(`<div class="intercom-interblocks-table-container">${html}</div>`);
    expect(storeArticleHtml(stored, "body")).toBe(stored);
  });

  it("keeps a heading id sent with the body, so in-article #h_ links keep working", () => {
    expect(storeArticleHtml('<h1 id="h_3d75a56c5c">Steps</h1><h2>Steps</h2><p><a href="#h_3d75a56c5c">up</a></p>', "body")).toBe(
      '<h1 id="h_3d75a56c5c">Steps</h1><h2 id="h_b20b8e0ec5">Steps</h2><p class="no-margin"><a href="#h_3d75a56c5c">up</a></p>',
    );
  });

  it("stores a linked image in an image container, and Intercom CDN images without their signature", () => {
    const signed = "https://downloads.intercomcdn.com/i/o/1/a/b.png?expires=1781092800&amp;signature=abc&amp;req=x%0A";
    expect(storeArticleHtml(`<p><a href="https://example.com"><img src="${signed}"></a></p>`, "body")).toBe(
      '<div class="intercom-container"><a href="https://example.com"><img src="https://downloads.intercomcdn.com/i/o/1/a/b.png"></a></div>',
    );
  });

  it.each([
    ["<script>alert(1)</script>", "<script>"],
    ["<style>p{}</style>", "<style>"],
    ["<span>x</span>", "<span>"],
    ['<p onclick="x()">a</p>', "onclick"],
    ['<a href="java\tscript:alert(1)">x</a>', "javascript:"],
    ['<a href=" JavaScript:alert(1)">x</a>', "javascript:"],
    ['<a href="j&#10;a&#9;v a s c r i p t :alert(1)">x</a>', "javascript:"],
    ['<iframe src="https://evil.test/embed"></iframe>', "iframes"],
    ['<img src="images/a.png">', "absolute"],
    ["<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>", "nested tables"],
    ["<ul></ul>", "empty <ul>"],
    ["<ol> </ol>", "empty <ol>"],
  ])("refuses %s", (html, reason) => {
    expect(() => storeArticleHtml(html, "translated_content.fr.body")).toThrow(reason);
    try {
      storeArticleHtml(html, "translated_content.fr.body");
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: "parameter_invalid", field: "translated_content.fr.body" });
    }
  });
});

describe("emulator HTML handling over HTTP", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("signs Intercom CDN image URLs anew on every read, and stores them unsigned", async () => {
    const created = await callApi(emulator.url, "POST", "/articles", {
      body: { title: "Signed", author_id: 991000001, body: '<p><img src="https://downloads.intercomcdn.com/i/o/1/a/b.png"></p>' },
    });
    const read = await callApi(emulator.url, "GET", `/articles/${String(created.body.id)}`);
    const pattern = /^<div class="intercom-container"><img src="https:\/\/downloads\.intercomcdn\.com\/i\/o\/1\/a\/b\.png\?expires=\d+&amp;signature=[0-9a-f]{64}&amp;req=[^"]+"><\/div>$/;
    expect(created.body.body).toMatch(pattern);
    expect(read.body.body).toMatch(pattern);
    expect(read.body.body).not.toBe(created.body.body);
    const state = await callApi(emulator.url, "GET", "/_emulator/state");
    expect(JSON.stringify(state.body)).toContain('src=\\"https://downloads.intercomcdn.com/i/o/1/a/b.png\\"');
  });

  it("stores the rewritten body, not the one sent", async () => {
    const response = await callApi(emulator.url, "POST", "/articles", {
      body: { title: "Rewrite", author_id: 991000001, body: "<h2>Intro</h2>\n<p>Text</p>\n<h3>Sub</h3>" },
    });
    expect(response.body.body).toBe('<h2 id="h_0513f67289">Intro</h2><p class="no-margin">Text</p><h2 id="h_5c9a2641ac">Sub</h2>');
  });

  it("answers 400 parameter_invalid to a body Intercom would refuse, naming the locale's field", async () => {
    const response = await callApi(emulator.url, "POST", "/articles", {
      body: { title: "Bad", author_id: 991000001, translated_content: { fr: { title: "Mauvais", body: "<script>x</script>" } } },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "translated_content.fr.body" });
  });

  it("renders body_markdown and refuses it together with body", async () => {
    const rendered = await callApi(emulator.url, "POST", "/articles", {
      body: { title: "Markdown", author_id: 991000001, body_markdown: "# Hi\n\nSome *text*" },
    });
    expect(rendered.body.body).toBe('<h1 id="h_eda210f74e">Hi</h1><p class="no-margin">Some <em>text</em></p>');
    const both = await callApi(emulator.url, "POST", "/articles", {
      body: { title: "Both", author_id: 991000001, body: "<p>a</p>", body_markdown: "a" },
    });
    expect(both.status).toBe(400);
    expect(both.body.errors[0]).toMatchObject({ code: "parameter_invalid", field: "body_markdown" });
  });
});
