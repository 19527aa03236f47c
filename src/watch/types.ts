/**
 * Shapes of a watch session: the file events it reacts to, the options it takes and the one
 * summary it reports per run.
 */
import type { OutcomeKind } from "../apply/types.js";
import type { Diagnostic, ErrorCode, SourceLocation } from "../errors/sync-error.js";
import type { PlanAction, PlanItemType } from "../plan/types.js";

/** What chokidar reports, with an absolute path. */
export type FileEventKind = "add" | "change" | "unlink" | "addDir" | "unlinkDir";

export interface FileEvent {
  kind: FileEventKind;
  /** Absolute path. */
  path: string;
}

/** Quiet time after the last change before a run starts: an editor's save is one run. */
export const DEFAULT_DEBOUNCE_MS = 50;
/** Longest a run waits while changes keep arriving, so a never-ending burst still syncs. */
export const DEFAULT_MAX_WAIT_MS = 2_000;

/** Timers the scheduler uses; injectable so tests drive time by hand. */
export interface SchedulerTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Why a run happened. */
export type RunTrigger = "start" | "change" | "refresh";

/**
 * How a run ended: `pushed` (writes made), `up-to-date` (nothing to write), `invalid` (content
 * errors: nothing sent), `failed` (config, plan or API error, or a failed write), `conflict`
 * (items edited on both sides were skipped), `interrupted` (stopped by close()).
 */
export type RunStatus = "pushed" | "up-to-date" | "invalid" | "failed" | "conflict" | "interrupted";

/** One item the run's plan changed, for the run line. */
export interface RunChange {
  type: PlanItemType;
  key: string;
  previousKey?: string;
  action: PlanAction;
  /** Locales with a change (add, update, drift, conflict). */
  locales: string[];
}

export interface RunErrorInfo {
  /** A catalog code, or "internal" for an error that is a bug. */
  code: ErrorCode | "internal";
  message: string;
  hint?: string;
  location?: SourceLocation;
}

/** Everything one run did, reported once when it ends. */
export interface WatchRunSummary {
  /** 1 for the first push, then counting up. */
  index: number;
  trigger: RunTrigger;
  status: RunStatus;
  /** Epoch ms when the run started (the session's clock). */
  startedAt: number;
  durationMs: number;
  /** Project-relative paths that changed since the previous run (none for the first). */
  changedFiles: string[];
  /** The config was reloaded ("reloaded") or could not be ("failed", see `error`). */
  config?: "reloaded" | "failed";
  /** The remote was listed again before planning. */
  remoteRefreshed: boolean;
  changes: RunChange[];
  /** Outcomes of the apply; all zero when nothing was applied. */
  counts: Record<OutcomeKind, number>;
  /** Write requests that got an answer. */
  writes: number;
  /** Files parsed and rendered afresh (not taken from the memo of prepared files). */
  rendered: number;
  /** Errors that stopped the run, then warnings about the files that changed. */
  diagnostics: Diagnostic[];
  /** What stopped the run or a write, when something did. */
  error?: RunErrorInfo;
  /** Failed items, one line each: `article writing/links: message`. */
  failures: string[];
}

/** A write request answered during a run (the benchmark's "save to write" end point). */
export interface WatchWriteEvent {
  /** Index of the run that made it. */
  run: number;
  kind: "article" | "collection";
  method: "create" | "update" | "delete";
}

export interface WatchCloseResult {
  /** Runs made, the first push included. */
  runs: number;
  /** A push was stopped before it finished (the next run picks up the rest). */
  interrupted: boolean;
}

export interface WatchSession {
  /** Absolute project root. */
  readonly rootDir: string;
  /** Absolute paths being watched. */
  readonly watchedPaths: readonly string[];
  /** Lists the remote again and re-plans (the CLI's `r` + Enter, SIGHUP). */
  refresh(): void;
  /** Resolves once no run is running or waiting. */
  idle(): Promise<void>;
  /**
   * Stops watching, lets a running push finish its requests in flight, saves the lock and
   * releases the folder's run lock. Calling it again returns the same promise.
   */
  close(): Promise<WatchCloseResult>;
  /** Settles when the session has closed, by close() or the abort signal. */
  readonly closed: Promise<WatchCloseResult>;
}
