import pc from "picocolors";
import type { OutcomeKind } from "../apply/types.js";
import { formatLocation, type Diagnostic } from "../errors/sync-error.js";
import { ACTION_SYMBOLS } from "../plan/format-plan.js";
import type { RunChange, WatchRunSummary } from "./types.js";

/** Items named on a run line before the rest is counted as "+N more". */
export const MAX_ITEMS_ON_LINE = 3;

/** Outcomes in the order a run line lists them. */
const COUNTED: readonly OutcomeKind[] = ["created", "updated", "moved", "adopted", "unpublished", "deleted", "skipped", "failed"];

export interface RunLines {
  /** The one line every run prints (kept by --quiet). */
  line: string;
  /** `file:line:col  message` lines for errors. */
  errors: string[];
  /** The same for warnings about the files that changed. */
  warnings: string[];
}

function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, "0")).join(":");
}

function describeChange(change: RunChange): string {
  const name = change.type === "collection" ? `${change.key}/` : change.key;
  const details = [
    ...(change.locales.length > 0 && change.action !== "create" && change.action !== "recreate" ? [change.locales.join(", ")] : []),
    ...(change.previousKey === undefined ? [] : [`was ${change.previousKey}`]),
  ];
  return `${ACTION_SYMBOLS[change.action]} ${name}${details.length > 0 ? ` (${details.join("; ")})` : ""}`;
}

/** `~ writing/links (fr), + writing/new +2 more`, or the changed files when the plan had nothing. */
function describeWhat(summary: WatchRunSummary): string {
  if (summary.changes.length > 0) {
    const shown = summary.changes.slice(0, MAX_ITEMS_ON_LINE).map(describeChange).join(", ");
    const more = summary.changes.length - MAX_ITEMS_ON_LINE;
    return more > 0 ? `${shown} +${more} more` : shown;
  }
  if (summary.trigger === "start") return "first push";
  if (summary.changedFiles.length === 0) return summary.trigger === "refresh" ? "refreshed from Intercom" : "config";
  const [first] = summary.changedFiles;
  return summary.changedFiles.length === 1 ? (first ?? "") : `${summary.changedFiles.length} files`;
}

function describeOutcome(summary: WatchRunSummary): string {
  const counted = COUNTED.filter((kind) => summary.counts[kind] > 0).map((kind) => `${summary.counts[kind]} ${kind}`);
  switch (summary.status) {
    case "invalid": {
      const errors = summary.diagnostics.filter((d) => d.severity === "error").length;
      return `${errors} error${errors === 1 ? "" : "s"}, nothing pushed`;
    }
    case "up-to-date":
      return "nothing to push";
    case "interrupted":
      return [...counted, "interrupted"].join(", ");
    case "conflict":
      return [...counted, "skipped: edited in Intercom too (pull, or push --force)"].join(", ");
    case "failed":
      return counted.length > 0 ? counted.join(", ") : "failed";
    default:
      return counted.join(", ");
  }
}

function formatDiagnosticLine(diagnostic: Diagnostic): string {
  return `  ${formatLocation(diagnostic.location)}  ${diagnostic.message}${diagnostic.hint === undefined ? "" : ` (${diagnostic.hint})`}`;
}

/**
 * A run as the terminal shows it: `12:03:04  ~ writing/links (fr)  1 updated  180 ms`, then
 * `file:line:col  message` lines for its errors and for warnings about the files that changed.
 * Pure: the time of day comes from the summary.
 */
export function formatRun(summary: WatchRunSummary, options: { color: boolean }): RunLines {
  const c = pc.createColors(options.color);
  const bad = summary.status === "invalid" || summary.status === "failed" || summary.status === "conflict";
  const tags = [
    summary.config === "reloaded" ? "config reloaded" : null,
    summary.remoteRefreshed && summary.trigger !== "start" ? "refreshed from Intercom" : null,
  ].filter((tag): tag is string => tag !== null);
  const outcome = describeOutcome(summary);
  const parts = [
    c.dim(clockTime(summary.startedAt)),
    describeWhat(summary),
    ...tags.map((tag) => c.cyan(tag)),
    bad ? c.red(outcome) : summary.status === "up-to-date" ? c.dim(outcome) : c.green(outcome),
    c.dim(`${Math.round(summary.durationMs)} ms`),
  ];
  const errors = summary.diagnostics.filter((d) => d.severity === "error").map(formatDiagnosticLine);
  if (summary.error !== undefined) {
    const where = summary.error.location === undefined ? "" : `${formatLocation(summary.error.location)}  `;
    errors.push(`  ${where}${summary.error.message}${summary.error.hint === undefined ? "" : ` (${summary.error.hint})`}`);
  }
  errors.push(...summary.failures.map((failure) => `  ${failure}`));
  const warnings = summary.diagnostics.filter((d) => d.severity === "warning").map(formatDiagnosticLine);
  return { line: parts.join("  "), errors: errors.map((text) => c.red(text)), warnings: warnings.map((text) => c.yellow(text)) };
}
