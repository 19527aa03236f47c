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

/** Index of the items by type and key, for dependenciesOf. */
export function indexItems(items: readonly PlanItem[]): Map<string, PlanItem> {
  return new Map(items.map((item) => [keyOf(item.type, item.key), item]));
}
