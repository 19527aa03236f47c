/**
 * The progress bar of `push` on a terminal: the phase, a bar, done/total and the time left,
 * estimated from the pace of the phase so far. Shown only on a TTY (see Output.progress), so CI
 * logs get none.
 */
import type { ApplyPhase, ApplyProgressEvent } from "../apply/types.js";

/** Width of the bar itself, in characters. */
export const BAR_WIDTH = 24;

export interface ProgressLine {
  phase: ApplyPhase;
  completed: number;
  total: number;
  /** Undefined until the pace is known (the first item of a phase). */
  leftMs?: number;
}

/** `3 s`, `1 min 20 s`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${seconds % 60} s`;
}

/** `articles      [██████████░░░░░░░░░░░░░░]  120/337  about 12 s left`. Pure. */
export function formatProgressLine(line: ProgressLine): string {
  const share = line.total === 0 ? 1 : Math.min(1, line.completed / line.total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}]`;
  const left =
    line.leftMs === undefined ? "" : line.completed >= line.total ? "  done" : line.leftMs < 1000 ? "  less than 1 s left" : `  about ${formatDuration(line.leftMs)} left`;
  return `${line.phase.padEnd(12)} ${bar}  ${line.completed}/${line.total}${left}`;
}

/**
 * Turns progress events into lines. The time left is the average time per item so far times the
 * items left. Collections, articles and removals share one count (writes of both kinds run side by
 * side), so they share one pace; link fix-ups are counted apart (bodies sent again) and keep theirs.
 */
export function createProgressTracker(now: () => number): (event: ApplyProgressEvent) => string {
  let group: "items" | "links" | undefined;
  let started = 0;
  let startedAt = 0;
  return (event) => {
    const time = now();
    const current = event.phase === "link fix-ups" ? "links" : "items";
    if (current !== group) {
      group = current;
      // The count starts where it was at the first event of the group.
      started = event.completed - 1;
      startedAt = time;
    }
    const done = event.completed - started;
    const elapsed = time - startedAt;
    const line: ProgressLine = { phase: event.phase, completed: event.completed, total: event.total };
    if (done > 1 && elapsed > 0) line.leftMs = (elapsed / (done - 1)) * (event.total - event.completed);
    return formatProgressLine(line);
  };
}
