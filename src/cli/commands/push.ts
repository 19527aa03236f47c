import { formatApplyResult } from "../../apply/format-result.js";
import type { ApplyProgressEvent, ApplyResult } from "../../apply/types.js";
import { SyncError } from "../../errors/sync-error.js";
import { compactPlan } from "../../plan/compact-plan.js";
import { formatPlan } from "../../plan/format-plan.js";
import { reviewReasons } from "../../plan/review-reasons.js";
import { formatDiffs } from "../../plan/format-diffs.js";
import { formatPlanMarkdown } from "../../plan/format-plan-markdown.js";
import type { WaitEvent } from "../../remote/request-with-policy.js";
import { EXIT_INTERRUPTED } from "../exit-codes.js";
import { formatRedirectDiagnostics, formatRedirectPlan } from "../../plan/format-redirects.js";
import { formatInternalPlan } from "../../plan/format-internal.js";
import { pushProject } from "../../sync/push-project.js";
import { questionBeforePush, readSavedPlan } from "../review.js";
import { createProgressTracker } from "../progress-bar.js";
import { selectionFromArgs } from "../selection.js";
import type { CommandContext } from "../context.js";
import { printContentWarnings } from "../content-warnings.js";
import { annotate, writeStepOutputs, writeStepSummary } from "../github.js";
import { summarisePlan } from "../../plan/summarise-plan.js";
import { planExitCode } from "./plan.js";

export interface PushFlags {
  dryRun?: boolean;
  force?: boolean;
  stage?: boolean;
  /** Skip the question before risky writes. */
  yes?: boolean;
  /** Apply the plan saved in this file by `plan --out`, if it still holds. */
  plan?: string;
  diff?: boolean;
  locale?: string[];
  jsonAll?: boolean;
}

/** Exit code when the question before a push is answered no: nothing was written (as terraform's "Apply cancelled"). */
export const EXIT_DECLINED = 1;

