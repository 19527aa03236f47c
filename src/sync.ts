/**
 * The composer: load -> read -> build -> fetch -> plan (-> apply). The only module that joins the
 * pure core to IO; the CLI, the watcher and the library API all go through it.
 */
import path from "node:path";
import type { Dispatcher } from "undici";
import { applyPlan } from "./apply/apply-plan.js";
import type { ApplyDeps, ApplyProgressEvent, ApplyResult, PlanBodyLoader } from "./apply/types.js";
import { loadDesiredState, type BodyLoader } from "./check/load-desired-state.js";
import { createPlanBodyLoader, loadPlanBodies } from "./check/plan-bodies.js";
import { loadConfig } from "./config/load-config.js";
import type { ResolvedConfig } from "./config/types.js";
import { SyncError, type Diagnostic } from "./errors.js";
import { LOCK_FILE_NAME } from "./lock/lock-schema.js";
import { readLock, writeLockAtomic } from "./lock/read-write-lock.js";
import { acquireRunLock } from "./lock/run-lock.js";
import { needsDefaultAuthor } from "./plan/bodies-to-load.js";
import { planSync } from "./plan/plan-sync.js";
import type { Plan } from "./plan/types.js";
import type { IntercomApi } from "./remote/api.js";
import { readAccessToken } from "./remote/access-token.js";
import { resolveApiBaseUrl } from "./remote/base-url.js";
import { createIntercomClient } from "./remote/client.js";
import { fetchRemoteState } from "./remote/fetch-remote-state.js";
import type { Logger, RequestEvent, WaitEvent } from "./remote/request-with-policy.js";
import type { DesiredState, LockFile, RemoteState } from "./types.js";

export { createPlanBodyLoader, loadPlanBodies };

export interface ProjectOptions {
  /** Folder to find the config in. Default: the process's working directory. */
  cwd?: string;
  /** `--config FILE`, relative to `cwd`. */
  configFile?: string;
  /** A config already loaded (the watcher reuses it between runs). */
  config?: ResolvedConfig;
  /** Where the token, `INTERCOM_API_URL` and the cache location come from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * The render cache: on by default (`INTERCOM_SYNC_CACHE_DIR`, else the user's cache folder),
   * `false` to read every file afresh, or the folder to keep it in.
   */
  cache?: boolean | string;
}

export interface RemoteOptions {
  /** Use this API instead of the HTTP client (tests and the in-process demo). */
  api?: IntercomApi;
  /** undici dispatcher for the HTTP client. */
  dispatcher?: Dispatcher;
  /** Called for every HTTP attempt (request counting). */
  onRequest?: (event: RequestEvent) => void;
  /** Called before every wait: the rate limit, backoff before a retry, a create that timed out. */
  onWait?: (event: WaitEvent) => void;
  logger?: Logger;
}

export interface PlanProjectOptions extends ProjectOptions, RemoteOptions {
  /** Overwrite remote edits: drift and conflicts become updates. */
  force?: boolean;
  /** Lock file path. Default: `intercom-sync.lock.json` next to the config. */
  lockFile?: string;
}

export interface PushProjectOptions extends PlanProjectOptions {
  /** Plan only (`push --dry-run`). */
  dryRun?: boolean;
  /** Stops starting new requests (Ctrl-C); running ones finish and the lock is saved. */
  signal?: AbortSignal;
  onProgress?: (event: ApplyProgressEvent) => void;
  /** How long to wait for another run in the same folder. Default: the run lock's default. */
  runLockTimeoutMs?: number;
  /** Stops at once (a second Ctrl-C): requests in flight are abandoned, the lock is saved. */
  haltSignal?: AbortSignal;
  /** The waits of apply (tests run them on a virtual clock). */
  applyTiming?: Pick<ApplyDeps, "sleep" | "random" | "lateCreateWaitMs">;
}

/** HTTP requests a push made, when it made them through its own client. */
export interface RequestCounts {
  /** Every attempt, retries included. */
  total: number;
  /** Attempts that repeated a request (5xx, 429, network) and creates sent again after a look. */
  retries: number;
}

