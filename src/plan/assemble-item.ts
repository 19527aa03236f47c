import type { LockLocale } from "../types.js";
import type { LocaleDecision } from "./diff-locale.js";
import { combineFieldHashes, type FieldHashes } from "../digest/field-hashes.js";
import type { PlanContext } from "./plan-context.js";
import type { PlanAction, PlanItemBase, PlanItemType, PlanLocaleChange } from "./types.js";

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
function chooseExistingAction(options: {
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
function describeExisting(action: PlanAction, details: { previousKey?: string; moveParent: boolean }): string {
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

/**
 * A plan item for something Intercom already holds, whatever its type: its action and reason from
 * the collected locale changes and the move, and what the lock records or forgets without a write
 * (adopted matches, locales no longer in the tree or no longer managed).
 */
export function existingItem<T extends PlanItemType, C>(
  ctx: PlanContext,
  item: {
    type: T;
    key: string;
    parentKey: string | null;
    remote: { id: string; defaultLocale: string | null };
    adopted: boolean;
    previousKey: string | undefined;
    moveParent: boolean;
    collected: CollectedChanges;
    content: C;
    /** Locales the lock entry holds. */
    lockedLocales: readonly string[];
    /** Whether the tree still has this locale of the item. */
    hasLocale: (locale: string) => boolean;
  },
): PlanItemBase & { type: T; content: C } {
  const { previousKey, moveParent, collected } = item;
  const write = moveParent || collected.writeLocales.length > 0;
  const action = chooseExistingAction({ adopted: item.adopted, moved: moveParent || previousKey !== undefined, writes: write, collected });
  const planned: PlanItemBase & { type: T; content: C } = {
    type: item.type,
    action,
    key: item.key,
    id: item.remote.id,
    parentKey: item.parentKey,
    level: 0,
    reason: describeExisting(action, { previousKey, moveParent }),
    locales: collected.changes,
    write,
    defaultLocale: item.remote.defaultLocale,
    content: item.content,
  };
  if (previousKey !== undefined) planned.previousKey = previousKey;
  if (moveParent) planned.moveParent = true;
  if (Object.keys(collected.record).length > 0) planned.record = collected.record;
  const dropLocales = item.lockedLocales.filter((locale) => !item.hasLocale(locale) || !ctx.managed.includes(locale));
  if (dropLocales.length > 0) planned.dropLocales = dropLocales;
  return planned;
}
