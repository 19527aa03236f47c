import { formatApplyResult } from "../../apply/format-result.js";
import type { ApplyProgressEvent } from "../../apply/types.js";
import { formatPlan } from "../../plan/format-plan.js";
import { formatPlanMarkdown } from "../../plan/format-plan-markdown.js";
import type { WaitEvent } from "../../remote/request-with-policy.js";
import { EXIT_INTERRUPTED } from "../exit-codes.js";
import { formatRedirectDiagnostics, formatRedirectPlan } from "../../plan/format-redirects.js";
import { pushProject } from "../../sync/push-project.js";
import type { CommandContext } from "../context.js";
import { printContentWarnings } from "../content-warnings.js";
import { annotate, writeStepOutputs, writeStepSummary } from "../github.js";
import { summarisePlan } from "../../plan/summarise-plan.js";
import { planExitCode } from "./plan.js";

export interface PushFlags {
  dryRun?: boolean;
  force?: boolean;
  stage?: boolean;
}

/** Waits shorter than this pass silently (they are the normal pace of a run); longer ones are announced. */
export const ANNOUNCED_WAIT_MS = 1_000;

/** "Waiting 2.5 s for the rate limit to reset." */
export function describeWait(event: WaitEvent): string {
  return `Waiting ${(event.ms / 1000).toFixed(1)} s ${event.reason}.`;
}

/**
 * `intercom-sync push`: plan and apply. Ctrl-C stops starting new requests, lets running ones
 * finish, saves the lock, reports what was and was not done, and exits 130. A second Ctrl-C
 * stops at once: the requests in flight are abandoned (the next push reconciles them), the lock
 * is saved with what is known.
 */
export async function runPush(flags: PushFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const controller = new AbortController();
  const halt = new AbortController();
  const onSignal = (): void => {
    out.clearProgress();
    if (controller.signal.aborted) {
      if (halt.signal.aborted) return;
      out.warn(out.colors.yellow("Interrupted again: stopping now and saving the lock; the next push reconciles the requests that were in flight."));
      halt.abort();
      return;
    }
    out.warn(out.colors.yellow("Interrupted: finishing the requests in flight and saving the lock… (Ctrl-C again to stop at once)"));
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
      haltSignal: halt.signal,
      onWait: (event: WaitEvent) => {
        if (event.ms <= ANNOUNCED_WAIT_MS) return;
        out.clearProgress();
        out.warn(describeWait(event));
      },
      // --verbose shows each request (method, path, status, time: never headers or bodies).
      ...(out.verbose ? { logger: { debug: (message: string) => out.debug(message) } } : {}),
      onProgress: (event: ApplyProgressEvent) => out.progress(`Pushing ${event.completed}/${event.total}  ${event.outcome.key}`),
    });
    out.clearProgress();
    const { plan, result, config } = run;
    printContentWarnings(ctx, run.diagnostics, config.rootDir);
    annotate(ctx, [...run.diagnostics, ...plan.warnings, ...plan.errors], config.rootDir);
    const color = out.colors.isColorSupported;
    const redirectErrors = [...(run.redirects?.errors ?? []), ...(run.redirectResult?.errors ?? [])];
    annotate(ctx, redirectErrors, config.rootDir);
    if (!result) {
      if (out.json) out.printJson({ dryRun: true, plan, redirects: run.redirects });
      else {
        out.result(formatPlan(plan, { color }));
        if (run.redirects) out.result(formatRedirectPlan(run.redirects, { color }));
        out.result(out.colors.dim(flags.dryRun ? "Dry run: nothing was sent to Intercom." : "Nothing was sent to Intercom."));
      }
      await writeStepSummary(ctx, formatPlanMarkdown(plan));
      await writeStepOutputs(ctx, { changes: summarisePlan(plan.items).writes });
      return redirectErrors.length > 0 ? 1 : planExitCode(plan, false);
    }
    const redirectOutcomes = run.redirectResult?.outcomes ?? [];
    if (out.json) out.printJson({ dryRun: false, plan, result: { ...result, lock: undefined }, requests: run.requests, redirects: { outcomes: redirectOutcomes, errors: redirectErrors } });
    else {
      out.info(formatPlan(plan, { color }));
      if (run.redirects) out.info(formatRedirectPlan({ ...run.redirects, errors: [] }, { color }));
      out.result(formatApplyResult(result, { color, requests: run.requests }));
      const created = redirectOutcomes.filter((o) => o.outcome === "created").length;
      const deleted = redirectOutcomes.filter((o) => o.outcome === "deleted").length;
      if (created + deleted > 0) out.result(`Redirects: ${created} created, ${deleted} deleted.`);
      if (redirectErrors.length > 0) out.result(formatRedirectDiagnostics(redirectErrors, color).join("\n"));
    }
    await writeStepSummary(ctx, formatPlanMarkdown(plan));
    await writeStepOutputs(ctx, { changes: summarisePlan(plan.items).writes });
    if (result.interrupted) return EXIT_INTERRUPTED;
    return result.ok && plan.errors.length === 0 && redirectErrors.length === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
  }
}
