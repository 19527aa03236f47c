import type { LockLocale } from "../types.js";
import type { LocaleDecision } from "./diff-locale.js";
import { combineFieldHashes, type FieldHashes } from "./hash.js";
import type { PlanContext } from "./plan-context.js";
import type { PlanAction, PlanItemType, PlanLocaleChange } from "./types.js";

export interface LocaleOutcome {
  locale: string;
  decision: LocaleDecision;
  /** Field digests of the desired content. */
  desired: FieldHashes;
  /** Remote `updated_at` of this locale, when Intercom has it. */
  remoteUpdatedAt: number | undefined;
}

export interface CollectedChanges {
  changes: PlanLocaleChange[];
  /** Locales apply writes (change `add` or `update`). */
  writeLocales: string[];
  /** Locales whose remote content already matches: recorded in the lock without a write. */
  record: Record<string, LockLocale>;
  hasDrift: boolean;
  hasConflict: boolean;
}

/** Turns per-locale decisions into the plan's change list, write set and lock-only records. */
export function collectChanges(outcomes: readonly LocaleOutcome[]): CollectedChanges {
  const collected: CollectedChanges = { changes: [], writeLocales: [], record: {}, hasDrift: false, hasConflict: false };
  for (const { locale, decision, desired, remoteUpdatedAt } of outcomes) {
    switch (decision.kind) {
      case "noop":
        break;
      case "record":
        collected.record[locale] = { hash: combineFieldHashes(desired), updatedAt: remoteUpdatedAt ?? 0, fields: desired };
        break;
      case "add":
      case "update": {
        const change: PlanLocaleChange = { locale, change: decision.kind, fields: decision.fields };
        if (decision.note !== undefined) change.note = decision.note;
        collected.changes.push(change);
        collected.writeLocales.push(locale);
        break;
      }
      case "drift":
        collected.hasDrift = true;
        collected.changes.push({ locale, change: "drift", fields: decision.fields });
        break;
      case "conflict":
        collected.hasConflict = true;
        collected.changes.push({ locale, change: "conflict", fields: decision.fields });
        break;
    }
  }
  return collected;
}

/** The action of an item that exists in Intercom and stays in the tree. */
export function chooseExistingAction(options: {
  adopted: boolean;
  moved: boolean;
  writes: boolean;
  collected: CollectedChanges;
}): PlanAction {
  if (options.adopted) return "adopt";
  if (options.moved) return "move";
  if (options.writes) return "update";
  if (options.collected.hasConflict) return "conflict";
  if (options.collected.hasDrift) return "drift";
  return "noop";
}

const DRIFT_REASON = "changed in Intercom since the last push; run `intercom-sync pull` to keep it, or push --force to overwrite";
const CONFLICT_REASON = "changed locally and in Intercom since the last push; pull and merge, or push --force to overwrite";

/** A short reason for an existing item's action. */
export function describeExisting(action: PlanAction, details: { previousKey?: string; moveParent: boolean }): string {
  switch (action) {
    case "adopt":
      return "matches an existing Intercom item (same parent and title) that the lock did not know";
    case "move":
      if (details.previousKey !== undefined) return details.moveParent ? "same content, new path and collection" : "same content at a new path";
      return "parent collection changed";
    case "update":
      return "changed locally";
    case "conflict":
      return CONFLICT_REASON;
    case "drift":
      return DRIFT_REASON;
    default:
      return "unchanged";
  }
}

/**
 * The parts of a create (or recreate) item that do not depend on its type: every locale is added
 * with all of its fields.
 */
export function newItemBase(
  ctx: PlanContext,
  item: { type: PlanItemType; key: string; parentKey: string | null; recreate: boolean; locales: readonly string[]; fieldNames: readonly string[] },
): { type: PlanItemType; action: PlanAction; key: string; parentKey: string | null; level: number; reason: string; locales: PlanLocaleChange[]; write: true; defaultLocale: string | null } {
  return {
    type: item.type,
    action: item.recreate ? "recreate" : "create",
    key: item.key,
    parentKey: item.parentKey,
    level: 0,
    reason: item.recreate ? "deleted in Intercom; creating it again" : `new ${item.type}`,
    locales: item.locales.map((locale) => ({ locale, change: "add", fields: [...item.fieldNames] })),
    write: true,
    defaultLocale: ctx.remoteDefaultLocale,
  };
}
