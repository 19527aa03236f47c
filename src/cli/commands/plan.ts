import { writeFile } from "node:fs/promises";
import path from "node:path";
import { formatPlan } from "../../plan/format-plan.js";
import { formatPlanMarkdown } from "../../plan/format-plan-markdown.js";
import { formatRedirectPlan } from "../../plan/format-redirects.js";
import { formatInternalPlan } from "../../plan/format-internal.js";
import { compactPlan } from "../../plan/compact-plan.js";
import { toSavedPlan } from "../../plan/saved-plan.js";
import { hasChanges, summarisePlan } from "../../plan/summarise-plan.js";
import { formatDiffs } from "../../plan/format-diffs.js";
import type { Plan } from "../../plan/types.js";
import { planProject, writesBesideItems } from "../../sync/plan-project.js";
import type { CommandContext } from "../context.js";
import { printContentWarnings } from "../content-warnings.js";
import { annotate, writeStepOutputs, writeStepSummary } from "../github.js";
import { selectionFromArgs } from "../selection.js";

export interface PlanFlags {
  out?: string;
  detailedExitcode?: boolean;
  force?: boolean;
  stage?: boolean;
  diff?: boolean;
  locale?: string[];
  jsonAll?: boolean;
}

/** Exit code of a plan: 1 on errors (conflicts included); with --detailed-exitcode 2 when changes are pending. */
export function planExitCode(plan: Plan, detailed: boolean): number {
  if (plan.errors.length > 0) return 1;
  return detailed && hasChanges(plan.items) ? 2 : 0;
}

/** `intercom-sync plan`: read the remote once and print what `push` would do. Writes nothing remote. */
export async function runPlan(paths: readonly string[], flags: PlanFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const selection = selectionFromArgs(paths, flags.locale, ctx);
  const run = await planProject({
    ...ctx.project,
    force: flags.force,
    stage: flags.stage,
    diff: flags.diff,
    selection,
    ...(out.verbose ? { logger: { debug: (message: string) => out.debug(message) } } : {}),
  });
  const { plan, config } = run;
  printContentWarnings(ctx, run.diagnostics, config.rootDir);
  if (flags.out) {
    // The whole plan, with what `push --plan` needs to make it again and compare.
    const saved = toSavedPlan(plan, { force: flags.force ?? false, stage: flags.stage ?? false, paths: [...(selection.paths ?? [])], locales: [...(selection.locales ?? [])] });
    await writeFile(path.resolve(ctx.cwd, flags.out), out.redact(JSON.stringify(saved, null, 2)) + "\n", "utf8");
  }
  if (out.json) {
    const shown = flags.jsonAll === true ? plan : compactPlan(plan);
    const withInternal = run.internal === undefined ? shown : { ...shown, internal: run.internal.plan };
    out.printJson(run.diffs === undefined ? withInternal : { ...withInternal, diffs: run.diffs });
  } else {
    out.result(formatPlan(plan, { color: out.colors.isColorSupported }));
    if (run.diffs !== undefined) out.result(formatDiffs(run.diffs, { color: out.colors.isColorSupported }));
    if (run.redirects) out.result(formatRedirectPlan(run.redirects, { color: out.colors.isColorSupported }));
    const internalText = run.internal === undefined ? "" : formatInternalPlan(run.internal.plan, { color: out.colors.isColorSupported });
    if (internalText !== "") out.result(internalText);
    if (flags.out) out.info(out.colors.dim(`Plan written to ${flags.out}; \`intercom-sync push --plan ${flags.out}\` applies it if nothing changes meanwhile.`));
  }
  annotate(ctx, [...run.diagnostics, ...plan.warnings, ...plan.errors], config.rootDir);
  await writeStepSummary(ctx, formatPlanMarkdown(plan));
  await writeStepOutputs(ctx, { changes: summarisePlan(plan.items).writes });
  if (run.internal !== undefined) printContentWarnings(ctx, run.internal.diagnostics, config.rootDir);
  if ((run.redirects?.errors.length ?? 0) + (run.internal?.plan.errors.length ?? 0) > 0) return 1;
  return writesBesideItems(run) && flags.detailedExitcode === true && plan.errors.length === 0 ? 2 : planExitCode(plan, flags.detailedExitcode ?? false);
}