export interface PlanRun {
  config: ResolvedConfig;
  /** The files' state; article bodies as summaries (digests, links), not HTML. */
  desired: DesiredState;
  /** Renders one file's body again: `pushProject` fills the bodies a push sends with it. */
  loadBody: BodyLoader;
  /** Warnings about the files (errors stop the run before this point). */
  diagnostics: Diagnostic[];
  remote: RemoteState;
  lock: LockFile;
  lockFile: string;
  plan: Plan;
}

export interface PushRun extends PlanRun {
  /** Absent for a dry run. */
  result?: ApplyResult;
  /** Absent when an API was passed in (`options.api`): its requests are not seen here. */
  requests?: RequestCounts;
}

/** Loads the config unless one was passed in. */
export async function resolveProjectConfig(options: ProjectOptions): Promise<ResolvedConfig> {
  if (options.config) return options.config;
  return loadConfig({ cwd: options.cwd ?? process.cwd(), configFile: options.configFile, env: options.env });
}

/** The lock file's path for a project. */
export function lockFilePath(config: ResolvedConfig, override?: string): string {
  return override ?? path.join(config.rootDir, LOCK_FILE_NAME);
}

/** The HTTP client for the configured workspace, unless an API was injected. */
export function connectApi(config: ResolvedConfig, options: ProjectOptions & RemoteOptions): IntercomApi {
  if (options.api) return options.api;
  const env = options.env ?? process.env;
  return createIntercomClient({
    baseUrl: resolveApiBaseUrl(config, env),
    token: readAccessToken(env),
    apiVersion: config.apiVersion,
    dispatcher: options.dispatcher,
    maxRetries: config.retries,
    onRequest: options.onRequest,
    onWait: options.onWait,
    logger: options.logger,
  });
}

/**
 * Reads and validates the content tree. Any error means nothing may be written (sync semantics 1),
 * so it throws with every finding attached.
 */
export async function readValidState(
  config: ResolvedConfig,
  options: Pick<ProjectOptions, "env" | "cache"> = {},
): Promise<{ desired: DesiredState; diagnostics: Diagnostic[]; loadBody: BodyLoader }> {
  const loaded = await loadDesiredState(config, { env: options.env, cache: options.cache });
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) {
    throw new SyncError("content/invalid", `The content has ${errors.length} error(s); nothing was sent to Intercom.`, {
      hint: "Fix them (run `intercom-sync check` for the full list), then run again.",
      diagnostics: loaded.diagnostics,
    });
  }
  return { desired: loaded.state, diagnostics: loaded.diagnostics, loadBody: loaded.loadBody };
}

/** The admin id new articles are written by: the config's, else the token's own admin. */
export async function resolveDefaultAuthor(config: ResolvedConfig, api: IntercomApi): Promise<number> {
  if (config.authorId !== null) return config.authorId;
  const me = await api.me();
  const id = Number(me.id);
  if (!Number.isSafeInteger(id)) {
    throw new SyncError("remote/unknown-author", `Intercom answered /me with an admin id that is not a number (${me.id}).`, {
      hint: "Set `authorId` in the config.",
    });
  }
  return id;
}

/**
 * Plans against an already known remote state and lock: the pure step, with the config's options.
 * `defaultAuthorId` null leaves the default author to be resolved before apply, when needed.
 */
export function planAgainst(
  config: ResolvedConfig,
  desired: DesiredState,
  remote: RemoteState,
  lock: LockFile,
  defaultAuthorId: number | null,
  force: boolean,
): Plan {
  return planSync({
    desired,
    remote,
    lock,
    options: { onDelete: config.onDelete, force, defaultAuthorId, outdatedTranslations: config.outdatedTranslations },
  });
}

