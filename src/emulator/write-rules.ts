/** Rules shared by article and collection writes. */
import { invalidParameter } from "./api-error.js";
import type { StoredHelpCenter } from "./types.js";

/** Levels of nested collections Intercom allows (a collection, a child, a grandchild). */
export const MAX_COLLECTION_DEPTH = 3;

/** Content may only be written in a locale the help center has enabled. */
export function assertLocaleEnabled(center: StoredHelpCenter, locale: string, field: string): void {
  if (center.locales.includes(locale)) return;
  const named = field === "" ? locale : field;
  throw invalidParameter(
    `Locale ${locale} is not enabled on help center ${center.id} (enabled: ${center.locales.join(", ")})`,
    named,
  );
}

/** Reads an id given as an integer or a numeric string; null and undefined pass through. */
export function readParentId(value: number | string | null | undefined): number | null | undefined {
  if (value === null || value === undefined) return value;
  return typeof value === "number" ? value : Number(value);
}
