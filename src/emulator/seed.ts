/** The state a fresh emulator starts with, and checks on snapshots loaded from elsewhere. */
import { SNAPSHOT_VERSION } from "./types.js";
import type { EmulatorSeed, EmulatorSnapshot, StoredHelpCenter } from "./types.js";

/** Locales enabled on the default help center when the seed does not say. */
export const DEFAULT_HELP_CENTER_LOCALES: readonly string[] = ["en", "fr", "de", "es", "pt-BR", "ja"];
export const DEFAULT_ADMINS = [
  { id: 991000001, name: "Ada Admin", email: "ada@example.com" },
  { id: 991000002, name: "Grace Writer", email: "grace@example.com" },
] as const;
/** First ids handed out; collections and articles number apart so a mixed-up id is a 404. */
const FIRST_COLLECTION_ID = 100;
const FIRST_ARTICLE_ID = 1000;
/** Tags number apart from audiences too. */
export const FIRST_TAG_ID = 7000;

/** Builds the initial snapshot from a (partial) seed; `nowSeconds` dates the help centers. */
export function buildSeedSnapshot(seed: EmulatorSeed = {}, nowSeconds: number): EmulatorSnapshot {
  const defaultLocale = seed.defaultLocale ?? "en";
  const helpCenterSeeds = seed.helpCenters ?? [{ id: 1, identifier: "emulator", displayName: "Help Center", isDefault: true }];
  const helpCenters: StoredHelpCenter[] = helpCenterSeeds.map((center, index) => ({
    id: center.id,
    identifier: center.identifier,
    displayName: center.displayName ?? center.identifier,
    isDefault: center.isDefault ?? index === 0,
    locales: [...(center.locales ?? seed.locales ?? DEFAULT_HELP_CENTER_LOCALES)],
    createdAt: nowSeconds,
    updatedAt: nowSeconds,
  }));
  const admins = (seed.admins ?? DEFAULT_ADMINS).map((admin) => ({ ...admin }));
  const collections = structuredClone(seed.collections ?? []);
  const articles = structuredClone(seed.articles ?? []);
  const audiences = (seed.audiences ?? []).map((name, index) => ({ id: index + 1, name, createdAt: nowSeconds, updatedAt: nowSeconds }));
  const tags = (seed.tags ?? []).map((name, index) => ({ id: FIRST_TAG_ID + index, name }));
  const snapshot: EmulatorSnapshot = {
    version: SNAPSHOT_VERSION,
    workspaceId: seed.workspaceId ?? "emulator",
    defaultLocale,
    meAdminId: admins[0]?.id ?? 0,
    admins,
    helpCenters,
    collections,
    articles,
    ...(audiences.length > 0 ? { audiences } : {}),
    ...(tags.length > 0 ? { tags } : {}),
    nextIds: {
      collection: Math.max(FIRST_COLLECTION_ID, ...collections.map((c) => c.id + 1)),
      article: Math.max(FIRST_ARTICLE_ID, ...articles.map((a) => a.id + 1)),
      ...(audiences.length > 0 ? { audience: audiences.length + 1 } : {}),
      ...(tags.length > 0 ? { tag: FIRST_TAG_ID + tags.length } : {}),
    },
  };
  assertSnapshot(snapshot);
  return snapshot;
}

/** Throws when `value` is not a snapshot this version can load (a hand-edited or foreign file). */
export function assertSnapshot(value: unknown): asserts value is EmulatorSnapshot {
  const snapshot = value as Partial<EmulatorSnapshot> | null;
  if (typeof snapshot !== "object" || snapshot === null || snapshot.version !== SNAPSHOT_VERSION) {
    throw new Error(`Not an emulator snapshot of version ${SNAPSHOT_VERSION}`);
  }
  for (const key of ["admins", "helpCenters", "collections", "articles"] as const) {
    if (!Array.isArray(snapshot[key])) throw new Error(`Emulator snapshot lacks "${key}"`);
  }
  if (typeof snapshot.nextIds !== "object" || snapshot.nextIds === null) throw new Error('Emulator snapshot lacks "nextIds"');
  if (snapshot.helpCenters?.length === 0) throw new Error("An emulator needs at least one help center");
  if (snapshot.admins?.length === 0) throw new Error("An emulator needs at least one admin");
  if (!snapshot.helpCenters?.some((center) => center.isDefault)) throw new Error("No help center is the default");
}
