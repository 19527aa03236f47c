/**
 * Intercom does not store article HTML as sent: it rewrites it. The emulator does the same so that
 * no client can mistake stored HTML for an echo of its request (and compare the two to decide
 * whether to write). The rewrite is idempotent: storing stored HTML again gives the same bytes.
 *
 * - `<p>` gets `class="no-margin"`;
 * - `<h3>`..`<h6>` become `<h2>`; `<h1>`/`<h2>` get an `id` unless they come with one, in
 *   Intercom's form: `h_` and ten hex digits (`<h2 id="h_3d75a56c5c">`, as stored bodies in
 *   public exports show, e.g. https://github.com/catenda/help-center), derived here from the
 *   heading's text so the emulator stays deterministic;
 * - `<img>`, and a link around one, is wrapped in `<div class="intercom-container">`; image URLs
 *   lose their read signature (Intercom signs them anew on every read, see sign-image-urls.ts);
 * - `<table>` is wrapped in `<div class="intercom-interblocks-table-container">` and `<iframe>` in
 *   `<div class="intercom-h2b-video">`, the wrappers Intercom's editor stores (developer docs,
 *   "The Article model" example body; exports such as https://github.com/catenda/help-center);
 * - text and inline tags at the top level are wrapped in a `<p>`;
 * - whitespace-only text between block tags is removed (kept inside `<pre>`);
 * - attributes outside the allowlist are dropped.
 */
import { createHash } from "node:crypto";
import { ALLOWED_ATTRIBUTES, IMAGE_CONTAINER_CLASS, TABLE_CONTAINER_CLASS, VIDEO_CONTAINER_CLASS } from "../intercom/html-allowlist.js";
import { unsignUrl } from "../intercom/signed-urls.js";
import { findHtmlProblem } from "./check-html.js";
import { getAttribute, parseHtmlFragment, serializeHtml, setAttribute, textOf } from "./html-tree.js";
import type { HtmlElement, HtmlNode } from "./html-tree.js";

const PARAGRAPH_CLASS = "no-margin";
const FLATTENED_HEADINGS: ReadonlySet<string> = new Set(["h3", "h4", "h5", "h6"]);
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "thead", "tbody", "tfoot", "tr",
  "th", "td", "pre", "div", "hr", "iframe",
]);
/** Containers whose direct text is never meaningful, so whitespace in them is layout only. */
const STRUCTURAL_TAGS: ReadonlySet<string> = new Set(["#root", "div", "ul", "ol", "table", "thead", "tbody", "tfoot", "tr"]);

/**
 * Validates `html` as Intercom would (throwing a 400 `ApiError` naming `field`) and returns it as
 * Intercom stores it.
 */
export function storeArticleHtml(html: string, field: string): string {
  const nodes = parseHtmlFragment(html);
  const problem = findHtmlProblem(nodes, field);
  if (problem) throw problem;
  const usedIds = new Set<string>();
  const rewritten = rewriteChildren(wrapTopLevelInline(nodes), "#root", usedIds);
  return serializeHtml(rewritten);
}

function isBlock(node: HtmlNode | undefined): boolean {
  return node?.kind === "element" && BLOCK_TAGS.has(node.name);
}

function isWhitespace(node: HtmlNode): boolean {
  return node.kind === "text" && node.text.trim() === "";
}

/** Groups runs of top-level text and inline tags into paragraphs, as Intercom's editor does. */
function wrapTopLevelInline(nodes: HtmlNode[]): HtmlNode[] {
  const result: HtmlNode[] = [];
  let run: HtmlNode[] = [];
  const flush = (): void => {
    if (run.some((node) => !isWhitespace(node))) {
      result.push({ kind: "element", name: "p", attributes: [], children: run });
    }
    run = [];
  };
  for (const node of nodes) {
    const standalone = isBlock(node) || isImage(node);
    if (standalone) {
      flush();
      result.push(node);
    } else {
      run.push(node);
    }
  }
  flush();
  return result;
}

