/**
 * The blocks of Intercom's editor that markdown cannot say (aligned paragraphs and headings,
 * buttons, spacer paragraphs, styled or merged table cells, sized images, callouts in colours
 * other than the editor's): `htmlToMarkdown` writes them as raw HTML, which the renderer sends
 * back as written. What Intercom adds on its own is left out, so the file says only what a writer
 * chose: `no-margin` and `intercom-content-link` classes, the default left alignment, link
 * targets, heading ids nothing links to, image signatures, table and video containers.
 */
import { ALIGN_CLASSES, ALLOWED_ATTRIBUTES, BUTTON_CLASS } from "../intercom/html-allowlist.js";
import { unsignUrl } from "../intercom/signed-urls.js";
import { escapeHtml } from "./escape.js";
import { formatAttributes } from "./format-attributes.js";

/** The part of a DOM node the serialiser reads (the project compiles without the DOM lib). */
export interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?(name: string): string | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

export interface RawContext {
  /** Heading ids that a link of the body points at (`href="#h_…"`): those ids are kept. */
  referencedIds: ReadonlySet<string>;
  /** Rewrites a link URL (an article URL becomes a relative `.md` path). */
  rewriteHref: (href: string) => string;
}

const ELEMENT = 1;
const TEXT = 3;
const VOID_ELEMENTS: ReadonlySet<string> = new Set(["br", "hr", "img"]);
/** Classes Intercom adds to what it stores; writing them back would say nothing. */
const ADDED_CLASSES: ReadonlySet<string> = new Set(["no-margin", "intercom-content-link", "intercom-align-left"]);
// No `<br>`: a line break has no form inside a GFM cell.
const INLINE_TAGS: ReadonlySet<string> = new Set(["#text", "B", "STRONG", "I", "EM", "S", "CODE", "A"]);
const FRAGMENT_LINK = /href="#([^"]+)"/g;

/** Ids that in-article links of `html` point at. */
export function findReferencedIds(html: string): Set<string> {
  return new Set([...html.matchAll(FRAGMENT_LINK)].map((match) => match[1]!));
}

export function classesOf(node: DomNode): string[] {
  return (node.getAttribute?.("class") ?? "").split(/\s+/).filter(Boolean);
}

/** `center`, `right` or `justify` when the node carries that alignment class. */
export function alignmentOf(node: DomNode): string | undefined {
  const found = classesOf(node).find((name) => ALIGN_CLASSES.includes(name) && name !== "intercom-align-left");
  return found?.slice("intercom-align-".length);
}

export function isButton(node: DomNode): boolean {
  return node.nodeName === "A" && classesOf(node).includes(BUTTON_CLASS);
}

/** Whether the subtree holds a button. */
export function containsButton(node: DomNode): boolean {
  if (isButton(node)) return true;
  return Array.prototype.some.call(node.childNodes, (child: DomNode) => child.nodeType === ELEMENT && containsButton(child));
}

function elementChildren(node: DomNode): DomNode[] {
  return Array.prototype.filter.call(node.childNodes, (child: DomNode) => child.nodeType === ELEMENT) as DomNode[];
}

function hasAttributes(node: DomNode): boolean {
  return (node.attributes?.length ?? 0) > 0;
}

function isInlineOnly(node: DomNode): boolean {
  return elementChildren(node).every((child) => INLINE_TAGS.has(child.nodeName) && !isButton(child) && isInlineOnly(child));
}

/**
 * Whether a GFM table says everything this table says: a header row of `<th>` first, no
 * attributes anywhere (styles, spans, roles), and only inline content in the cells.
 */
export function isPlainTable(table: DomNode): boolean {
  if (hasAttributes(table)) return false;
  const rows: DomNode[] = [];
  for (const part of elementChildren(table)) {
    if (part.nodeName === "TR") rows.push(part);
    else if (["THEAD", "TBODY", "TFOOT"].includes(part.nodeName) && !hasAttributes(part)) rows.push(...elementChildren(part));
    else return false;
  }
  if (rows.length === 0) return false;
  return rows.every((row, index) => {
    if (row.nodeName !== "TR" || hasAttributes(row)) return false;
    const cells = elementChildren(row);
    if (cells.length === 0) return false;
    return cells.every((cell) => cell.nodeName === (index === 0 ? "TH" : "TD") && !hasAttributes(cell) && isInlineOnly(cell));
  });
}

function keptAttributes(node: DomNode, name: string, context: RawContext): [string, string][] {
  const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
  const kept: [string, string][] = [];
  for (const { name: key, value } of Array.from(node.attributes ?? [])) {
    if (!allowed.includes(key)) continue;
    if (key === "target" && name === "a") continue;
    if (key === "id" && !context.referencedIds.has(value)) continue;
    if (key === "alt" && value === "") continue; // the renderer writes an empty alt on every image
    if (key === "class") {
      const classes = value.split(/\s+/).filter((entry) => entry !== "" && !ADDED_CLASSES.has(entry));
      if (classes.length > 0) kept.push([key, classes.join(" ")]);
      continue;
    }
    if (key === "src") kept.push([key, unsignUrl(value)]);
    else if (key === "href") kept.push([key, context.rewriteHref(value)]);
    else kept.push([key, value]);
  }
  return kept;
}

/**
 * The node as one line of HTML (whitespace runs that hold a line break become a space, so no
 * blank line can end the raw block early), with what Intercom adds left out.
 */
export function serializeRaw(node: DomNode, context: RawContext, insidePre = false): string {
  if (node.nodeType === TEXT) {
    const text = node.nodeValue ?? "";
    return escapeHtml(insidePre ? text : text.replace(/\s*\n\s*/g, " "));
  }
  if (node.nodeType !== ELEMENT) return "";
  const name = node.nodeName.toLowerCase();
  const open = serializeOpenTag(node, context);
  if (VOID_ELEMENTS.has(name)) return open;
  const pre = insidePre || name === "pre";
  const inner = Array.from(node.childNodes, (child) => serializeRaw(child, context, pre)).join("");
  return `${open}${inner}</${name}>`;
}

/** The element's open tag, with what Intercom adds left out (see `serializeRaw`). */
export function serializeOpenTag(node: DomNode, context: RawContext): string {
  const name = node.nodeName.toLowerCase();
  return `<${name}${formatAttributes(keptAttributes(node, name, context))}>`;
}
