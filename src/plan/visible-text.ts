import { Parser } from "htmlparser2";

// Tags that end a line or a cell: their boundaries separate words even without whitespace.
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
  "h3", "h4", "h5", "h6", "hr", "iframe", "img", "li", "ol", "p", "pre", "section", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "ul",
]);

/**
 * The text a reader sees in an HTML fragment: tags stripped, entities decoded, whitespace
 * collapsed. Intercom rewrites stored HTML (classes, ids, heading levels), so adoption compares
 * this instead of markup.
 */
export function toVisibleText(html: string): string {
  const parts: string[] = [];
  const parser = new Parser(
    {
      ontext(text) {
        parts.push(text);
      },
      onopentag(name) {
        if (BLOCK_TAGS.has(name)) parts.push(" ");
      },
      onclosetag(name) {
        if (BLOCK_TAGS.has(name)) parts.push(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return normaliseText(parts.join(""));
}

/** Collapses runs of whitespace (including non-breaking spaces) and trims. */
export function normaliseText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/**
 * The link targets of an HTML fragment, in order, entities decoded. Visible text does not show
 * where a link leads, and an article created with a stand-in link (its target did not exist yet)
 * reads the same as the finished one, so adoption compares these too.
 */
export function toLinkTargets(html: string): string[] {
  const hrefs: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "a" && attributes.href !== undefined) hrefs.push(attributes.href);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return hrefs;
}
