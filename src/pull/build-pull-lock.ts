/**
 * The lock after a pull, built from the files as they will be on disk: each recorded locale gets
 * the digests the planner computes for that file and Intercom's `updated_at`, so the next push sees
 * no change on either side. Links resolve through the URLs of every article the new lock owns,
 * which is how the next plan resolves them.
 */
import type { OutdatedTranslations } from "../plan/types.js";
import type { DesiredState, LockEntry, LockFile, RemoteState } from "../types.js";
import { buildUrlTable, createLocalHasher, toLockLocale } from "./hash-local-items.js";
import type { PullFile } from "./types.js";

function takeEntry(table: Record<string, LockEntry>, key: string, id: string): LockEntry {
  const existing = table[key];
  if (existing !== undefined && existing.id === id) return existing;
  const entry: LockEntry = { id, locales: {} };
  table[key] = entry;
  return entry;
}

export interface PullLockInput {
  lock: LockFile;
  files: readonly PullFile[];
  /** The tree as it is after the pull, modelled. */
  desired: DesiredState;
  remote: RemoteState;
  outdatedTranslations: OutdatedTranslations;
}

/** The next lock. Pure: the given lock is not changed. */
export function buildPullLock(input: PullLockInput): LockFile {
  const next: LockFile = structuredClone(input.lock);
  next.helpCenterId = input.remote.helpCenter.id;
  const recorded = input.files.filter((file) => file.record);
  // Entries first: the URL table (link targets) covers every article the new lock owns.
  for (const file of recorded) takeEntry(file.type === "article" ? next.articles : next.collections, file.key, file.id);
  const keysById = new Map(Object.entries(next.articles).map(([key, entry]) => [entry.id, key]));
  const hasher = createLocalHasher(input.desired, buildUrlTable(input.remote, keysById), input.outdatedTranslations);
  for (const file of recorded) {
    const fields = file.type === "article" ? hasher.article(file.key, file.locale) : hasher.collection(file.key, file.locale);
    if (fields === undefined) continue;
    const table = file.type === "article" ? next.articles : next.collections;
    takeEntry(table, file.key, file.id).locales[file.locale] = toLockLocale(fields, file.remoteUpdatedAt);
  }
  return next;
}
