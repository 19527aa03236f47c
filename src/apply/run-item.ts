import type { PlanItem } from "../plan/types.js";
import { isNotFound, type ApplyRun } from "./apply-run.js";
import { applyLockEffects, lockTable, takeEntry } from "./lock-updates.js";
import { runArticleWrite } from "./run-article.js";
import { runCollectionWrite } from "./run-collection.js";
import type { ItemOutcome, OutcomeKind } from "./types.js";

export function itemOutcome(item: PlanItem, kind: OutcomeKind, extra: { id?: string; reason?: string; error?: string } = {}): ItemOutcome {
  const out: ItemOutcome = { type: item.type, key: item.key, action: item.action, outcome: kind };
  const id = extra.id ?? item.id;
  if (id !== undefined) out.id = id;
  if (extra.reason !== undefined) out.reason = extra.reason;
  if (extra.error !== undefined) out.error = extra.error;
  return out;
}

/** True when the item changes nothing at all: no request, no lock change, nothing to report. */
export function isInert(item: PlanItem): boolean {
  return (
    item.action === "noop" &&
    item.forget !== true &&
    item.previousKey === undefined &&
    item.record === undefined &&
    item.dropLocales === undefined
  );
}

/** Lock changes that need no request: renames, adopted matches, dropped locales, forgotten items. */
function applyLockOnly(run: ApplyRun, item: PlanItem): ItemOutcome | undefined {
  const table = lockTable(run.lock, item);
  if (item.forget === true) {
    delete table[item.key];
    return undefined;
  }
  if ((item.previousKey !== undefined || item.action === "adopt") && item.id !== undefined) {
    applyLockEffects(takeEntry(run.lock, item, item.id), item);
    if (item.action === "move") return itemOutcome(item, "moved");
    if (item.action === "adopt") return itemOutcome(item, "adopted", { reason: "already matched; recorded in the lock" });
    return undefined;
  }
  const entry = table[item.key];
  if (entry !== undefined) applyLockEffects(entry, item);
  return undefined;
}

async function deleteItem(run: ApplyRun, item: PlanItem): Promise<ItemOutcome> {
  const id = item.id ?? "";
  try {
    if (item.type === "article") await run.api.deleteArticle(id);
    else await run.api.deleteCollection(id);
  } catch (error) {
    // Already gone is what a delete wants; a retried DELETE whose first response was lost ends here.
    if (!isNotFound(error)) throw error;
  }
  delete lockTable(run.lock, item)[item.key];
  return itemOutcome(item, "deleted");
}

/**
 * Runs one plan item and updates the working lock. Returns undefined for an item with nothing to
 * report. Throws on a failed request; the caller turns that into a `failed` outcome.
 */
export async function runItem(run: ApplyRun, item: PlanItem): Promise<ItemOutcome | undefined> {
  if (item.action === "conflict" || item.action === "drift") {
    applyLockOnly(run, item);
    return itemOutcome(item, "skipped", { reason: item.reason });
  }
  if (!item.write) return applyLockOnly(run, item);
  if (item.action === "delete") return deleteItem(run, item);
  const needsParent = item.action === "create" || item.action === "recreate" || item.moveParent === true;
  const parentUnavailable = item.parentKey !== null && run.unavailableCollections.has(item.parentKey);
  const parentId = item.parentKey === null ? null : run.lock.collections[item.parentKey]?.id;
  if (needsParent && (parentUnavailable || parentId === undefined)) {
    return itemOutcome(item, "skipped", { reason: `its parent collection ${item.parentKey ?? ""} is not in Intercom (it failed or was skipped)` });
  }
  return item.type === "article" ? runArticleWrite(run, item, parentId ?? null) : runCollectionWrite(run, item, parentId ?? null);
}
