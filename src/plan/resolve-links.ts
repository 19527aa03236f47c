import { ARTICLE_LINK_SCHEME } from "../render/types.js";

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
    return `href=${quote}${escapeAttribute(url + (anchor ?? ""))}${quote}`;
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
