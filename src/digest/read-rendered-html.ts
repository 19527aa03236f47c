/**
 * A fast reading of the renderer's own HTML, equal to readHtml's whenever it answers.
 *
 * readHtml runs htmlparser2, a full HTML tokenizer and tree builder. On a first push it is a
 * tenth of the CPU, most of it spent before V8 has optimised the tokenizer. The renderer's
 * output is far narrower than HTML: every tag is one the renderer writes (src/intercom/
 * html-allowlist.ts), written in lower case as `<name key="value">`, with text and attribute
 * values escaped by escapeHtml, so the only entities are `&amp;`, `&lt;`, `&gt;` and `&quot;`.
 *
 * This reader accepts only that shape, and only where htmlparser2 builds the tree exactly as the
 * tags are written: every close tag closes the element opened last, nothing is opened where
 * htmlparser2 would close an element for it (a `<p>` inside a `<p>`, a `<div>` inside a `<p>`, a
 * `<td>` inside a `<td>`, ...), and an `<iframe>`, whose content htmlparser2 reads as raw text,
 * is empty. Anything else gives `undefined`, and the caller reads the HTML with readHtml.
 * test/digest/read-rendered-html.test.ts compares the two on generated and rendered HTML.
 */
import { ALLOWED_TAGS } from "../intercom/html-allowlist.js";
import { BLOCK_TAGS, normaliseText, type HtmlReading } from "./visible-text.js";

const VOID_TAGS: ReadonlySet<string> = new Set(["br", "hr", "img"]);

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
const SECTIONS = ["thead", "tbody", "tfoot"];

/**
 * For the innermost open element, the tags whose opening makes an HTML parser close it first:
 * HTML's optional end tags, which htmlparser2 follows. A superset errs towards readHtml, never
 * towards a wrong reading.
 */
const CLOSED_BY_OPENING: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["p", new Set(["p", "div", "ul", "ol", "li", "pre", "table", "hr", ...HEADINGS])],
  ["a", new Set(["a"])],
  ["li", new Set(["li"])],
  ...HEADINGS.map((heading): [string, ReadonlySet<string>] => [heading, new Set(["p", ...HEADINGS])]),
  ...SECTIONS.map((section): [string, ReadonlySet<string>] => [section, new Set([...SECTIONS, "th", "td"])]),
  ["tr", new Set([...SECTIONS, "tr"])],
  ["th", new Set([...SECTIONS, "tr", "th", "td"])],
  ["td", new Set([...SECTIONS, "tr", "th", "td"])],
]);

const ENTITIES: Readonly<Record<string, string>> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"' };
const ENTITY = /&(?:amp|lt|gt|quot);/g;
const OTHER_AMPERSAND = /&(?!(?:amp|lt|gt|quot);)/;

/** Decodes escapeHtml's four entities; undefined when the text holds any other `&`. */
function decode(text: string): string | undefined {
  if (!text.includes("&")) return text;
  if (OTHER_AMPERSAND.test(text)) return undefined;
  return text.replace(ENTITY, (entity) => ENTITIES[entity]!);
}

function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d; // a-z 0-9 -
}

/** The end of the name starting at `start` (the index of its first non-name character). */
function nameEnd(html: string, start: number): number {
  let index = start;
  while (index < html.length && isNameChar(html.charCodeAt(index))) index++;
  return index;
}

/**
 * Reads HTML the renderer wrote: its visible text and link targets as readHtml gives them, or
 * undefined when the HTML is not of the renderer's shape (see above). Pure.
 */
export function readRenderedHtml(html: string): HtmlReading | undefined {
  const parts: string[] = [];
  const hrefs: string[] = [];
  const open: string[] = [];
  let index = 0;
  while (index < html.length) {
    const tagStart = html.indexOf("<", index);
    const textEnd = tagStart === -1 ? html.length : tagStart;
    if (textEnd > index) {
      const text = decode(html.slice(index, textEnd));
      if (text === undefined) return undefined;
      parts.push(text);
    }
    if (tagStart === -1) break;

    const closing = html.charCodeAt(tagStart + 1) === 0x2f; // "/"
    const nameStart = tagStart + (closing ? 2 : 1);
    const end = nameEnd(html, nameStart);
    const name = html.slice(nameStart, end);
    if (!ALLOWED_TAGS.has(name)) return undefined;

    if (closing) {
      if (html.charCodeAt(end) !== 0x3e || open.pop() !== name) return undefined; // ">"
      if (BLOCK_TAGS.has(name)) parts.push(" ");
      index = end + 1;
      continue;
    }

    const parent = open[open.length - 1];
    if (parent !== undefined && CLOSED_BY_OPENING.get(parent)?.has(name) === true) return undefined;
    let cursor = end;
    let href: string | undefined;
    while (html.charCodeAt(cursor) === 0x20) {
      const keyEnd = nameEnd(html, cursor + 1);
      if (keyEnd === cursor + 1) return undefined;
      const key = html.slice(cursor + 1, keyEnd);
      cursor = keyEnd;
      if (html.charCodeAt(cursor) !== 0x3d) {
        // A bare attribute: its value is "".
        if (key === "href" && href === undefined) href = "";
        continue;
      }
      if (html.charCodeAt(cursor + 1) !== 0x22) return undefined; // only double quotes
      const valueEnd = html.indexOf('"', cursor + 2);
      if (valueEnd === -1) return undefined;
      const value = decode(html.slice(cursor + 2, valueEnd));
      if (value === undefined) return undefined;
      // htmlparser2 keeps the first of repeated attributes.
      if (key === "href" && href === undefined) href = value;
      cursor = valueEnd + 1;
    }
    if (html.charCodeAt(cursor) !== 0x3e) return undefined; // ">", so no "/>" and no stray characters
    if (name === "a" && href !== undefined) hrefs.push(href);
    if (BLOCK_TAGS.has(name)) parts.push(" ");
    index = cursor + 1;
    if (VOID_TAGS.has(name)) {
      if (BLOCK_TAGS.has(name)) parts.push(" ");
    } else if (name === "iframe") {
      if (!html.startsWith("</iframe>", index)) return undefined;
      parts.push(" ");
      index += "</iframe>".length;
    } else {
      open.push(name);
    }
  }
  if (open.length > 0) return undefined;
  return { text: normaliseText(parts.join("")), hrefs };
}
