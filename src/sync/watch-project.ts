/**
 * `intercom-sync watch` as a library: push once, then push the difference on every change. The
 * composer of the watch: the scheduler decides when, the content cache and the memo of prepared
 * files decide what to read and render again, the sync step plans and applies against the remote kept in memory.
 */
import path from "node:path";
import { CONFIG_FILE_NAMES } from "../config/defaults.js";
import type { ResolvedConfig } from "../config/types.js";
import { describeError } from "../errors/catalog.js";
import { acquireRunLock } from "../lock/run-lock.js";
import type { IntercomApi } from "../remote/api.js";
import { fetchRemoteState } from "../remote/fetch-remote-state.js";
import { connectApi, projectOf, type OpenProject } from "./open-project.js";
import { lockFilePath, resolveProjectConfig } from "./project-config.js";
import { classifyChanges } from "../watch/classify-changes.js";
import { createContentCache } from "../watch/content-cache.js";
import { startFileWatcher, type FileWatcher } from "../watch/file-watcher.js";
import { observeApi } from "../watch/observe-api.js";
import { describeRunError, reloadChangedConfig, type ConfigReload } from "../watch/reload-config.js";
import { createPreparedCache } from "../watch/prepared-cache.js";
import { createRunScheduler, type RunBatch } from "../watch/run-scheduler.js";
import { runSyncStep, zeroCounts, type SessionState } from "./watch-step.js";
import {
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_MAX_WAIT_MS,
  type SchedulerTimers,
  type WatchCloseResult,
  type WatchRunSummary,
  type WatchSession,
  type RunErrorInfo,
  type RunTrigger,
  type WatchWriteEvent,
} from "../watch/types.js";
import type { PlanProjectOptions } from "./plan-project.js";

export interface WatchOptions extends PlanProjectOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  /** Epoch ms, for run timestamps and durations. Default `Date.now`. */
  clock?: () => number;
  timers?: SchedulerTimers;
  /** Poll the file system instead of native events (network drives, some containers). */
  usePolling?: boolean;
  /** How long to wait for another run in the folder to finish before giving up. */
  runLockTimeoutMs?: number;
  /** Aborting it closes the session (the CLI's Ctrl-C), also while it is starting. */
  signal?: AbortSignal;
  onRunStart?(info: { index: number; trigger: RunTrigger; changedFiles: string[] }): void;
  onRun?(summary: WatchRunSummary): void;
  onWrite?(event: WatchWriteEvent): void;
  /** Problems outside any run (the file watcher's errors). */
  onError?(error: RunErrorInfo): void;
}


const realTimers: SchedulerTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The config file, or where one may appear when the project has none yet. */
export function configCandidates(config: ResolvedConfig): string[] {
  return config.configFile !== null ? [config.configFile] : CONFIG_FILE_NAMES.map((name) => path.join(config.rootDir, name));
}

/** What to watch: the content and locales dirs, and the config file. */
export function watchTargets(config: ResolvedConfig): string[] {
  return [config.contentDir, config.localesDir, ...configCandidates(config)];
}

/**
 * Starts a watch session: loads the config, takes the folder's run lock for the whole session,
 * lists the remote once, starts watching, then makes the first (full) push. Resolves once the
 * watcher is ready; runs are reported through `onRun`. Throws only for what stops a session from
 * starting (config, run lock, the first listing of Intercom).
 */
