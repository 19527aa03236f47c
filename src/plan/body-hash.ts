import { placeholdersOf } from "./body-summary.js";
import { hashBody } from "./hash.js";
import { resolveHrefs, type UrlLookup } from "./resolve-links.js";

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
