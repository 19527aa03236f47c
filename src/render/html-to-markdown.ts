import TurndownService from "turndown";
import { strikethrough, tables } from "@joplin/turndown-plugin-gfm";
import { ALLOWED_ATTRIBUTES, CALLOUT_CLASS } from "../intercom/html-allowlist.js";
import { ALERT_MARKERS, findCalloutKind } from "./callouts.js";
import type { HtmlToMarkdownOptions } from "./types.js";
import { toVideoPageUrl } from "./video.js";

/** The part of a DOM element the rules read (the project compiles without the DOM lib). */
interface Element {
  nodeName: string;
  getAttribute(name: string): string | null;
  parentNode: Element | null;
  nextSibling: unknown;
  children: ArrayLike<unknown>;
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
 * gives the same HTML). Links to articles of this help center become relative `.md` links when
 * `options.resolveArticleUrl` knows them. Output: LF line ends, one trailing newline.
 */
export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
  if (html.trim() === "") return "";
  const service = createTurndownService(options);
  const markdown = service
    .turndown(html)
    .replace(TABLE_WRAPPER, "$1")
    .replace(/\r\n?/g, "\n")
    .trim();
  return markdown === "" ? "" : `${markdown}\n`;
}

function createTurndownService(options: HtmlToMarkdownOptions): TurndownService {
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
  return service;
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
  const kind = findCalloutKind(style);
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

function formatLink(content: string, node: Element, options: HtmlToMarkdownOptions): string {
  let href = node.getAttribute("href") ?? "";
  if (options.resolveArticleUrl !== undefined) {
    const hashAt = href.indexOf("#");
    const base = hashAt === -1 ? href : href.slice(0, hashAt);
    const fragment = hashAt === -1 ? "" : href.slice(hashAt);
    const local = options.resolveArticleUrl(base);
    if (local !== undefined) href = local.includes("#") ? local : local + fragment;
  }
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
