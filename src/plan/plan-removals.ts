import { diagnostic } from "../errors/sync-error.js";
import type { LockEntry } from "../types.js";
import { keyDepth, type PlanContext } from "./plan-context.js";
import type { ArticlePlanItem, CollectionPlanItem, PlanItem } from "./types.js";

function parentKeyOf(key: string): string | null {
  const slash = key.lastIndexOf("/");
  return slash === -1 ? null : key.slice(0, slash);
}

function removedKeys(lockEntries: Record<string, LockEntry>, present: ReadonlySet<string>, movedFrom: ReadonlySet<string>): string[] {
  return Object.keys(lockEntries)
    .filter((key) => !present.has(key) && !movedFrom.has(key))
    .sort();
}

function planArticleRemoval(ctx: PlanContext, key: string, entry: LockEntry): ArticlePlanItem {
  const remote = ctx.remoteArticles.get(entry.id);
  const base = { type: "article" as const, key, id: entry.id, parentKey: parentKeyOf(key), level: 0, locales: [], write: false, content: {}, removal: true as const };
  const defaultLocale = remote?.defaultLocale ?? ctx.remoteDefaultLocale;
  if (remote === undefined) {
    return { ...base, action: "noop", reason: "file removed; already gone from Intercom", defaultLocale, forget: true };
  }
  switch (ctx.options.onDelete) {
    case "keep":
      return { ...base, action: "noop", reason: "file removed; left in Intercom and no longer managed (onDelete: keep)", defaultLocale, forget: true };
    case "delete":
      return { ...base, action: "delete", reason: "file removed (onDelete: delete)", defaultLocale, write: true, forget: true };
    case "unpublish": {
      const published = ctx.managed.filter((locale) => remote.locales[locale]?.state === "published");
      if (published.length === 0) return { ...base, action: "noop", reason: "file removed; already unpublished", defaultLocale };
      return {
        ...base,
        action: "unpublish",
        reason: "file removed (onDelete: unpublish)",
        defaultLocale,
        write: true,
        locales: published.map((locale) => ({ locale, change: "update", fields: ["state"] })),
      };
    }
  }
}

/** How many items are still in collection `id` after this run's moves and deletions. */
function countRemaining(ctx: PlanContext, id: string, planned: readonly PlanItem[], deletedCollections: ReadonlySet<string>): number {
  const deletedArticles = new Set(planned.filter((i) => i.type === "article" && i.action === "delete").map((i) => i.id));
  // An item with moveParent leaves its current parent; every other item stays where it is.
  const movingOut = new Set(planned.filter((i) => i.moveParent === true && i.id !== undefined).map((i) => `${i.type}:${i.id}`));
  let remaining = 0;
  for (const article of ctx.remoteArticles.values()) {
    if (article.parentId !== id || deletedArticles.has(article.id) || movingOut.has(`article:${article.id}`)) continue;
    remaining += 1;
  }
  for (const child of ctx.remoteCollections.values()) {
    if (child.parentId !== id || deletedCollections.has(child.id) || movingOut.has(`collection:${child.id}`)) continue;
    remaining += 1;
  }
  return remaining;
}

function planCollectionRemovals(ctx: PlanContext, keys: readonly string[], planned: readonly PlanItem[]): CollectionPlanItem[] {
  const items: CollectionPlanItem[] = [];
  const deleted = new Set<string>();
  // Children first, so a parent whose only children are deleted now counts as empty.
  const deepestFirst = [...keys].sort((a, b) => keyDepth(b) - keyDepth(a) || a.localeCompare(b));
  for (const key of deepestFirst) {
    const entry = ctx.lock.collections[key];
    if (entry === undefined) continue;
    const remote = ctx.remoteCollections.get(entry.id);
    const base = { type: "collection" as const, key, id: entry.id, parentKey: parentKeyOf(key), level: 0, locales: [], write: false, content: {}, removal: true as const };
    const defaultLocale = remote?.defaultLocale ?? ctx.remoteDefaultLocale;
    if (remote === undefined) {
      items.push({ ...base, action: "noop", reason: "folder removed; already gone from Intercom", defaultLocale, forget: true });
    } else if (ctx.options.onDelete === "keep") {
      items.push({ ...base, action: "noop", reason: "folder removed; left in Intercom and no longer managed (onDelete: keep)", defaultLocale, forget: true });
    } else if (ctx.options.onDelete === "delete") {
      const remaining = countRemaining(ctx, entry.id, [...planned, ...items], deleted);
      if (remaining === 0) {
        deleted.add(entry.id);
        items.push({ ...base, action: "delete", reason: "folder removed and the collection is empty (onDelete: delete)", defaultLocale, write: true, forget: true });
      } else {
        ctx.warnings.push(diagnostic("plan/collection-not-empty", { key, remaining }, { file: key }));
      }
    }
    // onDelete "unpublish": collections have no published state; the collection stays, still owned.
  }
  return items;
}

/**
 * Plans what happens to lock entries whose files are gone (and that no move took over), following
 * `onDelete`. Collections are deleted only under "delete" and only when nothing is left in them.
 */
export function planRemovals(
  ctx: PlanContext,
  presentCollections: ReadonlySet<string>,
  presentArticles: ReadonlySet<string>,
  planned: readonly PlanItem[],
): PlanItem[] {
  const articles = removedKeys(ctx.lock.articles, presentArticles, ctx.movedFromArticles).flatMap((key) => {
    const entry = ctx.lock.articles[key];
    return entry === undefined ? [] : [planArticleRemoval(ctx, key, entry)];
  });
  const collectionKeys = removedKeys(ctx.lock.collections, presentCollections, ctx.movedFromCollections);
  return [...articles, ...planCollectionRemovals(ctx, collectionKeys, [...planned, ...articles])];
}