/** JSON of an apply result: no lock, and with `all` false only the outcomes that did something. */
function resultJson(result: ApplyResult, all: boolean): Omit<ApplyResult, "lock"> & { lock?: undefined } {
  return { ...result, lock: undefined, outcomes: all ? result.outcomes : result.outcomes.filter((o) => o.action !== "noop") };
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
export async function runPush(paths: readonly string[], flags: PushFlags, ctx: CommandContext): Promise<number> {
  const { out } = ctx;
  const savedPlan = flags.plan === undefined ? undefined : await readSavedPlan(flags.plan, ctx);
  if (savedPlan !== undefined && (paths.length > 0 || (flags.locale?.length ?? 0) > 0 || flags.force === true || flags.stage === true)) {
    throw new SyncError("plan-file/extra-options", {});
  }
  const track = createProgressTracker(ctx.now);
  const ask = flags.yes === true ? undefined : questionBeforePush(ctx);
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
      diff: flags.diff,
      selection: selectionFromArgs(paths, flags.locale, ctx),
      ...(savedPlan === undefined ? {} : { savedPlan }),
      ...(ask === undefined ? {} : { confirm: ask }),
      signal: controller.signal,
      haltSignal: halt.signal,
      onWait: (event: WaitEvent) => {
        if (event.ms <= ANNOUNCED_WAIT_MS) return;
        out.clearProgress();
        out.warn(describeWait(event));
      },
      // --verbose shows each request (method, path, status, time: never headers or bodies).
      ...(out.verbose ? { logger: { debug: (message: string) => out.debug(message) } } : {}),
      onProgress: (event: ApplyProgressEvent) => out.progress(track(event)),
    });
    out.clearProgress();
    const { config, plan, result } = run;
    const jsonPlan = flags.jsonAll === true ? plan : compactPlan(plan);
    const color = out.colors.isColorSupported;
    if (run.declined === true) {
      const declined = new SyncError("push/declined", {});
      if (out.json) out.printJson({ ok: false, declined: true, plan: jsonPlan });
      out.error(out.colors.red(declined.message));
      if (declined.hint !== undefined) out.error(out.colors.dim(declined.hint));
      return EXIT_DECLINED;
    }
    printContentWarnings(ctx, run.diagnostics, config.rootDir);
    annotate(ctx, [...run.diagnostics, ...plan.warnings, ...plan.errors], config.rootDir);
    const redirectErrors = [...(run.redirects?.errors ?? []), ...(run.redirectResult?.errors ?? [])];
    annotate(ctx, redirectErrors, config.rootDir);
    const internalErrors = [...(run.internal?.plan.errors ?? []), ...(run.internalResult?.errors ?? [])];
    if (run.internal !== undefined) printContentWarnings(ctx, run.internal.diagnostics, config.rootDir);
    annotate(ctx, internalErrors, config.rootDir);
    const internalText = run.internal === undefined ? "" : formatInternalPlan(run.internal.plan, { color });
    if (!result) {
      if (out.json) out.printJson({ dryRun: true, plan: jsonPlan, redirects: run.redirects, ...(run.internal === undefined ? {} : { internal: run.internal.plan }), ...(run.diffs === undefined ? {} : { diffs: run.diffs }) });
      else {
        out.result(formatPlan(plan, { color }));
        if (run.diffs !== undefined) out.result(formatDiffs(run.diffs, { color }));
        if (run.redirects) out.result(formatRedirectPlan(run.redirects, { color }));
        if (internalText !== "") out.result(internalText);
        out.result(out.colors.dim(flags.dryRun ? "Dry run: nothing was sent to Intercom." : "Nothing was sent to Intercom."));
      }
      await writeStepSummary(ctx, formatPlanMarkdown(plan));
      await writeStepOutputs(ctx, { changes: summarisePlan(plan.items).writes });
      return redirectErrors.length + internalErrors.length > 0 ? 1 : planExitCode(plan, false);
    }
    const redirectOutcomes = run.redirectResult?.outcomes ?? [];
    if (out.json) {
      out.printJson({
        dryRun: false,
        plan: jsonPlan,
        result: resultJson(result, flags.jsonAll === true),
        requests: run.requests,
        redirects: { outcomes: redirectOutcomes, errors: redirectErrors },
        ...(run.internal === undefined ? {} : { internal: { plan: run.internal.plan, outcomes: run.internalResult?.outcomes ?? [], errors: internalErrors } }),
        ...(run.diffs === undefined ? {} : { diffs: run.diffs }),
      });
    } else {
      // Already printed when the push asked before writing.
      if (ask === undefined || reviewReasons(run.plan).length === 0) {
        out.info(formatPlan(plan, { color }));
        if (run.diffs !== undefined) out.info(formatDiffs(run.diffs, { color }));
      }
      if (run.redirects) out.info(formatRedirectPlan({ ...run.redirects, errors: [] }, { color }));
      out.result(formatApplyResult(result, { color, requests: run.requests, listAllUrls: out.verbose }));
      const created = redirectOutcomes.filter((o) => o.outcome === "created").length;
      const deleted = redirectOutcomes.filter((o) => o.outcome === "deleted").length;
      if (created + deleted > 0) out.result(`Redirects: ${created} created, ${deleted} deleted.`);
      if (redirectErrors.length > 0) out.result(formatRedirectDiagnostics(redirectErrors, color).join("\n"));
      if (internalText !== "") out.result(internalText);
      const internalOutcomes = run.internalResult?.outcomes ?? [];
      if (internalOutcomes.length > 0) {
        const count = (outcome: string) => internalOutcomes.filter((o) => o.outcome === outcome).length;
        out.result(`Internal articles: ${count("created")} created, ${count("updated")} updated, ${count("deleted")} deleted, ${count("failed")} failed.`);
      }
      if ((run.internalResult?.errors.length ?? 0) > 0) out.result(formatRedirectDiagnostics(run.internalResult?.errors ?? [], color).join("\n"));
    }
    await writeStepSummary(ctx, formatPlanMarkdown(plan));
    await writeStepOutputs(ctx, { changes: summarisePlan(plan.items).writes });
    if (result.interrupted) return EXIT_INTERRUPTED;
    return result.ok && plan.errors.length === 0 && redirectErrors.length === 0 && internalErrors.length === 0 ? 0 : 1;
  } finally {
    process.off("SIGINT", onSignal);
  }
}
