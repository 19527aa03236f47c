import { formatApplyResult } from "../../apply/format-result.js";
import type { ApplyProgressEvent } from "../../apply/types.js";
import { formatPlan } from "../../plan/format-plan.js";
import { formatPlanMarkdown } from "../../plan/format-plan-markdown.js";
import { pushProject } from "../../sync/push-project.js";
import type { CommandContext } from "../context.js";
import { printContentWarnings } from "../content-warnings.js";
import { annotate, writeStepSummary } from "../github.js";
import { planExitCode } from "./plan.js";

export interface PushFlags {
  dryRun?: boolean;
  force?: boolean;
  stage?: boolean;
}

/** Exit code when SIGINT stopped the run (128 + 2, as shells report it). */
export const EXIT_INTERRUPTED = 130;

/**
 * `intercom-sync push`: plan and apply. Ctrl-C stops starting new requests, lets running ones
 * finish, saves the lock, reports what was and was not done, and exits 130.
 */
export async function runPush(flags: PushFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) return;
    out.clearProgress();
    out.warn(out.colors.yellow("Interrupted: finishing the requests in flight and saving the lock…"));
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  try {
    const run = await pushProject({
      ...ctx.project,
      dryRun: flags.dryRun,
      force: flags.force,
      stage: flags.stage,
      signal: controller.signal,
      // --verbose shows each request (method, path, status, time: never headers or bodies).
      ...(out.verbose ? { logger: { debug: (message: string) => out.debug(message) } } : {}),
      onProgress: (event: ApplyProgressEvent) => out.progress(`Pushing ${event.completed}/${event.total}  ${event.outcome.key}`),
    });
    out.clearProgress();
    const { plan, result, config } = run;
    printContentWarnings(ctx, run.diagnostics, config.rootDir);
    annotate(ctx, [...run.diagnostics, ...plan.warnings, ...plan.errors], config.rootDir);
    if (!result) {
      if (out.json) out.printJson({ dryRun: true, plan });
      else {
        out.result(formatPlan(plan, { color: out.colors.isColorSupported }));
        out.result(out.colors.dim("Dry run: nothing was sent to Intercom."));
      }
      await writeStepSummary(ctx, formatPlanMarkdown(plan));
      return planExitCode(plan, false);
    }
    if (out.json) out.printJson({ dryRun: false, plan, result: { ...result, lock: undefined } });
    else {
      out.info(formatPlan(plan, { color: out.colors.isColorSupported }));
      out.result(formatApplyResult(result, { color: out.colors.isColorSupported }));
    }
    await writeStepSummary(ctx, formatPlanMarkdown(plan));
    if (result.interrupted) return EXIT_INTERRUPTED;
    return result.ok && plan.errors.length === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
  }
}