/**
 * Makes a plan ready to apply: the bodies it writes are rendered again (see bodiesToLoad; before
 * the first write, so the requests then go out at the pace the rate limit allows), and the default
 * author is asked of `/me` only when the plan writes an article with no author of its own and the
 * config names none. A plan with nothing to write costs no request and no render here. Returns
 * the loader apply's second pass renders any other body with.
 */
export async function preparePlanForApply(plan: Plan, run: Pick<PlanRun, "config" | "desired" | "loadBody">, api: IntercomApi): Promise<PlanBodyLoader> {
  const loadBody = createPlanBodyLoader(run.desired, run.loadBody);
  await loadPlanBodies(plan, loadBody);
  if (plan.defaultAuthorId === null && needsDefaultAuthor(plan)) plan.defaultAuthorId = await resolveDefaultAuthor(run.config, api);
  return loadBody;
}

async function planWith(config: ResolvedConfig, api: IntercomApi, options: PlanProjectOptions): Promise<PlanRun> {
  const { desired, diagnostics, loadBody } = await readValidState(config, options);
  const lockFile = lockFilePath(config, options.lockFile);
  // One listing of the remote (sync semantics 2), read alongside the lock. The default author is
  // not needed to plan (hashes use the front matter's author), so `/me` waits until a write needs it.
  const [lock, remote] = await Promise.all([
    readLock(lockFile, path.relative(config.rootDir, lockFile) || LOCK_FILE_NAME),
    fetchRemoteState(api, { helpCenterId: config.helpCenterId }),
  ]);
  const plan = planAgainst(config, desired, remote, lock, config.authorId, options.force ?? false);
  return { config, desired, loadBody, diagnostics, remote, lock, lockFile, plan };
}

/** `intercom-sync plan`: validate, read the remote once, and decide. Writes nothing. */
export async function planProject(options: PlanProjectOptions = {}): Promise<PlanRun> {
  const config = await resolveProjectConfig(options);
  return planWith(config, connectApi(config, options), options);
}

/** The latest `updated_at` of the remote state: Intercom's time, as far as this run knows it. */
function latestUpdate(remote: RemoteState): number | null {
  let latest: number | null = null;
  for (const item of [...remote.collections, ...remote.articles]) if (latest === null || item.updatedAt > latest) latest = item.updatedAt;
  return latest;
}

/**
 * `intercom-sync push`: plan, then apply with bounded concurrency, saving the lock as work
 * completes. Holds the folder's run lock throughout so two pushes never interleave.
 */
export async function pushProject(options: PushProjectOptions = {}): Promise<PushRun> {
  const config = await resolveProjectConfig(options);
  const counts: RequestCounts = { total: 0, retries: 0 };
  const api = connectApi(config, {
    ...options,
    onRequest: (event) => {
      counts.total += 1;
      if ((event.attempt ?? 1) > 1) counts.retries += 1;
      options.onRequest?.(event);
    },
  });
  const runLock = await acquireRunLock(config.rootDir, { timeoutMs: options.runLockTimeoutMs });
  try {
    const planned = await planWith(config, api, options);
    if (options.dryRun) return planned;
    // A plan with blocking errors is refused by applyPlan before any request; nothing to prepare.
    const applicable = planned.plan.errors.every((error) => error.code === "plan/conflict");
    const loadBody = applicable ? await preparePlanForApply(planned.plan, planned, api) : undefined;
    const result = await applyPlan(planned.plan, {
      api,
      loadBody,
      lock: planned.lock,
      concurrency: config.concurrency,
      saveLock: (lock) => writeLockAtomic(planned.lockFile, lock),
      signal: options.signal,
      onProgress: options.onProgress,
      retries: config.retries,
      serverTime: latestUpdate(planned.remote),
      ...options.applyTiming,
      ...(options.onWait === undefined ? {} : { onWait: options.onWait }),
      ...(options.haltSignal === undefined ? {} : { haltSignal: options.haltSignal }),
    });
    if (options.api !== undefined) return { ...planned, result };
    return { ...planned, result, requests: { total: counts.total, retries: counts.retries + result.recovery.resent } };
  } finally {
    await runLock.release();
  }
}
