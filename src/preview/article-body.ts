/**
 * The HTML push would send for a body, made readable offline: links to other articles go to their
 * preview pages (the source locale's page where the target has no translation, as push links to
 * the source's URL), and images under `assetBaseUrl` come from the project's own files.
 */
import { resolveLinks } from "../render/resolve-links.js";
import { escapeHtml } from "../render/escape.js";
import type { PageRef } from "./page-paths.js";
import { assetFileOf, type SiteModel } from "./site-model.js";

const SRC_ATTRIBUTE = /\bsrc=(["'])(.*?)\1/g;

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Rewrites the body of one article locale for the page `link` builds hrefs from. */
export function previewBody(site: SiteModel, html: string, locale: string, link: (to: PageRef) => string): string {
  const linked = resolveLinks(html, locale, (key, wanted) => {
    const target = site.articles.get(key);
    if (target === undefined) return undefined;
    const shown = target.locales[wanted] !== undefined ? wanted : site.state.sourceLocale;
    return link({ kind: "article", locale: shown, key });
  }).body;
  return linked.replace(SRC_ATTRIBUTE, (match, quote: string, value: string) => {
    const file = assetFileOf(site, decodeAttribute(value));
    return file === null ? match : `src=${quote}${escapeHtml(link({ kind: "asset", path: file }))}${quote}`;
  });
}
