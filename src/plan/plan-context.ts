import type { Diagnostic } from "../errors/sync-error.js";
import type { LockFile, RemoteArticle, RemoteCollection, RemoteState } from "../types.js";
import type { PlanInput, PlanOptions } from "./types.js";

/** Stand-in id of a collection that this run creates: its children learn the real id at apply time. */
export const PENDING_ID = "(pending)";

/** Lookups shared by the collection, article and removal planners. Built once per plan. */
export interface PlanContext {
  input: PlanInput;
  options: PlanOptions;
  lock: LockFile;
  sourceLocale: string;
  /** Managed locales. */
  managed: readonly string[];
  remoteDefaultLocale: string | null;
  remoteCollections: ReadonlyMap<string, RemoteCollection>;
  remoteArticles: ReadonlyMap<string, RemoteArticle>;
  /** Ids some lock entry owns: never adopted by another key. */
  ownedCollectionIds: ReadonlySet<string>;
  ownedArticleIds: ReadonlySet<string>;
  /** Ids adopted by this plan, so two keys never adopt the same item. */
  claimedCollectionIds: Set<string>;
  claimedArticleIds: Set<string>;
  /** Collection key -> its Intercom id after this run, or PENDING_ID when this run creates it. */
  collectionIds: Map<string, string>;
  /** Lock keys taken over by a move (not removals). */
  movedFromCollections: Set<string>;
  movedFromArticles: Set<string>;
  /** Article key -> locale -> URL, for link resolution. */
  urls: Record<string, Record<string, string>>;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * The locale Intercom keeps at the top level of items: the most common `default_locale` among the
 * help center's items. The 2.16 help center object does not say, so for an empty help center it is
 * unknown (null).
 */
export function detectDefaultLocale(remote: RemoteState): string | null {
  const counts = new Map<string, number>();
  for (const item of [...remote.collections, ...remote.articles]) {
    counts.set(item.defaultLocale, (counts.get(item.defaultLocale) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [locale, count] of counts) {
    if (count > bestCount) {
      best = locale;
      bestCount = count;
    }
  }
  return best;
}

/** Builds the lookups for one plan. */
export function createPlanContext(input: PlanInput): PlanContext {
  const { desired, remote, lock } = input;
  return {
    input,
    options: input.options,
    lock,
    sourceLocale: desired.sourceLocale,
    managed: desired.locales,
    remoteDefaultLocale: detectDefaultLocale(remote),
    remoteCollections: new Map(remote.collections.map((c) => [c.id, c])),
    remoteArticles: new Map(remote.articles.map((a) => [a.id, a])),
    ownedCollectionIds: new Set(Object.values(lock.collections).map((e) => e.id)),
    ownedArticleIds: new Set(Object.values(lock.articles).map((e) => e.id)),
    claimedCollectionIds: new Set(),
    claimedArticleIds: new Set(),
    collectionIds: new Map(),
    movedFromCollections: new Set(),
    movedFromArticles: new Set(),
    urls: {},
    errors: [],
    warnings: [],
  };
}

/** Last path segment of a key: moves prefer a candidate with the same file or folder name. */
export function baseName(key: string): string {
  const slash = key.lastIndexOf("/");
  return slash === -1 ? key : key.slice(slash + 1);
}

/** Depth of a collection key: 0 for a top-level folder. */
export function keyDepth(key: string): number {
  return key.split("/").length - 1;
}

/**
 * The lock key among `candidates` (vanished keys whose source hash matches) that a new key most
 * likely came from: same base name first, then the first in key order, for a stable plan.
 */
export function pickMoveSource(newKey: string, candidates: readonly string[]): string | undefined {
  const sorted = [...candidates].sort();
  return sorted.find((key) => baseName(key) === baseName(newKey)) ?? sorted[0];
}
