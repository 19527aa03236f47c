import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "./context.js";

function render(markdown: string, bodyStartLine = 1) {
  return renderMarkdown(markdown, buildContext({ bodyStartLine }));
}

describe("heading mapping", () => {
  it("maps the shallowest level used to h1 and the next to h2", () => {
    const { html, diagnostics } = render("## Install\n\ntext\n\n### Linux\n");
    expect(html).toBe("<h1>Install</h1>\n<p>text</p>\n<h2>Linux</h2>\n");
    expect(diagnostics).toEqual([]);
  });

  it("makes a body that only uses ### start at h1", () => {
    expect(render("### Only\n").html).toBe("<h1>Only</h1>\n");
  });

  it("treats setext headings by their level", () => {
    expect(render("Top\n===\n\nSub\n---\n").html).toBe("<h1>Top</h1>\n<h2>Sub</h2>\n");
  });

  it("merges deeper levels into h2 and warns once, at the first merged heading's file line", () => {
    const markdown = "## A\n\n### B\n\n#### C\n\n#### D\n\n##### E\n";
    const { html, diagnostics } = render(markdown, 5);
    expect(html).toBe("<h1>A</h1>\n<h2>B</h2>\n<h2>C</h2>\n<h2>D</h2>\n<h2>E</h2>\n");
    const merged = diagnostics.filter((d) => d.code === "render/heading-merged");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ severity: "warning", message: "#### and ### both become <h2> in Intercom" });
    expect(merged[0]!.location).toEqual({ file: "content/guide/install.md", line: 9 });
  });

  it("strips { #id } attributes from heading text and reports them once per file", () => {
    const { html, diagnostics } = render("## Install { #install }\n\n## Run { #run }\n");
    expect(html).toBe("<h1>Install</h1>\n<h1>Run</h1>\n");
    const attributes = diagnostics.filter((d) => d.code === "render/heading-attribute");
    expect(attributes).toHaveLength(1);
    expect(attributes[0]!.location.line).toBe(1);
    expect(attributes[0]!.message).toContain("2 times: lines 1, 3");
  });

  it("flattens raw h3-h6 tags to h2", () => {
    expect(render("<h4>Raw</h4>\n").html).toBe("<h2>Raw</h2>\n");
  });
});
