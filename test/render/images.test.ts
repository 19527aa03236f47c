import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext, buildTranslationContext } from "./context.js";

describe("images", () => {
  it("rewrites a relative image to assetBaseUrl + its path under the content folder", () => {
    const result = renderMarkdown("![Screen](images/screen.png)\n", buildContext());
    expect(result.html).toBe('<p><img src="https://cdn.example.com/help/guide/images/screen.png" alt="Screen"></p>\n');
    expect(result.diagnostics).toEqual([]);
  });

  it("treats a leading / as the content root", () => {
    const result = renderMarkdown("![Logo](/images/logo.png)\n", buildContext());
    expect(result.html).toContain('src="https://cdn.example.com/help/images/logo.png"');
  });

  it("prefixes an image under locales/<code>/ with the locale code", () => {
    const result = renderMarkdown("![Écran](images/ecran.png)\n", buildTranslationContext());
    expect(result.html).toContain('src="https://cdn.example.com/help/fr/guide/images/ecran.png"');
  });

  it("falls back to the source folder for an image a translation copied from the source", () => {
    const result = renderMarkdown("![Screen](images/screen.png)\n", buildTranslationContext());
    expect(result.html).toContain('src="https://cdn.example.com/help/guide/images/screen.png"');
    expect(result.diagnostics).toEqual([]);
  });

  it("reports a missing image as an error at its line and drops it", () => {
    const result = renderMarkdown("Text\n\n![Gone](images/gone.png)\n", buildContext({ bodyStartLine: 3 }));
    expect(result.html).toBe("<p>Text</p>\n<p></p>\n");
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "render/missing-image", severity: "error", location: { file: "content/guide/install.md", line: 5 } }),
    ]);
  });

  it("refuses an image outside the project", () => {
    const result = renderMarkdown("![x](../../../x.png)\n", buildContext());
    expect(result.diagnostics[0]).toMatchObject({ code: "render/path-outside-project", severity: "error" });
  });

  it("asks for assetBaseUrl when a relative image has none", () => {
    const result = renderMarkdown("![Screen](images/screen.png)\n", buildContext({ assetBaseUrl: null }));
    expect(result.html).not.toContain("<img");
    expect(result.diagnostics[0]).toMatchObject({ code: "render/asset-base-url-missing", severity: "error" });
    expect(result.diagnostics[0]!.hint).toContain("assetBaseUrl");
  });

  it("keeps absolute image URLs without needing assetBaseUrl", () => {
    const result = renderMarkdown("![a](https://images.example.com/a.png)\n", buildContext({ assetBaseUrl: null }));
    expect(result.html).toBe('<p><img src="https://images.example.com/a.png" alt="a"></p>\n');
    expect(result.diagnostics).toEqual([]);
  });

  it("removes an image whose source is a template, with a warning", () => {
    const result = renderMarkdown('<img src="{{ user.avatar }}">\n', buildContext());
    expect(result.html).not.toContain("<img");
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: "render/template-url", severity: "warning" })]);
  });

  it("rewrites a raw <img> with a relative src like a markdown image", () => {
    const result = renderMarkdown('<img src="images/screen.png" width="300" onerror="x()">\n', buildContext());
    expect(result.html).toBe('<p><img src="https://cdn.example.com/help/guide/images/screen.png" alt="" width="300"></p>\n');
  });

  it("drops data: image sources with a warning", () => {
    const result = renderMarkdown("![x](data:image/png;base64,AAAA)\n", buildContext());
    expect(result.html).not.toContain("<img");
    expect(result.diagnostics[0]).toMatchObject({ code: "render/unsupported-image-url" });
  });
});
