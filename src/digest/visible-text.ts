import { Parser } from "htmlparser2";

/** Tags that end a line or a cell: their boundaries separate words even without whitespace. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "h1", "h2",
  "h3", "h4", "h5", "h6", "hr", "iframe", "img", "li", "ol", "p", "pre", "section", "table", "tbody",
  "td", "tfoot", "th", "thead", "tr", "ul",
]);

/** What a reader sees of an HTML fragment, and where its links lead. */
export interface HtmlReading {
  /** Tags stripped, entities decoded, whitespace collapsed (see toVisibleText). */
  text: string;
  /** `<a href>` values in order, entities decoded (see toLinkTargets). */
  hrefs: string[];
}

/** Reads an HTML fragment once for both its visible text and its link targets. */
export function readHtml(html: string): HtmlReading {
  const parts: string[] = [];
  const hrefs: string[] = [];
  const parser = new Parser(
    {
      ontext(text) {
        parts.push(text);
      },
      onopentag(name, attributes) {
        if (BLOCK_TAGS.has(name)) parts.push(" ");
        if (name === "a" && attributes.href !== undefined) hrefs.push(attributes.href);
      },
      onclosetag(name) {
        if (BLOCK_TAGS.has(name)) parts.push(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return { text: normaliseText(parts.join("")), hrefs };
}

/**
 * The text a reader sees in an HTML fragment: tags stripped, entities decoded, whitespace
 * collapsed. Intercom rewrites stored HTML (classes, ids, heading levels), so adoption compares
 * this instead of markup.
 */
export function toVisibleText(html: string): string {
  return readHtml(html).text;
}

// A run of two or more whitespace characters, or one that is not a plain space: the runs that
// change. Most runs in text are the single space between two words, and leaving those alone
// halves the time of the replace. `\s` includes the non-breaking space.
const WHITESPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** Collapses runs of whitespace (including non-breaking spaces) to one space, and trims. */
export function normaliseText(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, " ").trim();
}

/**
 * The link targets of an HTML fragment, in order, entities decoded. Visible text does not show
 * where a link leads, and an article created with a stand-in link (its target did not exist yet)
 * reads the same as the finished one, so adoption compares these too.
 */
export function toLinkTargets(html: string): string[] {
  return readHtml(html).hrefs;
}
