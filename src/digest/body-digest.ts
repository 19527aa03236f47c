/**
 * Where an article body's field digest is computed: from the digest of its rendered HTML (see
 * body-summary.ts) and the URLs its article-link placeholders resolve to.
 */
import { placeholdersOf } from "./body-summary.js";
import { hashField } from "./field-hashes.js";
import { resolveHrefs, type UrlLookup } from "../render/resolve-links.js";

/**
 * The body's field digest: the digest of its HTML with placeholders plus the URLs those
 * placeholders resolve to, in order. Equal exactly when the HTML sent would be equal, and
 * computable from a body summary, without the HTML.
 *
 * @param digest sha256 of the HTML with `intercom-sync:` placeholders (see body-summary.ts)
 * @param resolvedPlaceholders each placeholder as sent (URL and anchor, or the stand-in `#`)
 */
export function hashBody(digest: string, resolvedPlaceholders: readonly string[]): string {
  return hashField([digest, ...resolvedPlaceholders]);
}

/** The parts of a body its field digest is made of: the HTML's digest and its placeholder hrefs. */
export interface BodyLinks {
  digest: string;
  /** Placeholder hrefs only, or every href (others are ignored). */
  placeholders: readonly string[];
}

/**
 * The body field digest of a body with its links resolved through `urlOf` now: what the planner
 * compares with the lock, and what apply records after sending the body.
 */
export function hashBodyAt(body: BodyLinks, locale: string, urlOf: UrlLookup): string {
  return hashBody(body.digest, resolveHrefs(placeholdersOf(body.placeholders), locale, urlOf).placeholders);
}
