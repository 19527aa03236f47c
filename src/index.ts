/**
 * intercom-sync as a library. The CLI is a thin layer over these functions; everything a command
 * does can be done from code with the same options.
 */

// Config
export { defineConfig } from "./config/define-config.js";
export { loadConfig } from "./config/load-config.js";
export type { UserConfig, ResolvedConfig } from "./config/types.js";

// Errors and findings
export { SyncError, isSyncError, formatLocation } from "./errors.js";
export type { Diagnostic, SourceLocation, Severity } from "./errors.js";
export { LOCALES, isLocaleCode, suggestLocale } from "./locales.js";
export type { LocaleCode } from "./locales.js";

// The offline half: read, validate, render
export { checkProject } from "./check/check-project.js";
export type { CheckReport, CheckOptions } from "./check/check-project.js";
export { loadDesiredState } from "./check/load-desired-state.js";
export { formatDiagnostics } from "./check/format-diagnostics.js";
export { formatGithubAnnotations } from "./check/format-github-annotations.js";
export { renderMarkdown, htmlToMarkdown } from "./render/index.js";
export { hashSourceText } from "./model/hash-source-text.js";

// Plan and push
export { planProject, pushProject } from "./sync.js";
export type { PlanProjectOptions, PushProjectOptions, PlanRun, PushRun, RequestCounts } from "./sync.js";
export { planSync } from "./plan/plan-sync.js";
export { formatPlan } from "./plan/format-plan.js";
export { formatPlanMarkdown } from "./plan/format-plan-markdown.js";
export type { Plan, PlanItem, PlanSummary } from "./plan/types.js";
export { applyPlan } from "./apply/apply-plan.js";
export { formatApplyResult } from "./apply/format-result.js";
export type { ApplyResult, ItemOutcome, OutcomeKind } from "./apply/types.js";
export type { RecoveryStats } from "./apply/find-lost-creates.js";

// Watch
export { watchProject } from "./watch/watch-project.js";
export { formatRun } from "./watch/format-run.js";
export type { WatchOptions, WatchSession, WatchRunSummary, WatchCloseResult, WatchWriteEvent } from "./watch/types.js";

// Pull, translation status, stamp
export { pullProject, planPull, formatPullResult } from "./pull/index.js";
export type { PullProjectOptions, PullResult, PullFile, PullOutcome, PullSummary } from "./pull/index.js";
export { computeStatus, readStatus, formatStatus } from "./status/index.js";
export type { StatusReport, LocaleStatus, StatusTotals } from "./status/index.js";
export { stampFiles, setSourceHash } from "./stamp/index.js";
export type { StampResult, StampedFile } from "./stamp/index.js";

// Intercom
export { createIntercomClient, fetchRemoteState, IntercomApiError } from "./remote/index.js";
export type { IntercomApi, ClientOptions, WaitEvent } from "./remote/index.js";
export { readLock, writeLockAtomic, LOCK_FILE_NAME } from "./lock/index.js";
export { startEmulator } from "./emulator/index.js";
export type { Emulator, EmulatorOptions } from "./emulator/index.js";

export type * from "./types.js";
