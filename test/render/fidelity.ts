import { expect } from "vitest";
import { storeArticleHtml } from "../../src/emulator/rewrite-html.js";
import { signImageUrls } from "../../src/emulator/sign-image-urls.js";
import { findHtmlProblems } from "../../src/render/check-html.js";
import { htmlToMarkdown } from "../../src/render/html-to-markdown.js";
import { renderMarkdown } from "../../src/render/render-markdown.js";
import { describeStructure, findLinkedIds, type StructureNode } from "../support/html-structure.js";
import { buildContext } from "./context.js";

export interface RoundTrip {
  /** The body as Intercom stores it. */
  stored: string;
  /** What `pull` writes for it (read with fresh image signatures). */
  markdown: string;
  /** What `push` sends for that markdown. */
  sent: string;
  /** What Intercom stores for what was sent. */
  storedAgain: string;
  before: StructureNode[];
  after: StructureNode[];
}

let clock = 1_700_000_000;
const reader = { nowSeconds: () => clock++ };

/**
 * Intercom's HTML -> stored -> read (signed) -> pull -> markdown -> push -> stored again, checking
 * on the way that the renderer reports no finding, sends HTML Intercom accepts, and that a second
 * pull writes the same markdown.
 */
export function roundTrip(html: string): RoundTrip {
  const stored = storeArticleHtml(html, "body");
  const markdown = htmlToMarkdown(signImageUrls(reader, stored));
  const rendered = renderMarkdown(markdown, buildContext({ file: "content/guide/install.md" }));
  expect(rendered.diagnostics).toEqual([]);
  expect(findHtmlProblems(rendered.html)).toEqual([]);
  const storedAgain = storeArticleHtml(rendered.html, "body");
  expect(htmlToMarkdown(signImageUrls(reader, storedAgain))).toBe(markdown);
  const linked = findLinkedIds(stored);
  return { stored, markdown, sent: rendered.html, storedAgain, before: describeStructure(stored, linked), after: describeStructure(storedAgain, linked) };
}
