import { COMMAND_ERRORS } from "./catalog-commands.js";
import { CONFIG_ERRORS, CONTENT_ERRORS } from "./catalog-content.js";
import { INTERNAL_ERRORS } from "./catalog-internal.js";
import { MODEL_ERRORS } from "./catalog-model.js";
import { PREVIEW_ERRORS } from "./catalog-preview.js";
import { REMOTE_ERRORS } from "./catalog-remote.js";
import { RENDER_ERRORS } from "./catalog-render.js";
import { REVIEW_ERRORS } from "./catalog-review.js";
import { SETUP_ERRORS } from "./catalog-setup.js";
import { REVIEW_WRITES_ERRORS } from "./catalog-review-writes.js";
import { SETTINGS_ERRORS } from "./catalog-settings.js";
import { SYNC_ERRORS } from "./catalog-sync.js";
import type { CatalogEntry } from "./define-entry.js";

/**
 * Every code the tool reports, with its severity, summary, message builder and hint. Codes are
 * permanent: users grep for them and CI filters on them, so a code is never renamed or reused.
 * The README's table of codes is generated from this (`npm run docs:errors`).
 */
export const ERROR_CATALOG = {
  ...CONFIG_ERRORS,
  ...CONTENT_ERRORS,
  ...MODEL_ERRORS,
  ...RENDER_ERRORS,
  ...SYNC_ERRORS,
  ...SETTINGS_ERRORS,
  ...REVIEW_ERRORS,
  ...REVIEW_WRITES_ERRORS,
  ...REMOTE_ERRORS,
  ...COMMAND_ERRORS,
  ...SETUP_ERRORS,
  ...PREVIEW_ERRORS,
  ...INTERNAL_ERRORS,
};

/** A code of the catalog, such as `frontmatter/unknown-key`. */
export type ErrorCode = keyof typeof ERROR_CATALOG;

type DetailsOf<E> = E extends CatalogEntry<infer D> ? D : never;

/** The details a code's message and hint are built from (distributes over a union of codes). */
export type ErrorDetails<C extends ErrorCode> = C extends ErrorCode ? DetailsOf<(typeof ERROR_CATALOG)[C]> : never;

/** A code with its details, for code that decides what to report before it knows where. */
export type Finding<C extends ErrorCode = ErrorCode> = { [K in C]: { code: K; details: ErrorDetails<K> } }[C];

/** The entry of a code, with its builders typed for any details. */
export function catalogEntry(code: ErrorCode): CatalogEntry<unknown> {
  return ERROR_CATALOG[code] as CatalogEntry<unknown>;
}

/** The message and hint a code's builders make from its details. */
export function describeError<C extends ErrorCode>(code: C, details: ErrorDetails<C>): { message: string; hint: string | undefined } {
  const entry = catalogEntry(code);
  const hint = typeof entry.hint === "function" ? entry.hint(details) : entry.hint;
  return { message: entry.message(details), hint };
}
