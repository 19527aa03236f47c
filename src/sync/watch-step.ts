import { isInert } from "../apply/run-item.js";
import { OUTCOME_KINDS, type OutcomeKind } from "../apply/types.js";
import { buildDesiredState } from "../load/build-desired-state.js";
import { memorySource } from "../load/memory-source.js";
import type { ContentTree } from "../content/types.js";
import type { Diagnostic } from "../errors/sync-error.js";
import { visibleItems } from "../plan/format-plan.js";
import type { Plan } from "../plan/types.js";
import { listsNeeded } from "../plan/plan-settings.js";
import { fetchRemoteState } from "../remote/fetch-remote-state.js";
import { applyStep } from "./apply-step.js";
import type { OpenProject } from "./open-project.js";
import { planAgainst } from "./plan-project.js";
import { blockingErrors } from "../plan/summarise-plan.js";
import type { LockFile, RemoteState } from "../types.js";
import { foldRemoteWrites, type RemoteWrite } from "../watch/fold-writes.js";
import type { PreparedCache } from "../watch/prepared-cache.js";
import type { RunChange, WatchRunSummary } from "../watch/types.js";

/** What a watch session knows between runs: the remote as last listed plus its own writes, and the lock. */
export interface SessionState {
  /** The project as opened (a reloaded config opens it anew). */
  project: OpenProject;
  remote: RemoteState;
  lock: LockFile;
  force: boolean;
  /** List the remote again before the next plan (a write failed, the config changed). */
  staleRemote: boolean;
  /** Answered writes of the run in progress, in arrival order. */
  journal: RemoteWrite[];
}

export interface StepInput {
  tree: ContentTree;
  prepared: PreparedCache;
  /** Warnings are shown for these files only (all of them on the first run). */
  changedFiles: ReadonlySet<string> | "all";
  refresh: boolean;
  signal: AbortSignal;
}

/** What a run reports of its sync step (see WatchRunSummary for each field). */
export interface StepResult extends Pick<WatchRunSummary, "status" | "remoteRefreshed" | "changes" | "counts" | "writes" | "rendered" | "diagnostics"> {
  failures: string[];
  lockError?: string;
}

/** Outcomes that changed something, with or without a request (a rename is recorded in the lock only). */
const CHANGED_OUTCOMES: readonly OutcomeKind[] = ["created", "updated", "moved", "adopted", "unpublished", "deleted"];

/** All outcome counts at zero. */
export function zeroCounts(): Record<OutcomeKind, number> {
  return Object.fromEntries(OUTCOME_KINDS.map((kind) => [kind, 0])) as Record<OutcomeKind, number>;
}

function describeChanges(plan: Plan): RunChange[] {
  return visibleItems(plan).map((item) => {
    const change: RunChange = { type: item.type, key: item.key, action: item.action, locales: item.locales.map((l) => l.locale) };
    if (item.previousKey !== undefined) change.previousKey = item.previousKey;
    return change;
  });
}

function shownWarnings(diagnostics: readonly Diagnostic[], changed: StepInput["changedFiles"]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === "warning" && (changed === "all" || changed.has(d.location.file)));
}

/**
 * One incremental sync: build the desired state from the cached tree (unchanged files come
 * prepared from the memo), plan against the remote the session knows,
 * apply, and fold the answers back into that remote. Content errors stop it before any request,
 * as in `push`. Mutates `state` (lock, remote, staleness).
 */
export async function runSyncStep(state: SessionState, input: StepInput): Promise<StepResult> {
  const { config, api } = state.project;
  const built = await buildDesiredState(memorySource(input.tree, input.prepared.prepare), config);
  const rendered = input.prepared.sweep();
  const diagnostics = built.diagnostics;
  const errors = diagnostics.filter((d) => d.severity === "error");
  const warnings = shownWarnings(diagnostics, input.changedFiles);
  const result: StepResult = { status: "invalid", remoteRefreshed: false, changes: [], counts: zeroCounts(), writes: 0, rendered, diagnostics: [...errors, ...warnings], failures: [] };
  if (errors.length > 0) return result;

  const lists = listsNeeded(built.state);
  const listsMissing = (lists.audiences && state.remote.audiences === undefined) || (lists.tags && state.remote.tags === undefined);
  if (state.staleRemote || input.refresh || listsMissing) {
    state.remote = await fetchRemoteState(api, { helpCenterId: config.helpCenterId, ...lists });
    state.staleRemote = false;
    result.remoteRefreshed = true;
  }
  const plan = planAgainst(config, built.state, state.remote, state.lock, state.force);
  result.changes = describeChanges(plan);
  result.diagnostics = [...plan.errors, ...warnings];
  if (blockingErrors(plan).length > 0) {
    result.status = "failed";
    return result;
  }
  if (plan.items.every(isInert)) {
    result.status = plan.summary.conflict > 0 ? "conflict" : "up-to-date";
    return result;
  }

  // Only the bodies this run sends are rendered again (the memo keeps summaries).
  state.journal = [];
  const applied = await applyStep(state.project, { plan, desired: built.state, loadBody: built.loadBody, lock: state.lock, remote: state.remote, signal: input.signal });
  state.lock = applied.lock;
  state.remote = foldRemoteWrites(state.remote, state.journal);
  result.writes = state.journal.length;
  state.journal = [];
  result.counts = applied.counts;
  result.failures = applied.outcomes.filter((o) => o.outcome === "failed").map((o) => `${o.type} ${o.key}: ${o.error ?? "unknown error"}`);
  // A failed write (not found, conflict, lost answer) leaves the known remote in doubt.
  if (applied.counts.failed > 0) state.staleRemote = true;
  if (applied.lockError !== undefined) result.lockError = applied.lockError;
  if (applied.interrupted) result.status = "interrupted";
  else if (applied.counts.failed > 0 || applied.lockError !== undefined) result.status = "failed";
  else if (plan.summary.conflict > 0) result.status = "conflict";
  else result.status = result.writes > 0 || CHANGED_OUTCOMES.some((kind) => applied.counts[kind] > 0) ? "pushed" : "up-to-date";
  return result;
}
