/**
 * `intercom-sync plan` as a library: validate the files, read the remote once, and decide. The
 * read and the pure planning step are shared with push and watch.
 */
import type { ResolvedConfig } from "../config/types.js";
import { SyncError, type Diagnostic } from "../errors/sync-error.js";
import type { BodyLoader } from "../load/build-desired-state.js";
import { loadDesiredState } from "../load/disk-source.js";
import { planSync } from "../plan/plan-sync.js";
import { listsNeeded } from "../plan/plan-settings.js";
import { checkScheduleTimes } from "../plan/check-schedule-times.js";
import type { Plan } from "../plan/types.js";
import { fetchRemoteState } from "../remote/fetch-remote-state.js";
import type { DesiredState, LockFile, RemoteState } from "../types.js";
import type { RedirectPlan } from "../plan/plan-redirects.js";
import { planRedirectStep } from "./redirect-step.js";
import { openProject, type OpenProject, type OpenProjectOptions, type ProjectOptions } from "./open-project.js";

export interface PlanProjectOptions extends OpenProjectOptions {
  /** Overwrite remote edits: drift and conflicts become updates. */
  force?: boolean;
  /** Stage changes to live articles as drafts for this run (`push --stage`), whatever `publishMode` says. */
  stage?: boolean;
}

export interface PlanRun {
  config: ResolvedConfig;
  /** The files' state; article bodies as summaries (digests, links), not HTML. */
  desired: DesiredState;
  /** Renders one file's body again: a push renders the bodies it sends with it. */
  loadBody: BodyLoader;
  /** Warnings about the files (errors stop the run before this point). */
  diagnostics: Diagnostic[];
  remote: RemoteState;
  lock: LockFile;
  lockFile: string;
  plan: Plan;
  /** Redirect changes; absent when no file names a redirect and the lock owns none. */
  redirects?: RedirectPlan;
}

/**
 * Reads and validates the content tree. Any error means nothing may be written (sync semantics 1),
 * so it throws with every finding attached.
 */
export async function readValidState(
  config: ResolvedConfig,
  options: Pick<ProjectOptions, "env" | "cache"> & { keepHtmlChars?: number } = {},
): Promise<{ desired: DesiredState; diagnostics: Diagnostic[]; loadBody: BodyLoader }> {
  const loaded = await loadDesiredState(config, { env: options.env, cache: options.cache, keepHtmlChars: options.keepHtmlChars ?? 0 });
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) {
    throw new SyncError("content/invalid", { count: errors.length }, { diagnostics: loaded.diagnostics });
  }
  return { desired: loaded.state, diagnostics: loaded.diagnostics, loadBody: loaded.loadBody };
}

/**
 * Plans against an already known remote state and lock: the pure step, with the config's options.
 * The default author is left to apply (see applyStep): hashes use the front matter's author.
 */
export function planAgainst(config: ResolvedConfig, desired: DesiredState, remote: RemoteState, lock: LockFile, force: boolean, stage = false): Plan {
  return planSync({
    desired,
    remote,
    lock,
    options: {
      onDelete: config.onDelete,
      force,
      defaultAuthorId: config.authorId,
      outdatedTranslations: config.outdatedTranslations,
      publishMode: stage ? "stage" : config.publishMode,
    },
  });
}

/** Validates the files, then reads the lock and lists the remote once (sync semantics 2), and plans. */
export async function planOpenProject(
  project: OpenProject,
  options: Pick<PlanProjectOptions, "env" | "cache" | "force" | "stage"> & { keepHtmlChars?: number },
): Promise<PlanRun> {
  const { config } = project;
  const { desired, diagnostics: found, loadBody } = await readValidState(config, options);
  const [lock, remote] = await Promise.all([project.readLock(), fetchRemoteState(project.api, { helpCenterId: config.helpCenterId, ...listsNeeded(desired) })]);
  const diagnostics = [...found, ...requireFutureSchedules(desired, lock)];
  const plan = planAgainst(config, desired, remote, lock, options.force ?? false, options.stage ?? false);
  const redirects = await planRedirectStep(project.api, { desired, remote, lock, plan });
  return { config, desired, loadBody, diagnostics, remote, lock, lockFile: project.lockFile, plan, ...(redirects === undefined ? {} : { redirects }) };
}

/** The schedule rule that needs the clock (see checkScheduleTimes): an error stops the run before any write. */
function requireFutureSchedules(desired: DesiredState, lock: LockFile): Diagnostic[] {
  const found = checkScheduleTimes(desired, lock, Math.floor(Date.now() / 1000));
  const errors = found.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new SyncError("content/invalid", { count: errors.length }, { diagnostics: found });
  return found;
}

/** `intercom-sync plan`: validate, read the remote once, and decide. Writes nothing. */
export async function planProject(options: PlanProjectOptions = {}): Promise<PlanRun> {
  return planOpenProject(await openProject(options), options);
}
