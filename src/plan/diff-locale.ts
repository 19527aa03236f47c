import type { LockLocale } from "../types.js";
import { combineFieldHashes, diffFieldHashes, type FieldHashes } from "../digest/field-hashes.js";

/** What happens to one locale of one existing item. `record` = write nothing, note it in the lock. */
export type LocaleDecision =
  | { kind: "noop" }
  | { kind: "record" }
  | { kind: "add"; fields: string[]; note?: string }
  | { kind: "update"; fields: string[]; note?: string }
  | { kind: "drift"; fields: string[] }
  | { kind: "conflict"; fields: string[] };

export interface LocaleDiffInput {
  /** Field digests of the desired content (links resolved). */
  desired: FieldHashes;
  /** All field names of this item type, in display order. */
  fieldNames: readonly string[];
  /** What the lock recorded for this locale, if anything. */
  lock: LockLocale | undefined;
  /** The remote locale, or undefined when Intercom has no content in this locale. */
  remote:
    | {
        updatedAt: number;
        differingFields: () => string[];
        /** True when the remote is this content pushed before its link targets existed (articles). */
        hasOnlyStaleLinks?: () => boolean;
        /** The remote's fingerprint (plan/write-fingerprint), compared with an unconfirmed write. */
        fingerprint?: () => string;
      }
    | undefined;
  force: boolean;
  /**
   * The fields are plain text that Intercom stores as sent (collection names and descriptions):
   * a remote change that leaves them equal to the files is not drift, only a newer stamp. The
   * stamp is collection-wide, so an edit of one locale would otherwise mark every locale drifted.
   */
  plainText?: boolean;
  /**
   * The remote change is one the lock expects: a schedule pushed earlier has happened. When the
   * remote then matches the files, the lock learns the new stamp; nothing is drift.
   */
  settled?: boolean;
}

export const FORCE_NOTE = "overwrites changes made in Intercom (--force)";
const STALE_LINKS_NOTE = "finishes the links of an earlier push that was cut short";

/**
 * The three-way decision for one locale: local changed = desired hash differs from the lock's,
 * remote changed = remote `updated_at` is newer than the lock's. Without a lock value the remote
 * content is compared as visible text (adoption); HTML is never compared as markup.
 */
export function diffLocale(input: LocaleDiffInput): LocaleDecision {
  const { desired, fieldNames, lock, remote, force } = input;
  if (remote === undefined) {
    // A locale the lock knew but Intercom lacks was deleted there: it is added again.
    return lock === undefined ? { kind: "add", fields: [...fieldNames] } : { kind: "add", fields: [...fieldNames], note: "missing in Intercom" };
  }
  if (lock === undefined) {
    const differing = remote.differingFields();
    return differing.length === 0 ? { kind: "record" } : { kind: "update", fields: differing };
  }
  const remoteChanged = remote.updatedAt > lock.updatedAt;
  const unconfirmed = lock.unconfirmed;
  if (remoteChanged && unconfirmed !== undefined && remote.fingerprint?.() === unconfirmed.fingerprint) {
    // Intercom holds exactly what a write of ours sent before its response was lost: that write is
    // the base, so a local edit made since is a plain update (every field: the lock's digests
    // are of the content before it), not a conflict.
    return combineFieldHashes(desired) === unconfirmed.hash ? { kind: "record" } : { kind: "update", fields: [...fieldNames] };
  }
  const localChanged = combineFieldHashes(desired) !== lock.hash;
  if (!localChanged && !remoteChanged) return { kind: "noop" };
  if (localChanged && !remoteChanged) return { kind: "update", fields: changedFields(desired, lock, fieldNames) };
  if (force) return { kind: "update", fields: [...fieldNames], note: FORCE_NOTE };
  const differing = remote.differingFields();
  // Intercom already holds what the files say: a write of ours whose acknowledgement was lost (a
  // run killed after Intercom applied it), or the same edit made on both sides. Nothing to push or
  // report; the lock just learns it. (An article edited only in Intercom stays drift even when its
  // text matches: the edit may have changed markup that the comparison does not see.)
  if (differing.length === 0 && (localChanged || input.plainText === true || input.settled === true)) return { kind: "record" };
  if (!localChanged) return { kind: "drift", fields: differing };
  if (remote.hasOnlyStaleLinks?.() === true) return { kind: "update", fields: [...fieldNames], note: STALE_LINKS_NOTE };
  return { kind: "conflict", fields: changedFields(desired, lock, fieldNames) };
}

function changedFields(desired: FieldHashes, lock: LockLocale, fieldNames: readonly string[]): string[] {
  // Without field digests (an older lock) every field is sent: correct, just not minimal.
  if (lock.fields === undefined) return [...fieldNames];
  const changed = diffFieldHashes(desired, lock.fields, fieldNames);
  return changed.length === 0 ? [...fieldNames] : changed;
}