function rewriteChildren(nodes: HtmlNode[], parentName: string, usedIds: Set<string>, parentClass = ""): HtmlNode[] {
  if (parentName === "pre") return nodes;
  const kept = nodes.filter((node, index) => {
    if (!isWhitespace(node)) return true;
    if (STRUCTURAL_TAGS.has(parentName)) return false;
    return !(isBlock(nodes[index - 1]) || isBlock(nodes[index + 1]));
  });
  return kept.flatMap((node) => (node.kind === "text" ? [node] : rewriteElement(node, parentName, usedIds, parentClass)));
}

function rewriteElement(element: HtmlElement, parentName: string, usedIds: Set<string>, parentClass: string): HtmlNode[] {
  const name = FLATTENED_HEADINGS.has(element.name) ? "h2" : element.name;
  const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
  const result: HtmlElement = {
    kind: "element",
    name,
    attributes: element.attributes.filter(([key]) => allowed.includes(key)),
    children: rewriteChildren(element.children, name, usedIds, getAttribute(element, "class") ?? ""),
  };
  if (name === "h1" || name === "h2") {
    const given = getAttribute(result, "id");
    setAttribute(result, "id", given !== undefined && given !== "" && !usedIds.has(given) ? keep(given, usedIds) : headingId(textOf(result.children), usedIds));
  }
  if (name === "img") setAttribute(result, "src", unsignUrl(getAttribute(result, "src") ?? ""));
  if (parentName === "#root" && isImage(result)) return [wrapImage(result)];
  if (name === "table" && !parentClass.split(/\s+/).includes(TABLE_CONTAINER_CLASS)) return [wrapIn(result, TABLE_CONTAINER_CLASS)];
  if (name === "iframe" && !parentClass.split(/\s+/).includes(VIDEO_CONTAINER_CLASS)) return [wrapIn(result, VIDEO_CONTAINER_CLASS)];
  if (name === "p") {
    addClass(result, PARAGRAPH_CLASS);
    return splitAroundImages(result);
  }
  return [result];
}

function addClass(element: HtmlElement, className: string): void {
  const classes = (getAttribute(element, "class") ?? "").split(/\s+/).filter(Boolean);
  if (!classes.includes(className)) classes.push(className);
  setAttribute(element, "class", classes.join(" "));
}

function headingId(text: string, usedIds: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const candidate = `h_${createHash("sha256").update(`${text}\u0000${n}`).digest("hex").slice(0, 10)}`;
    if (!usedIds.has(candidate)) return keep(candidate, usedIds);
  }
}

function keep(id: string, usedIds: Set<string>): string {
  usedIds.add(id);
  return id;
}

function wrapIn(element: HtmlElement, className: string): HtmlElement {
  return { kind: "element", name: "div", attributes: [["class", className]], children: [element] };
}

function wrapImage(image: HtmlElement): HtmlElement {
  return wrapIn(image, IMAGE_CONTAINER_CLASS);
}

/**
 * A `<div>` cannot live in a `<p>`, so a paragraph holding images is split: text before and after
 * stays in paragraphs (dropped when blank), each image gets its own container in between.
 */
function splitAroundImages(paragraph: HtmlElement): HtmlNode[] {
  if (!paragraph.children.some(isImage)) return [paragraph];
  const result: HtmlNode[] = [];
  let run: HtmlNode[] = [];
  const flush = (): void => {
    if (run.some((node) => !isWhitespace(node))) result.push({ ...paragraph, attributes: [...paragraph.attributes], children: run });
    run = [];
  };
  for (const child of paragraph.children) {
    if (isImage(child)) {
      flush();
      result.push(wrapImage(child));
    } else {
      run.push(child);
    }
  }
  flush();
  return result;
}

/** An image, or a link whose only content is an image (Intercom stores both in a container). */
function isImage(node: HtmlNode): node is HtmlElement {
  if (node.kind !== "element") return false;
  if (node.name === "img") return true;
  const content = node.children.filter((child) => !isWhitespace(child));
  return node.name === "a" && content.length === 1 && content[0]!.kind === "element" && content[0]!.name === "img";
}
