/**
 * When `push` asks before writing (on a terminal only): a plan that unpublishes, deletes,
 * overwrites edits made in Intercom, or creates many items is shown and confirmed first. Pure.
 */
import { plural } from "../errors/plural.js";
import { FORCE_NOTE } from "./diff-locale.js";
import type { Plan, PlanItem } from "./types.js";

/** More creates than this in one push are confirmed first (a first push of a whole tree, a wrong folder). */
export const REVIEW_CREATE_THRESHOLD = 25;

function overwrites(item: PlanItem): boolean {
  return item.write && item.locales.some((change) => change.note === FORCE_NOTE);
}

/** Why this plan should be confirmed before it is applied; empty when it can go ahead. */
export function reviewReasons(plan: Plan, threshold = REVIEW_CREATE_THRESHOLD): string[] {
  const reasons: string[] = [];
  const { summary } = plan;
  if (summary.unpublish > 0) reasons.push(`unpublishes ${plural(summary.unpublish, "article")}`);
  if (summary.delete > 0) reasons.push(`deletes ${plural(summary.delete, "item")}`);
  const overwritten = plan.items.filter(overwrites).length;
  if (overwritten > 0) reasons.push(`overwrites edits made in Intercom on ${plural(overwritten, "item")} (--force)`);
  if (summary.create > threshold) reasons.push(`creates ${plural(summary.create, "item")} (more than ${threshold})`);
  return reasons;
}
