import type { Diagnostic } from "../errors/sync-error.js";
import type { Plan, PlanItem, PlanSummary } from "./types.js";

/** Counts per action, plus the number of requests apply makes in its first pass. */
export function summarisePlan(items: readonly PlanItem[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, move: 0, adopt: 0, unpublish: 0, delete: 0, drift: 0, conflict: 0, writes: 0 };
  for (const item of items) {
    switch (item.action) {
      case "create":
      case "recreate":
        summary.create += 1;
        break;
      case "update":
      case "move":
      case "adopt":
      case "unpublish":
      case "delete":
        summary[item.action] += 1;
        break;
      default:
        break;
    }
    if (item.locales.some((l) => l.change === "drift")) summary.drift += 1;
    if (item.locales.some((l) => l.change === "conflict")) summary.conflict += 1;
    if (item.write) summary.writes += 1;
  }
  return summary;
}

/** True when applying the plan would change anything in Intercom or in the lock. */
export function hasChanges(items: readonly PlanItem[]): boolean {
  return items.some(
    (item) => item.write || item.forget === true || item.previousKey !== undefined || item.record !== undefined || item.dropLocales !== undefined,
  );
}

/**
 * The plan errors that forbid applying it at all (a locale not enabled, another help center's
 * lock). Conflicts are not among them: apply skips only the conflicting items.
 */
export function blockingErrors(plan: Pick<Plan, "errors">): Diagnostic[] {
  return plan.errors.filter((error) => error.code !== "plan/conflict");
}
