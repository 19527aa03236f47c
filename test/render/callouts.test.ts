import { describe, expect, it } from "vitest";
import { CALLOUT_COLOURS, formatCalloutOpenTag } from "../../src/render/callouts.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { buildContext } from "./context.js";

const render = (markdown: string) => renderMarkdown(markdown, buildContext());

describe("callouts", () => {
  it.each([
    ["NOTE", "note"],
    ["TIP", "tip"],
    ["IMPORTANT", "important"],
    ["WARNING", "warning"],
    ["CAUTION", "caution"],
  ] as const)("turns a [!%s] alert into a callout with its own colours", (marker, kind) => {
    const { html } = render(`> [!${marker}]\n> Mind the gap.\n`);
    const colours = CALLOUT_COLOURS[kind];
    expect(html).toBe(
      `<div class="intercom-interblocks-callout" style="background-color: ${colours.background}; border-color: ${colours.border};">\n<p>Mind the gap.</p>\n</div>\n`,
    );
  });

  it("gives every kind a distinct background colour", () => {
    const backgrounds = Object.values(CALLOUT_COLOURS).map((colours) => colours.background);
    expect(new Set(backgrounds).size).toBe(backgrounds.length);
  });

  it("drops a marker that stands in its own paragraph", () => {
    const { html } = render("> [!WARNING]\n>\n> First.\n>\n> Second.\n");
    expect(html).toBe(`${formatCalloutOpenTag("warning")}\n<p>First.</p>\n<p>Second.</p>\n</div>\n`);
  });

  it("renders a plain blockquote as a neutral callout", () => {
    expect(render("> Just a quote.\n").html).toBe(`${formatCalloutOpenTag("quote")}\n<p>Just a quote.</p>\n</div>\n`);
  });

  it("merges a nested quote into the outer callout", () => {
    expect(render("> [!NOTE]\n> Outer.\n>\n> > Inner.\n").html).toBe(`${formatCalloutOpenTag("note")}\n<p>Outer.</p>\n<p>Inner.</p>\n</div>\n`);
  });

  it("does not treat a marker with text after it as an alert", () => {
    expect(render("> [!NOTE] not alone\n").html).toContain(formatCalloutOpenTag("quote"));
  });
});
