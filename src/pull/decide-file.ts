/**
 * What pull does with one file: the three-way rule of push, seen from the other side. Intercom
 * changed since the last push (its `updated_at` is newer than the lock's) and the file did not
 * (it still hashes to the lock's hash): take Intercom's version. The file changed too: leave it and
 * say so. Intercom did not change: the file is the truth, leave it.
 */
import type { LockLocale } from "../types.js";
import type { PullOutcome } from "./types.js";

export interface FileDecisionInput {
  /** The file as Intercom has it now. */
  pulled: string;
  /** The file on disk; undefined when there is none. */
  current: string | undefined;
  /** What the lock recorded for this item and locale. */
  lock: LockLocale | undefined;
  remoteUpdatedAt: number;
  /** Lock hash of the file on disk now; undefined when it cannot be built (errors) or is absent. */
  localHash: string | undefined;
  /** For a file the lock does not know: whether it already says what Intercom says (adoption). */
  matchesRemote: () => boolean;
  force: boolean;
  /**
   * A translation whose source file the pull rewrites: its settings (`fin`, `audiences`) inherit
   * from the source, so unless it changed locally it is written from Intercom too, with its own
   * values where they differ from the source's.
   */
  inheritedChange?: boolean;
}

export interface FileDecision {
  outcome: PullOutcome;
  reason: string;
  /** Record the file's digests and Intercom's stamp in the lock. */
  record: boolean;
  /** Skipped because both sides changed: the pull reports it as a conflict (exit 1). */
  conflict?: true;
}

/** Decides one file. Pure. */
export function decideFile(input: FileDecisionInput): FileDecision {
  const { pulled, current, lock, remoteUpdatedAt, localHash, force } = input;
  if (current === pulled) return { outcome: "unchanged", reason: "already matches Intercom", record: true };
  if (force) {
    return current === undefined
      ? { outcome: "created", reason: "written from Intercom (--force)", record: true }
      : { outcome: "updated", reason: "overwritten from Intercom (--force)", record: true };
  }
  if (lock === undefined) {
    if (current === undefined) return { outcome: "created", reason: "new from Intercom", record: true };
    return input.matchesRemote()
      ? { outcome: "unchanged", reason: "already says what Intercom says; kept as written", record: true }
      : { outcome: "skipped", reason: "a local file the lock does not know differs from Intercom (never pushed)", record: false, conflict: true };
  }
  const remoteChanged = remoteUpdatedAt > lock.updatedAt || input.inheritedChange === true;
  if (current === undefined) {
    return remoteChanged
      ? { outcome: "skipped", reason: "removed locally, but edited in Intercom since the last push", record: false, conflict: true }
      : { outcome: "skipped", reason: "removed locally since the last push", record: false };
  }
  const localChanged = localHash !== lock.hash;
  if (!remoteChanged) {
    return { outcome: "unchanged", reason: localChanged ? "local changes not pushed yet" : "no change in Intercom since the last push", record: false };
  }
  return localChanged
    ? { outcome: "skipped", reason: "changed locally and in Intercom since the last push", record: false, conflict: true }
    : { outcome: "updated", reason: "edited in Intercom since the last push", record: true };
}
