/**
 * `intercom-sync push` as a library: open the project holding its run lock, plan, and apply.
 */
import type { ApplyDeps, ApplyProgressEvent, ApplyResult } from "../apply/types.js";
import type { RedirectResult } from "../apply/apply-redirects.js";
import { SyncError } from "../errors/sync-error.js";
import { compareWithSaved, type SavedPlan } from "../plan/saved-plan.js";
import { blockingErrors, hasChanges } from "../plan/summarise-plan.js";
import { applyStep } from "./apply-step.js";
import { applyRedirectStep } from "./redirect-step.js";
import { applyInternalStep } from "./internal-step.js";
import type { InternalResult } from "../apply/apply-internal.js";
import { openProject } from "./open-project.js";
import { planOpenProject, writesBesideItems, type PlanProjectOptions, type PlanRun } from "./plan-project.js";

/**
 * HTML kept from reading the files for the bodies a push then sends (a first push sends them all):
 * about 16 MB at most, so memory stays bounded however large the tree.
 */
export const KEPT_HTML_CHARS = 8_000_000;

export interface PushProjectOptions extends PlanProjectOptions {
  /** Plan only (`push --dry-run`). */
  dryRun?: boolean;
  /** Stops starting new requests (Ctrl-C); running ones finish and the lock is saved. */
  signal?: AbortSignal;
  onProgress?: (event: ApplyProgressEvent) => void;
  /** Stops at once (a second Ctrl-C): requests in flight are abandoned, the lock is saved. */
  haltSignal?: AbortSignal;
  /** The waits of apply (tests run them on a virtual clock). */
  applyTiming?: Pick<ApplyDeps, "sleep" | "random" | "lateCreateWaitMs">;
  /**
   * Asked after planning, before the first write, when the plan changes anything: false stops the
   * push with nothing written (`declined` is set). The CLI asks on a terminal (see reviewReasons).
   */
  confirm?: (run: PlanRun) => Promise<boolean>;
  /**
   * A plan saved by `plan --out` (`push --plan FILE`): the push plans again with its options and
   * applies only when the new plan is the same; otherwise it throws `plan-file/stale`, writing nothing.
   */
  savedPlan?: SavedPlan;
}

/** HTTP requests a push made, when it made them through its own client. */
export interface RequestCounts {
  /** Every attempt, retries included. */
  total: number;
  /** Attempts that repeated a request (5xx, 429, network) and creates sent again after a look. */
  retries: number;
}

export interface PushRun extends PlanRun {
  /** Absent for a dry run. */
  result?: ApplyResult;
  /** Absent when an API was passed in (`options.api`): its requests are not seen here. */
  requests?: RequestCounts;
  /** Redirects created and deleted after the items, with their errors; absent when there was nothing to do. */
  redirectResult?: RedirectResult;
  /** True when `confirm` answered no: nothing was written. */
  declined?: boolean;
  /** Internal article writes, after the items; absent when there was nothing to do. */
  internalResult?: InternalResult;
}

/**
 * Plans, then applies with bounded concurrency, saving the lock as work completes. Holds the
 * folder's run lock throughout so two pushes never interleave.
 */
export async function pushProject(options: PushProjectOptions = {}): Promise<PushRun> {
  const counts: RequestCounts = { total: 0, retries: 0 };
  const project = await openProject(
    {
      ...options,
      onRequest: (event) => {
        counts.total += 1;
        if ((event.attempt ?? 1) > 1) counts.retries += 1;
        options.onRequest?.(event);
      },
    },
    { runLock: true },
  );
  try {
    // Only a push that writes hands the bodies it read on to apply; `plan` and a dry run keep none.
    const saved = options.savedPlan?.saved;
    const planOptions = saved === undefined ? options : { ...options, force: saved.force, stage: saved.stage, selection: { paths: saved.paths, locales: saved.locales } };
    const opened = await planOpenProject(project, { ...planOptions, keepHtmlChars: options.dryRun ? 0 : KEPT_HTML_CHARS });
    // A saved plan holds no internal articles: `push --plan` writes only what was reviewed.
    const { internal: _unreviewed, ...reviewed } = opened;
    const planned: PlanRun = options.savedPlan === undefined ? opened : reviewed;
    if (options.savedPlan !== undefined) {
      const changed = compareWithSaved(options.savedPlan, planned.plan);
      if (changed !== null) throw new SyncError("plan-file/stale", { changed });
    }
    // A redirect_from entry that cannot be resolved is bad input: nothing is written (sync semantics 1).
    if (options.dryRun || (planned.redirects?.errors.length ?? 0) > 0) return planned;
    const changes = hasChanges(planned.plan.items) || writesBesideItems(planned);
    if (changes && options.confirm !== undefined && !(await options.confirm(planned))) return { ...planned, declined: true };
    const result = await applyStep(project, {
      ...planned,
      signal: options.signal,
      onProgress: options.onProgress,
      ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
      ...(options.haltSignal === undefined ? {} : { haltSignal: options.haltSignal }),
      ...(options.applyTiming === undefined ? {} : { timing: options.applyTiming }),
    });
    const requests = options.api === undefined ? { requests: { total: counts.total, retries: counts.retries + result.recovery.resent } } : {};
    if (result.interrupted || blockingErrors(planned.plan).length > 0) return { ...planned, result, ...requests };
    const internalResult = await applyInternalStep(project, planned.internal, result.lock);
    const itemsResult = internalResult === undefined ? result : { ...result, lock: internalResult.lock };
    const redirectResult = await applyRedirectStep(project, { ...planned, redirects: planned.redirects, result: itemsResult });
    return { ...planned, result: itemsResult, ...requests, ...(redirectResult === undefined ? {} : { redirectResult }), ...(internalResult === undefined ? {} : { internalResult }) };
  } finally {
    await project.close();
  }
}
