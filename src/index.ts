/**
 * intercom-sync as a library: one function per command, with the same options the CLI passes,
 * the formatters the CLI prints with, and the shapes they return. The emulator has its own entry,
 * `intercom-sync/emulator`. Everything else is internal and may change in any release.
 */

// Config
export { defineConfig } from "./config/define-config.js";
export { loadConfig } from "./config/load-config.js";
export type { UserConfig, ResolvedConfig } from "./config/types.js";

// Errors and findings
export { SyncError, isSyncError } from "./errors/sync-error.js";
export type { Diagnostic, ErrorCode, SourceLocation, Severity } from "./errors/sync-error.js";

// Commands
export { checkProject } from "./check/check-project.js";
export type { CheckReport, CheckOptions } from "./check/check-project.js";
export { planProject } from "./sync/plan-project.js";
export type { PlanProjectOptions, PlanRun } from "./sync/plan-project.js";
export { findItemUrl } from "./sync/item-url.js";
export type { ItemUrl } from "./sync/item-url.js";

// Reviewing before writes: selections, saved plans, when to ask
export { selectPlan } from "./plan/select-plan.js";
export type { PlanSelection } from "./plan/select-plan.js";
export { toSavedPlan, parseSavedPlan, compareWithSaved, planFingerprint } from "./plan/saved-plan.js";
export type { SavedPlan, SavedPlanOptions } from "./plan/saved-plan.js";
export { reviewReasons, REVIEW_CREATE_THRESHOLD } from "./plan/review-reasons.js";
export { compactPlan } from "./plan/compact-plan.js";
export { pushProject } from "./sync/push-project.js";
export type { PushProjectOptions, PushRun, RequestCounts } from "./sync/push-project.js";
export { publishProject } from "./sync/publish-project.js";
export type { PublishProjectOptions, PublishRun } from "./sync/publish-project.js";
export { pullProject } from "./sync/pull-project.js";
export type { PullProjectOptions } from "./sync/pull-project.js";
export type { PullResult, PullFile, PullOutcome, PullSummary } from "./pull/types.js";
export { watchProject } from "./sync/watch-project.js";
export type { WatchOptions } from "./sync/watch-project.js";
export type { WatchSession, WatchRunSummary, WatchCloseResult } from "./watch/types.js";
export { previewProject, writePreviewSite } from "./sync/preview-project.js";
export type { PreviewOptions, PreviewBuildOptions, PreviewSession, PreviewBuildInfo } from "./sync/preview-project.js";
export { readStatus } from "./status/read-status.js";
export type { StatusReport, LocaleStatus } from "./status/types.js";
export { stampFiles } from "./stamp/stamp-files.js";
export type { StampResult, StampedFile, StampOptions } from "./stamp/stamp-files.js";
export { initProject } from "./init/init-project.js";
export type { InitOptions, InitResult, InitFile } from "./init/init-project.js";

// What the commands print
export { formatDiagnostics } from "./diagnostics/format-diagnostics.js";
export { formatPlan } from "./plan/format-plan.js";
export { formatPlanMarkdown } from "./plan/format-plan-markdown.js";
export { formatDiffs } from "./plan/format-diffs.js";
export type { LocaleDiff } from "./plan/text-diff.js";
export { formatApplyResult } from "./apply/format-result.js";
export { formatPullResult } from "./pull/format-pull-result.js";
export { formatStatus } from "./status/format-status.js";
export { formatRun } from "./watch/format-run.js";

// Shapes
export type { Plan, PlanItem, PlanSummary } from "./plan/types.js";
export type { ApplyResult, ApplyPhase, ApplyProgressEvent, ItemOutcome, OutcomeKind } from "./apply/types.js";
export type { RecoveryStats } from "./apply/find-lost-creates.js";
export type { WaitEvent } from "./remote/request-with-policy.js";
export type { DesiredState, RemoteState, LockFile } from "./types.js";
