/**
 * What each write of a plan waits for, so that apply can start it as soon as those are done
 * instead of waiting for a whole level: its parent collection, and the articles it links to that
 * are created before it (a lower level). Without the wait per level, a first push runs at the
 * rate limit whatever the latency: a plan of 20 levels at 300 ms a request would otherwise spend
 * 6 s in levels' last requests alone. Removals keep their levels, after every other write.
 */
import { placeholderTarget, placeholdersOf } from "../digest/body-summary.js";
import type { PlanItem } from "../plan/types.js";

function keyOf(type: PlanItem["type"], key: string): string {
  return `${type}\u0000${key}`;
}

/** The items (of `items`) `item` must wait for; only items of a lower level are ever waited for. */
export function dependenciesOf(item: PlanItem, byKey: ReadonlyMap<string, PlanItem>): PlanItem[] {
  const found = new Set<PlanItem>();
  const add = (candidate: PlanItem | undefined): void => {
    if (candidate !== undefined && candidate !== item && candidate.level < item.level) found.add(candidate);
  };
  if (item.parentKey !== null) add(byKey.get(keyOf("collection", item.parentKey)));
  if (item.type === "article") {
    for (const content of Object.values(item.content)) {
      for (const placeholder of placeholdersOf(content.placeholders)) add(byKey.get(keyOf("article", placeholderTarget(placeholder))));
    }
  }
  return [...found];
}

/**
 * The writes (of `items`) of the articles `item` links to, at any level: what a second-pass
 * refresh of its links waits for, since only then are all the URLs it may carry known.
 */
export function linkTargetsOf(item: PlanItem, byKey: ReadonlyMap<string, PlanItem>): PlanItem[] {
  if (item.type !== "article") return [];
  const found = new Set<PlanItem>();
  for (const content of Object.values(item.content)) {
    for (const placeholder of placeholdersOf(content.placeholders)) {
      const target = byKey.get(keyOf("article", placeholderTarget(placeholder)));
      if (target !== undefined && target !== item) found.add(target);
    }
  }
  return [...found];
}

/** Index of the items by type and key, for dependenciesOf. */
export function indexItems(items: readonly PlanItem[]): Map<string, PlanItem> {
  return new Map(items.map((item) => [keyOf(item.type, item.key), item]));
}

/**
 * How many writes, at most, wait one after the other on each item (its own included): the length
 * of the longest chain of dependents from it. Apply gives waiting items their slot by this, so the
 * chains of link targets are not left to run alone once the bulk of the writes is done.
 */
export function chainLengths(items: readonly PlanItem[], byKey: ReadonlyMap<string, PlanItem>): Map<PlanItem, number> {
  const dependents = new Map<PlanItem, PlanItem[]>();
  for (const item of items) for (const dependency of dependenciesOf(item, byKey)) dependents.set(dependency, [...(dependents.get(dependency) ?? []), item]);
  const lengths = new Map<PlanItem, number>();
  // Dependents are always of a higher level: settle the highest levels first.
  for (const item of [...items].sort((a, b) => b.level - a.level)) {
    lengths.set(item, 1 + Math.max(0, ...(dependents.get(item) ?? []).map((dependent) => lengths.get(dependent) ?? 0)));
  }
  return lengths;
}
