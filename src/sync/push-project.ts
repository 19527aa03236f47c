/**
 * `intercom-sync push` as a library: open the project holding its run lock, plan, and apply.
 */
import type { ApplyProgressEvent, ApplyResult } from "../apply/types.js";
import type { RedirectResult } from "../apply/apply-redirects.js";
import { blockingErrors } from "../plan/summarise-plan.js";
import { applyStep } from "./apply-step.js";
import { applyRedirectStep } from "./redirect-step.js";
import { openProject } from "./open-project.js";
import { planOpenProject, type PlanProjectOptions, type PlanRun } from "./plan-project.js";

export interface PushProjectOptions extends PlanProjectOptions {
  /** Plan only (`push --dry-run`). */
  dryRun?: boolean;
  /** Stops starting new requests (Ctrl-C); running ones finish and the lock is saved. */
  signal?: AbortSignal;
  onProgress?: (event: ApplyProgressEvent) => void;
}

export interface PushRun extends PlanRun {
  /** Absent for a dry run. */
  result?: ApplyResult;
  /** Redirects created and deleted after the items, with their errors; absent when there was nothing to do. */
  redirectResult?: RedirectResult;
}

/**
 * Plans, then applies with bounded concurrency, saving the lock as work completes. Holds the
 * folder's run lock throughout so two pushes never interleave.
 */
export async function pushProject(options: PushProjectOptions = {}): Promise<PushRun> {
  const project = await openProject(options, { runLock: true });
  try {
    const planned = await planOpenProject(project, options);
    // A redirect_from entry that cannot be resolved is bad input: nothing is written (sync semantics 1).
    if (options.dryRun || (planned.redirects?.errors.length ?? 0) > 0) return planned;
    const result = await applyStep(project, { ...planned, signal: options.signal, onProgress: options.onProgress });
    if (result.interrupted || blockingErrors(planned.plan).length > 0) return { ...planned, result };
    const redirectResult = await applyRedirectStep(project, { ...planned, redirects: planned.redirects, result });
    return { ...planned, result, ...(redirectResult === undefined ? {} : { redirectResult }) };
  } finally {
    await project.close();
  }
}
