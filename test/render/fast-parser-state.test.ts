import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { installFastParserState } from "../../src/render/fast-parser-state.js";
import { markdownParser } from "../../src/render/markdown-parser.js";

const SAMPLE = [
  "# Title",
  "",
  "\tindented code with a tab",
  "",
  "- item *one* with `code` and a [link](https://example.com)",
  "  - nested **two** ~~gone~~",
  "",
  "| a | b |",
  "|---|---|",
  "| 1 | <span>2</span> |",
  "",
  "> quote https://example.org/page",
  "",
  "```js",
  "const x = 1;",
  "```",
  "",
].join("\n");

describe("installFastParserState", () => {
  it("is installed on the renderer's markdown-it instance", () => {
    const parsers = markdownParser as unknown as { block: { State: { name: string } }; inline: { State: { name: string } } };
    expect(parsers.block.State.name).toBe("FastStateBlock");
    expect(parsers.inline.State.name).toBe("FastStateInline");
  });

  it("produces the same tokens and HTML as markdown-it's own classes", () => {
    const plain = new MarkdownIt("default", { html: true, linkify: true });
    const fast = new MarkdownIt("default", { html: true, linkify: true });
    expect(installFastParserState(fast)).toBe(true);
    expect(fast.render(SAMPLE)).toBe(plain.render(SAMPLE));
    expect(JSON.stringify(fast.parse(SAMPLE, {}))).toBe(JSON.stringify(plain.parse(SAMPLE, {})));
  });

  it("keeps token methods and instanceof working", () => {
    const fast = new MarkdownIt();
    installFastParserState(fast);
    const [heading] = fast.parse("# Hi", {});
    const Token = new fast.core.State("", fast, {}).Token;
    expect(heading).toBeInstanceOf(Token);
    heading?.attrSet("id", "hi");
    expect(heading?.attrGet("id")).toBe("hi");
  });

  it("leaves the instance alone when markdown-it's classes build different objects", () => {
    const md = new MarkdownIt();
    const parsers = md as unknown as { block: { State: unknown } };
    const original = parsers.block.State;
    // A stand-in whose objects have another shape, as a future markdown-it might.
    class OtherState {
      extra = true;
    }
    parsers.block.State = OtherState;
    expect(installFastParserState(md)).toBe(false);
    expect(parsers.block.State).toBe(OtherState);
    parsers.block.State = original;
  });
});
