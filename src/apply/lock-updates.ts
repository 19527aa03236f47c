/**
 * How a successful write changes a lock entry. The lock records, per locale, the digest of what
 * was sent and the `updated_at` Intercom answered with, so the next plan sees no change on either
 * side.
 */
import type { WireArticle, WireCollection } from "../intercom/wire.js";
import { combineFieldHashes, hashField, type FieldHashes } from "../digest/field-hashes.js";
import type { PlanItem } from "../plan/types.js";
import type { LockEntry, LockFile } from "../types.js";

/** Hash of a removed article's locale after it was unpublished by an older-format lock entry. */
export const UNPUBLISHED_HASH = "unpublished";

/** The `updated_at` Intercom reports for one locale of a write response. */
export function localeUpdatedAt(response: WireArticle | WireCollection, locale: string): number | undefined {
  // Collections carry one stamp for every locale.
  if (!("parent_ids" in response)) return response.updated_at;
  const content = response.translated_content?.[locale];
  if (content !== null && typeof content === "object") return content.updated_at;
  return locale === response.default_locale ? response.updated_at : undefined;
}

/** Locales reported as drift or conflict: their lock values must stay, so they keep being reported. */
export function blockedLocales(item: PlanItem): Set<string> {
  return new Set(item.locales.filter((l) => l.change === "drift" || l.change === "conflict").map((l) => l.locale));
}

/**
 * Records a write: `written` locales get the digests of what was sent and the response's stamp.
 * Other clean locales only take a newer stamp, because a write may bump the `updated_at` of
 * locales it did not touch (a parent move, a collection-level stamp) and that is not a remote edit.
 */
export function recordWrite(
  entry: LockEntry,
  written: Record<string, FieldHashes>,
  response: WireArticle | WireCollection,
  blocked: ReadonlySet<string>,
): void {
  for (const [locale, fields] of Object.entries(written)) {
    const previous = entry.locales[locale];
    entry.locales[locale] = {
      hash: combineFieldHashes(fields),
      updatedAt: localeUpdatedAt(response, locale) ?? previous?.updatedAt ?? 0,
      fields,
    };
  }
  for (const [locale, value] of Object.entries(entry.locales)) {
    if (locale in written || blocked.has(locale)) continue;
    const stamp = localeUpdatedAt(response, locale);
    if (stamp !== undefined && stamp > value.updatedAt) value.updatedAt = stamp;
  }
}

/** Records that a locale was set to draft: its state digest changes, so a restored file republishes it. */
export function recordUnpublished(entry: LockEntry, locale: string, response: WireArticle): void {
  const previous = entry.locales[locale];
  if (previous === undefined) return;
  const stamp = localeUpdatedAt(response, locale) ?? previous.updatedAt;
  if (previous.fields === undefined) {
    entry.locales[locale] = { hash: UNPUBLISHED_HASH, updatedAt: stamp };
    return;
  }
  const fields = { ...previous.fields, state: hashField("draft") };
  entry.locales[locale] = { hash: combineFieldHashes(fields), updatedAt: stamp, fields };
}

/**
 * Notes a write of `locale` whose outcome is unknown: what it sent and its fingerprint. The
 * locale's own hash stays, so a plan still sees the remote as changed, and then compares.
 */
export function recordUnconfirmed(entry: LockEntry, locale: string, fields: FieldHashes, fingerprint: string): void {
  const value = entry.locales[locale];
  if (value === undefined) return;
  value.unconfirmed = { hash: combineFieldHashes(fields), fields, fingerprint };
}

/** Applies an item's lock-only effects: matching adopted content, dropped locales. */
export function applyLockEffects(entry: LockEntry, item: PlanItem): void {
  for (const [locale, value] of Object.entries(item.record ?? {})) entry.locales[locale] = { ...value };
  for (const locale of item.dropLocales ?? []) delete entry.locales[locale];
}

/** The lock table of an item's type. */
export function lockTable(lock: LockFile, item: PlanItem): Record<string, LockEntry> {
  return item.type === "article" ? lock.articles : lock.collections;
}

/**
 * The entry an existing item updates: its own, the one it moved from, or a fresh one for an
 * adopted item. Moves rename the entry, so the old key is gone from the lock afterwards.
 */
export function takeEntry(lock: LockFile, item: PlanItem, id: string): LockEntry {
  const table = lockTable(lock, item);
  // An adopted item starts afresh: whatever the lock held under its key pointed at a deleted item.
  const existing = item.action === "adopt" ? undefined : (table[item.key] ?? (item.previousKey === undefined ? undefined : table[item.previousKey]));
  const entry = existing ?? { id, locales: {} };
  if (item.previousKey !== undefined) delete table[item.previousKey];
  entry.id = id;
  table[item.key] = entry;
  return entry;
}
