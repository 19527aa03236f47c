/**
 * Refuses article HTML that Intercom answers with a 400: tags outside the allowlist, event-handler
 * attributes, `javascript:` URLs, iframes that are not video embeds, relative image sources,
 * nested tables and empty lists. Attributes that are merely unknown are not an error: Intercom
 * drops them when it stores the body (see rewrite-html.ts).
 */
import { ALLOWED_TAGS, VIDEO_EMBED_HOSTS } from "../intercom/html-allowlist.js";
import { invalidParameter } from "./api-error.js";
import type { ApiError } from "./api-error.js";
import { getAttribute } from "./html-tree.js";
import type { HtmlElement, HtmlNode } from "./html-tree.js";

const VIDEO_HOSTS: ReadonlySet<string> = new Set(VIDEO_EMBED_HOSTS);
/** Characters up to and including space are ignored by browsers inside a URL scheme. */
const SPACE_CODE = 0x20;
const URL_ATTRIBUTES: readonly string[] = ["href", "src"];
const JAVASCRIPT_SCHEME = "javascript:";

/** The first problem in `nodes` as a 400 naming `field`, or null when Intercom would accept them. */
export function findHtmlProblem(nodes: readonly HtmlNode[], field: string): ApiError | null {
  const problem = findProblem(nodes, false);
  return problem === null ? null : invalidParameter(`${field} is invalid: ${problem}`, field);
}

function findProblem(nodes: readonly HtmlNode[], insideTable: boolean): string | null {
  for (const node of nodes) {
    if (node.kind === "text") continue;
    const problem = checkElement(node, insideTable) ?? findProblem(node.children, insideTable || node.name === "table");
    if (problem !== null) return problem;
  }
  return null;
}

function checkElement(element: HtmlElement, insideTable: boolean): string | null {
  const tag = element.name;
  if (!ALLOWED_TAGS.has(tag)) return `the <${tag}> tag is not supported`;
  for (const [name, value] of element.attributes) {
    if (name.startsWith("on")) return `event handler attribute ${name} on <${tag}> is not allowed`;
    if (URL_ATTRIBUTES.includes(name) && isJavascriptUrl(value)) return `javascript: URLs are not allowed (<${tag} ${name}>)`;
  }
  if (tag === "table" && insideTable) return "nested tables are not supported";
  if ((tag === "ul" || tag === "ol") && !element.children.some((c) => c.kind === "element" && c.name === "li")) {
    return `empty <${tag}> lists are not allowed`;
  }
  if (tag === "img" && !isAbsoluteHttpUrl(getAttribute(element, "src"))) {
    return "images need an absolute http(s) src";
  }
  if (tag === "iframe" && !isVideoEmbed(getAttribute(element, "src"))) {
    return "iframes are allowed only for video embeds (YouTube, Vimeo, Loom, Wistia, ...)";
  }
  return null;
}

function isJavascriptUrl(value: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme: "java\tscript:" runs too.
  // Only the scheme's length is read: image sources can be long, and every body has many.
  let scheme = "";
  for (let i = 0; i < value.length && scheme.length < JAVASCRIPT_SCHEME.length; i += 1) {
    if (value.charCodeAt(i) > SPACE_CODE) scheme += value[i];
  }
  return scheme.toLowerCase() === JAVASCRIPT_SCHEME;
}

function parseUrl(value: string | undefined): URL | null {
  if (value === undefined) return null;
  try {
    return new URL(value.trim());
  } catch {
    return null;
  }
}

function isAbsoluteHttpUrl(value: string | undefined): boolean {
  const url = parseUrl(value);
  return url !== null && (url.protocol === "https:" || url.protocol === "http:");
}

function isVideoEmbed(value: string | undefined): boolean {
  const url = parseUrl(value?.startsWith("//") ? `https:${value}` : value);
  return url !== null && url.protocol === "https:" && VIDEO_HOSTS.has(url.hostname);
}