export async function watchProject(options: WatchOptions = {}): Promise<WatchSession> {
  const clock = options.clock ?? Date.now;
  const config = await resolveProjectConfig(options);
  const runLock = await acquireRunLock(config.rootDir, { timeoutMs: options.runLockTimeoutMs });
  const content = createContentCache();
  const prepared = createPreparedCache();
  let runs = 0;
  let interrupted = false;
  let runAbort: AbortController | null = null;
  let watcher: FileWatcher | null = null;
  let state: SessionState;

  // Every client of the session is observed, so the remote it knows follows its own writes.
  const lockFile = lockFilePath(config, options.lockFile);
  const open = (next: ResolvedConfig): OpenProject => projectOf(next, connect(next), lockFile);
  const connect = (next: ResolvedConfig): IntercomApi =>
    observeApi(connectApi(next, options), {
      onWrite: (write, method) => {
        state.journal.push(write);
        const kind = write.kind === "article" || write.kind === "article-deleted" ? "article" : "collection";
        options.onWrite?.({ run: runs, kind, method });
      },
      onWriteError: () => {
        state.staleRemote = true;
      },
      onUnfolded: () => {
        state.staleRemote = true;
      },
    });

  async function runBatch(batch: RunBatch): Promise<void> {
    const startedAt = clock();
    const readPlan = classifyChanges({
      events: batch.events,
      rootDir: state.project.config.rootDir,
      contentDir: state.project.config.contentDir,
      localesDir: state.project.config.localesDir,
      configFiles: configCandidates(state.project.config),
      knownMarkdown: content.knownMarkdown(),
    });
    let reload: ConfigReload = { status: "unchanged" };
    if (readPlan.configChanged) {
      reload = await reloadChangedConfig(state, options.env, open);
      if (reload.status === "reloaded") await rewatch();
    }
    const fullRead = batch.initial || reload.status === "reloaded";
    const update = fullRead ? await content.load(state.project.config) : await content.update(state.project.config, readPlan);
    // Nothing says anything new (a save without edits, an editor's temp file): no run at all.
    if (!fullRead && !batch.refresh && reload.status === "unchanged" && !update.changed) return;

    runs += 1;
    const trigger = batch.initial ? "start" : batch.refresh ? "refresh" : "change";
    options.onRunStart?.({ index: runs, trigger, changedFiles: readPlan.changed });
    const summary: WatchRunSummary = {
      index: runs,
      trigger,
      status: "failed",
      startedAt,
      durationMs: 0,
      changedFiles: readPlan.changed,
      remoteRefreshed: false,
      changes: [],
      counts: zeroCounts(),
      writes: 0,
      rendered: 0,
      diagnostics: reload.status === "failed" ? [...reload.diagnostics] : [],
      failures: [],
    };
    if (reload.status !== "unchanged") summary.config = reload.status;
    if (reload.status === "failed") summary.error = reload.error;
    runAbort = new AbortController();
    try {
      const step = await runSyncStep(state, {
        tree: update.tree,
        prepared,
        changedFiles: batch.initial ? "all" : new Set(readPlan.changed),
        refresh: batch.refresh,
        signal: runAbort.signal,
      });
      summary.status = reload.status === "failed" && step.status !== "invalid" ? "failed" : step.status;
      summary.remoteRefreshed = step.remoteRefreshed;
      summary.changes = step.changes;
      summary.counts = step.counts;
      summary.writes = step.writes;
      summary.rendered = step.rendered;
      summary.diagnostics.push(...step.diagnostics);
      summary.failures = step.failures;
      if (step.lockError !== undefined) summary.error = { code: "lock/write-failed", message: describeError("lock/write-failed", { reason: step.lockError }).message };
      if (step.status === "interrupted") interrupted = true;
    } catch (error) {
      // A listing or planning failure: the next run lists the remote again before planning.
      state.staleRemote = true;
      summary.status = "failed";
      summary.error = describeRunError(error);
    } finally {
      runAbort = null;
    }
    summary.durationMs = Math.max(0, clock() - startedAt);
    options.onRun?.(summary);
  }

  const scheduler = createRunScheduler({
    debounceMs: options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    maxWaitMs: options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    timers: options.timers ?? realTimers,
    now: clock,
    run: runBatch,
    onError: (error) => options.onError?.(describeRunError(error)),
  });

  async function rewatch(): Promise<void> {
    const targets = watchTargets(state.project.config);
    if (watcher !== null && targets.join("\n") === watcher.paths.join("\n")) return;
    await watcher?.close();
    watcher = await startFileWatcher(targets, {
      rootDir: state.project.config.rootDir,
      usePolling: options.usePolling,
      onEvent: (event) => scheduler.notify(event),
      onError: (error) => options.onError?.(describeRunError(error)),
    });
  }

  try {
    state = await openState(open(config), options);
    await rewatch();
  } catch (error) {
    await (watcher as FileWatcher | null)?.close();
    await runLock.release();
    throw error;
  }

  let closing: Promise<WatchCloseResult> | null = null;
  let markClosed: (result: WatchCloseResult) => void = () => undefined;
  const closed = new Promise<WatchCloseResult>((resolve) => (markClosed = resolve));
  const close = (): Promise<WatchCloseResult> => {
    closing ??= (async () => {
      await watcher?.close();
      runAbort?.abort();
      // The running push starts no new request; those in flight finish and apply saves the lock.
      await scheduler.close();
      await runLock.release();
        const result = { runs, interrupted };
      markClosed(result);
      return result;
    })();
    return closing;
  };
  if (options.signal?.aborted === true) void close();
  else {
    options.signal?.addEventListener("abort", () => void close(), { once: true });
    scheduler.start();
  }

  return {
    rootDir: config.rootDir,
    get watchedPaths() {
      return watcher?.paths ?? [];
    },
    refresh: () => scheduler.requestRefresh(),
    idle: () => scheduler.idle(),
    close,
    closed,
  };
}

/** The first listing of the remote, the lock and the default author, read together. */
async function openState(project: OpenProject, options: WatchOptions): Promise<SessionState> {
  const [lock, remote] = await Promise.all([
    project.readLock(),
    fetchRemoteState(project.api, { helpCenterId: project.config.helpCenterId }),
    project.defaultAuthor(),
  ]);
  return { project, remote, lock, force: options.force ?? false, staleRemote: false, journal: [] };
}
