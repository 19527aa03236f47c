/**
 * The one apply step of push and watch: render the bodies the plan writes (before the first write,
 * so the requests then go out at the pace the rate limit allows), ask for the default author only
 * when the plan writes an article with no author of its own, then apply, saving the lock as work
 * completes. The plan is not edited: bodies and the author travel beside it.
 */
import { applyPlan } from "../apply/apply-plan.js";
import type { ApplyDeps, ApplyProgressEvent, ApplyResult } from "../apply/types.js";
import type { WaitEvent } from "../remote/request-with-policy.js";
import type { BodyLoader } from "../load/build-desired-state.js";
import { createPlanBodies, loadPlanBodies } from "../load/plan-bodies.js";
import { needsDefaultAuthor } from "../plan/bodies-to-load.js";
import { blockingErrors } from "../plan/summarise-plan.js";
import type { Plan } from "../plan/types.js";
import type { DesiredState, LockFile, RemoteState } from "../types.js";
import type { OpenProject } from "./open-project.js";

export interface ApplyStepInput {
  plan: Plan;
  /** The state the plan was made from, and the loader that renders its bodies again. */
  desired: DesiredState;
  loadBody: BodyLoader;
  /** The lock and the remote state the plan was made against. */
  lock: LockFile;
  remote: RemoteState;
  /** Stops starting new requests (Ctrl-C); running ones finish and the lock is saved. */
  signal?: AbortSignal;
  /** Stops at once (a second Ctrl-C): requests in flight are abandoned, the lock is saved. */
  haltSignal?: AbortSignal;
  onProgress?: (event: ApplyProgressEvent) => void;
  /** Called before each wait of apply (a create that timed out, backoff before one is resent). */
  onWait?: (event: WaitEvent) => void;
  /** The waits of apply (tests run them on a virtual clock). */
  timing?: Pick<ApplyDeps, "sleep" | "random" | "lateCreateWaitMs">;
}

/** The latest `updated_at` of the remote state: Intercom's time, as far as this run knows it. */
function latestUpdate(remote: RemoteState): number | null {
  let latest: number | null = null;
  for (const item of [...remote.collections, ...remote.articles]) if (latest === null || item.updatedAt > latest) latest = item.updatedAt;
  return latest;
}

/**
 * Applies a plan to the project's workspace. A plan with blocking errors is refused by applyPlan
 * before any request, so nothing is rendered or asked for it.
 */
export async function applyStep(project: OpenProject, input: ApplyStepInput): Promise<ApplyResult> {
  const { plan } = input;
  const bodies = createPlanBodies(input.desired, input.loadBody);
  let defaultAuthorId = plan.defaultAuthorId;
  if (blockingErrors(plan).length === 0) {
    await loadPlanBodies(plan, bodies);
    if (defaultAuthorId === null && needsDefaultAuthor(plan)) defaultAuthorId = await project.defaultAuthor();
  }
  return applyPlan(plan, {
    api: project.api,
    lock: input.lock,
    bodies: bodies.html,
    loadBody: bodies.load,
    defaultAuthorId,
    concurrency: project.config.concurrency,
    retries: project.config.retries,
    saveLock: project.saveLock,
    signal: input.signal,
    onProgress: input.onProgress,
    serverTime: latestUpdate(input.remote),
    ...input.timing,
    ...(input.onWait === undefined ? {} : { onWait: input.onWait }),
    ...(input.haltSignal === undefined ? {} : { haltSignal: input.haltSignal }),
  });
}
