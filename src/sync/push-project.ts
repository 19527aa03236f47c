/**
 * `intercom-sync push` as a library: open the project holding its run lock, plan, and apply.
 */
import type { ApplyProgressEvent, ApplyResult } from "../apply/types.js";
import { applyStep } from "./apply-step.js";
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
}

/**
 * Plans, then applies with bounded concurrency, saving the lock as work completes. Holds the
 * folder's run lock throughout so two pushes never interleave.
 */
export async function pushProject(options: PushProjectOptions = {}): Promise<PushRun> {
  const project = await openProject(options, { runLock: true });
  try {
    const planned = await planOpenProject(project, options);
    if (options.dryRun) return planned;
    const result = await applyStep(project, { ...planned, signal: options.signal, onProgress: options.onProgress });
    return { ...planned, result };
  } finally {
    await project.close();
  }
}
