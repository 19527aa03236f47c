import type { Token } from "markdown-it";
import type { RenderDiagnostics } from "./diagnostics.js";

/**
 * Heading mapping. Intercom keeps two heading levels, `<h1>` and `<h2>`, and promotes the
 * headings of a body that has no `<h1>`. So levels map by rank, not by number:
 *
 *   - the shallowest markdown heading level used in the body becomes `<h1>`;
 *   - the next level used becomes `<h2>`;
 *   - any deeper level also becomes `<h2>`, with one `render/heading-merged` warning per file at
 *     the first merged heading.
 *
 * A body using `##` and `###` gets `<h1>` and `<h2>`; a body using only `###` gets `<h1>`.
 * `htmlToMarkdown` writes `<h1>` as `##` and `<h2>` as `###` (the page title is the `#`), which
 * maps back to the same tags. A body that also has a raw `<h1>` (an aligned heading, or one an
 * in-article link points at, which `htmlToMarkdown` keeps as HTML) ranks as if it used `##`.
 */
export interface HeadingRef {
  open: Token;
  close: Token | undefined;
  /** 0-based body line. */
  line: number;
}

/** The markdown level `htmlToMarkdown` writes `<h1>` as. */
const PULLED_H1_LEVEL = 2;
const HEADING_ATTRIBUTES = /[ \t]*\{[ \t]*[#.][^{}]*\}[ \t]*$/;

/** Applies the rank mapping above to every heading of one body. */
export function mapHeadingLevels(headings: readonly HeadingRef[], diagnostics: RenderDiagnostics, hasRawH1 = false): void {
  const used = headings.map((heading) => headingLevel(heading.open));
  if (hasRawH1) used.push(PULLED_H1_LEVEL);
  const levels = [...new Set(used)].sort((a, b) => a - b);
  const top = levels[0];
  const second = levels[1];
  let warned = false;
  for (const heading of headings) {
    const level = headingLevel(heading.open);
    const tag = level === top ? "h1" : "h2";
    heading.open.tag = tag;
    if (heading.close !== undefined) heading.close.tag = tag;
    if (!warned && second !== undefined && level > second) {
      warned = true;
      const deeper = "#".repeat(level);
      const kept = "#".repeat(second);
      diagnostics.add("render/heading-merged", heading.line, { deeper, kept });
    }
  }
}

/**
 * Removes an MkDocs attribute list (`{ #id }`, `{ .class }`) from the end of a heading's inline
 * token, and reports whether there was one. Intercom assigns its own heading ids.
 */
export function stripHeadingAttributes(inline: Token): boolean {
  const children = inline.children ?? [];
  const last = children[children.length - 1];
  if (last?.type !== "text" || !HEADING_ATTRIBUTES.test(last.content)) return false;
  last.content = last.content.replace(HEADING_ATTRIBUTES, "");
  inline.content = inline.content.replace(HEADING_ATTRIBUTES, "");
  if (last.content === "") children.pop();
  return true;
}

function headingLevel(open: Token): number {
  return Number(open.tag.slice(1));
}
