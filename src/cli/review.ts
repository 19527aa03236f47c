/** Reviewing before a push, on the CLI's side: reading a saved plan, and the question on a terminal. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SyncError } from "../errors/sync-error.js";
import { formatPlan } from "../plan/format-plan.js";
import { reviewReasons } from "../plan/review-reasons.js";
import { formatInternalPlan } from "../plan/format-internal.js";
import { internalReviewReasons } from "../plan/plan-internal.js";
import { parseSavedPlan, type SavedPlan } from "../plan/saved-plan.js";
import { formatDiffs } from "../plan/format-diffs.js";
import type { PlanRun } from "../sync/plan-project.js";
import { canAsk, confirm } from "./confirm.js";
import type { CommandContext } from "./context.js";

/** Reads `push --plan FILE` (relative to where the command runs). */
export async function readSavedPlan(file: string, ctx: CommandContext): Promise<SavedPlan> {
  const absolute = path.resolve(ctx.cwd, file);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (error) {
    throw new SyncError("plan-file/unreadable", { reason: `it cannot be read (${error instanceof Error ? error.message : String(error)})` }, { location: { file } });
  }
  return parseSavedPlan(text, file);
}

/**
 * The question before writing: on a terminal, when the plan unpublishes, deletes, overwrites with
 * --force or creates many items. The plan is printed first; without a terminal it is never asked.
 */
export function questionBeforePush(ctx: CommandContext): ((run: PlanRun) => Promise<boolean>) | undefined {
  if (!canAsk(ctx)) return undefined;
  const { out } = ctx;
  return async (run) => {
    const reasons = [...reviewReasons(run.plan), ...internalReviewReasons(run.internal?.plan)];
    if (reasons.length === 0) return true;
    // On stderr, and even with --quiet: what is asked about must be seen.
    out.clearProgress();
    out.error(formatPlan(run.plan, { color: out.colors.isColorSupported }));
    if (run.diffs !== undefined) out.error(formatDiffs(run.diffs, { color: out.colors.isColorSupported }));
    if (run.internal !== undefined) out.error(formatInternalPlan(run.internal.plan, { color: out.colors.isColorSupported }));
    out.error("");
    out.error(out.colors.yellow(`This push ${reasons.join(", ")}.`));
    return confirm(ctx, `Apply it? Type "yes" to go on (--yes skips this question): `);
  };
}
