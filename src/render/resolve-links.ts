import { ARTICLE_LINK_SCHEME } from "./types.js";

/**
 * Stand-in href for a link whose target has no URL yet (created in the same run). The source
 * locale's URL is unknown too, so there is nothing better; apply replaces it in a second pass.
 */
export const UNRESOLVED_LINK_HREF = "#";

export type UrlLookup = (key: string, locale: string) => string | undefined;

export interface ResolvedLinks {
  body: string;
  /** Keys whose URL was unknown, deduplicated, in first-seen order. */
  unresolved: string[];
}

const SCHEME_PATTERN = ARTICLE_LINK_SCHEME.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// The renderer only writes placeholders inside href attributes, quoted either way. Inside the
// quotes a key may hold spaces (a file named `see also.md`), so only quotes and `#` end it.
const PLACEHOLDER = new RegExp(`href=(["'])${SCHEME_PATTERN}([^"'#]*)(#[^"']*)?\\1`, "g");

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function decodeAmpersands(value: string): string {
  return value.replace(/&amp;/g, "&");
}

/**
 * Replaces `intercom-sync:KEY[#anchor]` hrefs by `urlOf(KEY, locale)`, keeping the anchor. Pass
 * {@link lookupUrl} for the fallback to the source locale's URL (a target with no translation).
 * Targets with no URL at all get {@link UNRESOLVED_LINK_HREF} and are listed in `unresolved`.
 */
export function resolveLinks(body: string, locale: string, urlOf: UrlLookup): ResolvedLinks {
  // Most bodies link to no article; a substring test is far cheaper than the regex scan.
  if (!body.includes(ARTICLE_LINK_SCHEME)) return { body, unresolved: [] };
  const unresolved: string[] = [];
  const resolved = body.replace(PLACEHOLDER, (_match, quote: string, rawKey: string, anchor: string | undefined) => {
    const key = decodeAmpersands(rawKey);
    const url = urlOf(key, locale);
    if (url === undefined) {
      if (!unresolved.includes(key)) unresolved.push(key);
      return `href=${quote}${UNRESOLVED_LINK_HREF}${quote}`;
    }
    // The anchor is still escaped as in the HTML; decode it so it is not escaped twice.
    return `href=${quote}${escapeAttribute(url + decodeAmpersands(anchor ?? ""))}${quote}`;
  });
  return { body: resolved, unresolved };
}

/**
 * A lookup over a URL table (key -> locale -> url) that falls back to the source locale, for
 * `resolveLinks` callers that hold such a table.
 */
export function lookupUrl(urls: Record<string, Record<string, string>>, sourceLocale: string): UrlLookup {
  return (key, locale) => urls[key]?.[locale] ?? urls[key]?.[sourceLocale];
}

export interface ResolvedHrefs {
  /** Every href, placeholders replaced by what `resolveLinks` would write (anchor kept). */
  hrefs: string[];
  /** The resolved placeholders only, in order: with the body digest, the body's lock digest. */
  placeholders: string[];
  /** Keys whose URL was unknown, deduplicated, in first-seen order. */
  unresolved: string[];
}

/**
 * Resolves the placeholder hrefs of a body summary (decoded `intercom-sync:KEY[#anchor]`) the way
 * {@link resolveLinks} resolves them in the HTML: the same URL and anchor, or
 * {@link UNRESOLVED_LINK_HREF}. Other hrefs pass through. No HTML needed.
 */
export function resolveHrefs(hrefs: readonly string[], locale: string, urlOf: UrlLookup): ResolvedHrefs {
  const out: ResolvedHrefs = { hrefs: [], placeholders: [], unresolved: [] };
  for (const href of hrefs) {
    if (!href.startsWith(ARTICLE_LINK_SCHEME)) {
      out.hrefs.push(href);
      continue;
    }
    const rest = href.slice(ARTICLE_LINK_SCHEME.length);
    const hash = rest.indexOf("#");
    const key = hash === -1 ? rest : rest.slice(0, hash);
    const url = urlOf(key, locale);
    if (url === undefined && !out.unresolved.includes(key)) out.unresolved.push(key);
    const resolved = url === undefined ? UNRESOLVED_LINK_HREF : url + (hash === -1 ? "" : rest.slice(hash));
    out.hrefs.push(resolved);
    out.placeholders.push(resolved);
  }
  return out;
}
