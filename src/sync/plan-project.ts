/**
 * `intercom-sync plan` as a library: validate the files, read the remote once, and decide. The
 * read and the pure planning step are shared with push and watch.
 */
import path from "node:path";
import type { ResolvedConfig } from "../config/types.js";
import { stopOnContentErrors, SyncError, type Diagnostic } from "../errors/sync-error.js";
import type { BodyLoader } from "../load/build-desired-state.js";
import { loadDesiredState } from "../load/disk-source.js";
import { planSync } from "../plan/plan-sync.js";
import { internalPlanWrites } from "../plan/plan-internal.js";
import { listsNeeded } from "../plan/plan-settings.js";
import { checkScheduleTimes } from "../plan/check-schedule-times.js";
import type { Plan } from "../plan/types.js";
import { fetchRemoteState } from "../remote/fetch-remote-state.js";
import type { DesiredState, LockFile, RemoteState } from "../types.js";
import type { RedirectPlan } from "../plan/plan-redirects.js";
import { isEmptySelection, selectedPathOf, selectPlan, type PlanSelection, type SelectionLayout } from "../plan/select-plan.js";
import type { LocaleDiff } from "../plan/text-diff.js";
import { planRedirectStep } from "./redirect-step.js";
import { planInternalStep, type InternalRun } from "./internal-step.js";
import { openProject, type OpenProject, type OpenProjectOptions } from "./open-project.js";
import type { ProjectOptions } from "./project-config.js";

export interface PlanProjectOptions extends OpenProjectOptions {
  /** Overwrite remote edits: drift and conflicts become updates. */
  force?: boolean;
  /** Stage changes to live articles as drafts for this run (`push --stage`), whatever `publishMode` says. */
  stage?: boolean;
  /**
   * Only these files or folders (project-relative) and locales are written (`push [paths...]
   * --locale`); the whole tree is still read and planned, so links resolve.
   */
  selection?: PlanSelection;
  /** Also make the text diffs of the changes (`--diff`). */
  diff?: boolean;
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
  /** The text diffs of the changes, with `diff`; they travel beside the plan. */
  diffs?: LocaleDiff[];
  /** Internal articles (`internalDir`); absent when there is no such folder and the lock owns none. */
  internal?: InternalRun;
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
  stopOnContentErrors(loaded.diagnostics);
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

/** The selection layout of a config: its folders relative to the project root, posix. */
export function selectionLayout(config: ResolvedConfig): SelectionLayout {
  const relative = (dir: string): string => path.relative(config.rootDir, dir).split(path.sep).join("/");
  return { sourceLocale: config.sourceLocale, contentDir: relative(config.contentDir), localesDir: relative(config.localesDir) };
}

/** Refuses a selection that names nothing of the tree: a typo must not turn into "nothing to do". */
function checkSelection(config: ResolvedConfig, desired: DesiredState, selection: PlanSelection): void {
  const layout = selectionLayout(config);
  for (const selected of selection.paths ?? []) {
    const found = selectedPathOf(selected, layout);
    if (found === undefined || (found.locale !== layout.sourceLocale && !desired.locales.includes(found.locale))) {
      throw new SyncError("select/outside-tree", { path: selected, contentDir: layout.contentDir, localesDir: layout.localesDir });
    }
  }
  for (const locale of selection.locales ?? []) {
    if (!desired.locales.includes(locale)) throw new SyncError("select/unknown-locale", { locale, locales: desired.locales });
  }
}

/** Validates the files, then reads the lock and lists the remote once (sync semantics 2), and plans. */
export async function planOpenProject(
  project: OpenProject,
  options: Pick<PlanProjectOptions, "env" | "cache" | "force" | "stage" | "selection" | "diff"> & { keepHtmlChars?: number },
): Promise<PlanRun> {
  const { config } = project;
  const { desired, diagnostics: found, loadBody } = await readValidState(config, options);
  const selection = options.selection ?? {};
  checkSelection(config, desired, selection);
  const [lock, remote] = await Promise.all([project.readLock(), fetchRemoteState(project.api, { helpCenterId: config.helpCenterId, ...listsNeeded(desired) })]);
  const diagnostics = [...found, ...requireFutureSchedules(desired, lock)];
  const whole = planAgainst(config, desired, remote, lock, options.force ?? false, options.stage ?? false);
  const plan = selectPlan(whole, selection, selectionLayout(config));
  // Redirects follow the files as a whole: a push limited to some files leaves them to a full push.
  const redirects = isEmptySelection(selection) ? await planRedirectStep(project.api, { desired, remote, lock, plan }) : undefined;
  // Internal articles too: a push limited to some files leaves them to a full push.
  const internal = isEmptySelection(selection) ? await planInternalStep(project, { desired, remote, lock, plan, force: options.force ?? false }) : undefined;
  // Loaded only for --diff: turning HTML back into markdown needs a DOM.
  const diffs = options.diff === true ? await (await import("./plan-diffs.js")).buildPlanDiffs({ plan, desired, remote, loadBody }) : undefined;
  return {
    config,
    desired,
    loadBody,
    diagnostics,
    remote,
    lock,
    lockFile: project.lockFile,
    plan,
    ...(redirects === undefined ? {} : { redirects }),
    ...(diffs === undefined ? {} : { diffs }),
    ...(internal === undefined ? {} : { internal }),
  };
}

/** Whether a run writes beside its items: redirects created or deleted, internal articles written. */
export function writesBesideItems(run: Pick<PlanRun, "redirects" | "internal">): boolean {
  const redirects = run.redirects === undefined ? 0 : run.redirects.creates.length + run.redirects.deletes.length;
  return redirects > 0 || (run.internal !== undefined && internalPlanWrites(run.internal.plan));
}

/** The schedule rule that needs the clock (see checkScheduleTimes): an error stops the run before any write. */
function requireFutureSchedules(desired: DesiredState, lock: LockFile): Diagnostic[] {
  const found = checkScheduleTimes(desired, lock, Math.floor(Date.now() / 1000));
  stopOnContentErrors(found);
  return found;
}

/** `intercom-sync plan`: validate, read the remote once, and decide. Writes nothing. */
export async function planProject(options: PlanProjectOptions = {}): Promise<PlanRun> {
  return planOpenProject(await openProject(options), options);
}
