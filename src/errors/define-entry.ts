import type { Severity } from "./sync-error.js";

/** Details for an entry whose message needs none: pass `{}`. */
export type NoDetails = Record<string, never>;

/**
 * One catalog entry: what a code means, how bad it is, and how its message and hint are built
 * from the details the site that raises it knows.
 */
export interface CatalogEntry<D> {
  severity: Severity;
  /** What the code means in one line, for the README table. */
  summary: string;
  /** What happened, in one sentence. */
  message: (details: D) => string;
  /** What to do about it; a builder may return undefined when it has no advice for the details. */
  hint?: string | ((details: D) => string | undefined);
}

/**
 * Types one entry: the details are inferred from the message builder's parameter, so every
 * site that raises the code is checked against it.
 */
export function defineEntry<D = NoDetails>(entry: CatalogEntry<D>): CatalogEntry<D> {
  return entry;
}
