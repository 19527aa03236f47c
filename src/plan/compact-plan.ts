import { visibleItems } from "./format-plan.js";
import type { Plan } from "./types.js";

/**
 * The plan for `--json` output: only the items with an action (see visibleItems), and the URLs of
 * those items. `--json-all` prints the plan as it is.
 */
export function compactPlan(plan: Plan): Plan {
  const items = visibleItems(plan);
  const keys = new Set(items.map((item) => item.key));
  const urls = Object.fromEntries(Object.entries(plan.urls).filter(([key]) => keys.has(key)));
  return { ...plan, items, urls };
}
