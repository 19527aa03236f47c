import MarkdownIt from "markdown-it";
import type { RenderContext, RenderResult } from "./types.js";

// Placeholder until the full renderer lands: plain CommonMark, no rewriting.
const md = new MarkdownIt({ html: false, linkify: true });

/** Renders one markdown body to the HTML Intercom accepts. Pure: same input, same bytes. */
export function renderMarkdown(markdown: string, _context: RenderContext): RenderResult {
  return { html: md.render(markdown), links: [], diagnostics: [] };
}
