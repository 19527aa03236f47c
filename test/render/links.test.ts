import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext, buildTranslationContext } from "./context.js";

describe("links", () => {
  it("turns a relative .md link into an article placeholder and lists the key", () => {
    const result = renderMarkdown("See [setup](setup.md) and [home](../welcome.md).\n", buildContext());
    expect(result.html).toBe('<p>See <a href="intercom-sync:guide/setup">setup</a> and <a href="intercom-sync:welcome">home</a>.</p>\n');
    expect(result.links).toEqual(["guide/setup", "welcome"]);
  });

  it("keeps the #anchor on an article link and lists each key once", () => {
    const result = renderMarkdown("[a](setup.md#step-2) [b](./setup.md)\n", buildContext());
    expect(result.html).toContain('href="intercom-sync:guide/setup#step-2"');
    expect(result.links).toEqual(["guide/setup"]);
  });

  it("resolves a folder link to the folder's index page", () => {
    const result = renderMarkdown("[guide](../guide/#intro)\n", buildContext());
    expect(result.html).toContain('href="intercom-sync:guide/index#intro"');
  });

  it("resolves a translation's link against its own folder first", () => {
    const result = renderMarkdown("[install](install.md)\n", buildTranslationContext());
    expect(result.links).toEqual(["guide/install"]);
    expect(result.diagnostics).toEqual([]);
  });

  it("falls back to the source file's folder for a translation", () => {
    const result = renderMarkdown("[setup](setup.md)\n", buildTranslationContext());
    expect(result.html).toContain('href="intercom-sync:guide/setup"');
    expect(result.diagnostics).toEqual([]);
  });

  it("reports a broken link as an error at its file line and keeps the text", () => {
    const markdown = "Intro.\n\nFirst line\nsecond [gone](missing.md) line\n";
    const result = renderMarkdown(markdown, buildContext({ bodyStartLine: 6 }));
    expect(result.html).toBe("<p>Intro.</p>\n<p>First line second gone line</p>\n");
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: "render/broken-link", severity: "error", location: { file: "content/guide/install.md", line: 9 } });
    expect(result.links).toEqual([]);
  });

  it("refuses a link that leaves the project root", () => {
    const result = renderMarkdown("[x](../../../secret.md)\n", buildContext());
    expect(result.diagnostics[0]).toMatchObject({ code: "render/path-outside-project", severity: "error" });
  });

  it("refuses a link to a file outside the content and locales folders", () => {
    const result = renderMarkdown("[readme](../../README.md)\n", buildContext());
    expect(result.diagnostics[0]).toMatchObject({ code: "render/outside-content", severity: "error" });
  });

  it("turns a link to an existing non-markdown file into an asset URL", () => {
    const result = renderMarkdown("[manual](manual.pdf)\n", buildContext());
    expect(result.html).toContain('href="https://cdn.example.com/help/guide/manual.pdf"');
  });

  it("keeps in-page anchors, http(s) and mailto links", () => {
    const result = renderMarkdown("[a](#top) [b](https://example.com/x) [c](mailto:help@example.com)\n", buildContext());
    expect(result.html).toBe('<p><a href="#top">a</a> <a href="https://example.com/x">b</a> <a href="mailto:help@example.com">c</a></p>\n');
    expect(result.diagnostics).toEqual([]);
  });

  it("removes javascript: links with a warning and keeps the text", () => {
    const result = renderMarkdown("[click](javascript:alert(1))\n", buildContext());
    expect(result.html).toBe("<p>click</p>\n");
    expect(result.diagnostics[0]).toMatchObject({ code: "render/unsafe-url", severity: "warning" });
  });

  it("autolinks URLs and www addresses but not file names", () => {
    const result = renderMarkdown("Open https://example.com or www.example.org, then edit main.py.\n", buildContext());
    expect(result.html).toBe('<p>Open <a href="https://example.com">https://example.com</a> or <a href="http://www.example.org">www.example.org</a>, then edit main.py.</p>\n');
  });

  it("rewrites relative hrefs in raw <a> tags too", () => {
    const result = renderMarkdown('<a href="setup.md" onclick="x()">setup</a>\n', buildContext());
    expect(result.html).toContain('<a href="intercom-sync:guide/setup">setup</a>');
    expect(result.diagnostics.map((d) => d.code)).toEqual(["render/unsafe-html"]);
  });
});
