import TurndownService from "turndown";
import { strikethrough, tables } from "@joplin/turndown-plugin-gfm";
import { ALLOWED_ATTRIBUTES, CALLOUT_CLASS, IMAGE_CONTAINER_CLASS, TABLE_CONTAINER_CLASS } from "../intercom/html-allowlist.js";
import { unsignUrl } from "../intercom/signed-urls.js";
import { ALERT_MARKERS, findCalloutKind } from "./callouts.js";
import { escapeHtml } from "./escape.js";
import {
  alignmentOf, classesOf, containsButton, findReferencedIds, isButton, isPlainTable, serializeOpenTag, serializeRaw, type DomNode, type RawContext,
} from "./raw-blocks.js";
import type { HtmlToMarkdownOptions } from "./types.js";
import { toVideoPageUrl } from "./video.js";

/** The part of a DOM element the rules read (the project compiles without the DOM lib). */
interface Element extends DomNode {
  getAttribute(name: string): string | null;
  parentNode: Element | null;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
  children: ArrayLike<unknown>;
  querySelector(selector: string): Element | null;
}

// Text that markdown would read as syntax, beyond what turndown already escapes: an HTML tag or
// entity (the renderer accepts raw HTML) and `~~` (strikethrough).
const EXTRA_ESCAPES: readonly [RegExp, string][] = [
  [/<(?=[A-Za-z/!?])/g, "\\<"],
  [/&(?=#?[A-Za-z\d]+;)/g, "\\&"],
  [/~/g, "\\~"],
];
const TABLE_WRAPPER = /<div class="joplin-table-wrapper">(<table[\s\S]*?<\/table>)<\/div>/g;

/**
 * Turns the HTML Intercom stores back into this project's markdown dialect, undoing Intercom's
 * rewriting: paragraph classes and heading ids are dropped, image containers unwrapped, callouts
 * read back into `> [!NOTE]`-style alerts by their colour, video iframes into their lone page URL,
 * `<h1>` into `##` and `<h2>` into `###` (the inverse of the heading mapping, so a second render
 * gives the same HTML), image URLs written without their per-read signature. Blocks markdown
 * cannot say stay raw HTML (see `raw-blocks.ts`). Links to articles of this help center become
 * relative `.md` links when `options.resolveArticleUrl` knows them. Output: LF line ends, one
 * trailing newline.
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
  if (html.trim() === "") return "";
  const service = createTurndownService(html, options);
  const markdown = service
    .turndown(html)
    .replace(TABLE_WRAPPER, "$1")
    .replace(/\r\n?/g, "\n")
    .trim();
  return markdown === "" ? "" : `${markdown}\n`;
}

function createTurndownService(html: string, options: HtmlToMarkdownOptions): TurndownService {
  const raw: RawContext = { referencedIds: findReferencedIds(html), rewriteHref: (href) => resolveHref(href, options) };
  const block = (node: unknown): string => `\n\n${serializeRaw(node as DomNode, raw)}\n\n`;
  const service = new TurndownService({
    headingStyle: "atx",
    hr: "---",
    br: "\\",
    bulletListMarker: "-",
    codeBlockStyle: "fenced",
    fence: "```",
    emDelimiter: "*",
    strongDelimiter: "**",
    linkStyle: "inlined",
    // Inline code keeps its own leading and trailing spaces (`Bearer `).
    preformattedCode: true,
    // An empty paragraph is a spacer writers put in on purpose; other empty blocks mean nothing.
    blankReplacement: (_content, node) => {
      if (node.nodeName === "P") return "\n\n<p></p>\n\n";
      return (node as { isBlock?: boolean }).isBlock === true ? "\n\n" : "";
    },
  });
  service.use([tables, strikethrough]);
  const escapeBase = service.escape.bind(service);
  service.escape = (text: string) => EXTRA_ESCAPES.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), escapeBase(text));

  // Turndown pads list markers to four columns (`-   item`); writers use `- item` and `1. item`.
  service.addRule("listItem", {
    filter: "li",
    replacement: (content, node) => formatListItem(content, node as Element),
  });
  service.addRule("intercomHeading", {
    filter: ["h1", "h2", "h3", "h4", "h5", "h6"],
    replacement: (content, node) => `\n\n${node.nodeName === "H1" ? "##" : "###"} ${content.trim()}\n\n`,
  });
  service.addRule("callout", {
    filter: (node) => node.nodeName === "DIV" && hasClass(node as Element, CALLOUT_CLASS),
    replacement: (content, node) => formatQuote(content, (node as Element).getAttribute("style") ?? ""),
  });
  service.addRule("iframe", {
    filter: "iframe",
    replacement: (_content, node) => formatIframe(node as Element),
  });
  service.addRule("link", {
    filter: (node) => node.nodeName === "A" && (node as Element).getAttribute("href") !== null,
    replacement: (content, node) => formatLink(content, node as Element, options),
  });
  service.addRule("image", {
    filter: "img",
    replacement: (_content, node) => formatImage(node as Element, raw),
  });
  service.addRule("lineBreak", {
    filter: "br",
    // A break that starts or ends its block has no markdown form (a trailing `\` is text).
    replacement: (_content, node) => (isAtBlockEdge(node as Element) ? "<br>" : "\\\n"),
  });
  service.addRule("rawTable", {
    filter: (node) => node.nodeName === "TABLE" && !isPlainTable(node as unknown as DomNode),
    replacement: (_content, node) => block(node),
  });
  service.addRule("container", {
    filter: (node) => node.nodeName === "DIV" && isRawContainer(node as Element),
    replacement: (_content, node) => block(node),
  });
  // A button among text: its tags are HTML, its label markdown (markdown-it parses a paragraph's
  // inline HTML and the text between, so the label's text is escaped like any other).
  service.addRule("button", {
    filter: (node) => isButton(node as unknown as DomNode),
    replacement: (content, node) => `${serializeOpenTag(node as unknown as DomNode, raw)}${content}</a>`,
  });
  service.addRule("rawBlock", {
    filter: (node) => /^(?:P|H[1-6])$/.test(node.nodeName) && (alignmentOf(node as unknown as DomNode) !== undefined || hasReferencedId(node as Element, raw)),
    replacement: (_content, node) => block(node),
  });
  service.addRule("rawCallout", {
    filter: (node) => node.nodeName === "DIV" && hasClass(node as Element, CALLOUT_CLASS) && findCalloutKind((node as Element).getAttribute("style") ?? "") === undefined,
    replacement: (content, node) => formatRawCallout(content, node as Element),
  });
  return service;
}

/** Image containers stay raw when aligned or holding a button; a table container's table decides. */
function isRawContainer(node: Element): boolean {
  const classes = classesOf(node);
  if (classes.includes(TABLE_CONTAINER_CLASS)) return false; // the table decides for itself
  return classes.includes(IMAGE_CONTAINER_CLASS) && (alignmentOf(node) !== undefined || containsButton(node));
}

function hasReferencedId(node: Element, raw: RawContext): boolean {
  const id = node.getAttribute("id");
  return id !== null && raw.referencedIds.has(id);
}

function isAtBlockEdge(node: Element): boolean {
  const isEmpty = (sibling: DomNode | null): boolean => sibling === null || (sibling.nodeType === 3 && (sibling.nodeValue ?? "").trim() === "");
  let next: DomNode | null = node.nextSibling;
  while (next !== null && isEmpty(next)) next = (next as Element).nextSibling;
  let previous: DomNode | null = node.previousSibling;
  while (previous !== null && isEmpty(previous)) previous = (previous as Element).previousSibling;
  return next === null || previous === null;
}

/** A markdown image, or raw `<img>` when it has a size or style markdown cannot carry. */
function formatImage(node: Element, raw: RawContext): string {
  if (["width", "height", "style"].some((name) => node.getAttribute(name) !== null)) return serializeRaw(node, raw);
  const src = unsignUrl(node.getAttribute("src") ?? "");
  const alt = (node.getAttribute("alt") ?? "").replace(/([[\]\\])/g, "\\$1");
  const title = node.getAttribute("title");
  const titlePart = title === null || title === "" ? "" : ` "${title.replace(/"/g, '\\"')}"`;
  return src === "" ? "" : `![${alt}](${escapeDestination(src)}${titlePart})`;
}

/** A callout in a colour of its own: its `<div>` stays, its content is markdown. */
function formatRawCallout(content: string, node: Element): string {
  const style = node.getAttribute("style") ?? "";
  const body = content.replace(/^\n+|\n+$/g, "");
  return `\n\n<div class="${CALLOUT_CLASS}" style="${escapeHtml(style)}">\n\n${body}\n\n</div>\n\n`;
}

function formatListItem(content: string, node: Element): string {
  const parent = node.parentNode;
  let marker = "- ";
  if (parent?.nodeName === "OL") {
    const start = Number(parent.getAttribute("start") ?? "1");
    const index = Array.prototype.indexOf.call(parent.children, node);
    marker = `${(Number.isFinite(start) ? start : 1) + index}. `;
  }
  // An item of paragraphs ends with a blank line, so the list stays loose.
  const isParagraph = /\n$/.test(content);
  const text = content.replace(/^\n+|\n+$/g, "");
  const indented = text.replace(/\n/g, `\n${" ".repeat(marker.length)}`).replace(/\n +(?=\n)/g, "\n");
  return marker + indented + (isParagraph ? "\n" : "") + (node.nextSibling ? "\n" : "");
}

function formatQuote(content: string, style: string): string {
  const kind = findCalloutKind(style) ?? "quote";
  const body = content.replace(/^\n+|\n+$/g, "");
  const lines = kind === "quote" ? [] : [`[!${ALERT_MARKERS[kind]}]`];
  if (body !== "") lines.push(...body.split("\n"));
  return `\n\n${lines.map((line) => (line === "" ? ">" : `> ${line}`)).join("\n")}\n\n`;
}

function formatIframe(node: Element): string {
  const src = node.getAttribute("src") ?? "";
  const page = toVideoPageUrl(src);
  if (page !== undefined) return `\n\n${page}\n\n`;
  // Other video hosts have no page URL we could write; keep the embed as raw HTML.
  let attributes = "";
  for (const name of ALLOWED_ATTRIBUTES.iframe ?? []) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    attributes += value === "" && name === "allowfullscreen" ? ` ${name}` : ` ${name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  }
  return `\n\n<iframe${attributes}></iframe>\n\n`;
}

/** An article URL as the relative `.md` path `resolveArticleUrl` knows, keeping the fragment. */
function resolveHref(href: string, options: HtmlToMarkdownOptions): string {
  if (options.resolveArticleUrl === undefined) return href;
  const hashAt = href.indexOf("#");
  const base = hashAt === -1 ? href : href.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : href.slice(hashAt);
  if (base === "") return href;
  const local = options.resolveArticleUrl(base);
  if (local === undefined) return href;
  return local.includes("#") ? local : local + fragment;
}

function formatLink(content: string, node: Element, options: HtmlToMarkdownOptions): string {
  const href = unsignUrl(resolveHref(node.getAttribute("href") ?? "", options));
  const title = node.getAttribute("title");
  const titlePart = title === null || title === "" ? "" : ` "${title.replace(/"/g, '\\"')}"`;
  return `[${content}](${escapeDestination(href)}${titlePart})`;
}

function escapeDestination(href: string): string {
  const escaped = href.replace(/([<>()])/g, "\\$1");
  return escaped.includes(" ") ? `<${escaped}>` : escaped;
}

function hasClass(node: Element, name: string): boolean {
  return (node.getAttribute("class") ?? "").split(/\s+/).includes(name);
}
