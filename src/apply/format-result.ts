import pc from "picocolors";
import type { ApplyResult, ItemOutcome } from "./types.js";

function describe(outcome: ItemOutcome): string {
  return `${outcome.type} ${outcome.key}`;
}

/** The counts line: `Applied: 3 created, 2 updated, ...; 1 skipped, 0 failed.` */
export function formatApplyCounts(result: ApplyResult): string {
  const c = result.counts;
  return (
    `Applied: ${c.created} created, ${c.updated} updated, ${c.moved} moved, ${c.adopted} adopted, ` +
    `${c.unpublished} unpublished, ${c.deleted} deleted; ${c.skipped} skipped, ${c.failed} failed.`
  );
}

/** What a push did, for a terminal: failures and skips with their reasons, then the counts. Pure. */
export function formatApplyResult(result: ApplyResult, options: { color: boolean }): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  const failed = result.outcomes.filter((o) => o.outcome === "failed");
  const skipped = result.outcomes.filter((o) => o.outcome === "skipped");
  if (failed.length > 0) {
    lines.push(colors.red("Failed:"));
    for (const o of failed) lines.push(`  ${colors.red("✗")} ${describe(o)}${o.reason === undefined ? "" : ` (${o.reason})`}: ${o.error ?? "unknown error"}`);
  }
  if (skipped.length > 0) {
    lines.push(colors.yellow("Skipped:"));
    for (const o of skipped) lines.push(`  ${colors.yellow("-")} ${describe(o)}: ${o.reason ?? ""}`);
  }
  if (result.interrupted) {
    const notStarted = skipped.filter((o) => o.reason === "interrupted").length;
    lines.push(colors.yellow(`Interrupted: ${notStarted} item(s) were not started; push again to finish.`));
  }
  if (result.lockError !== undefined) {
    lines.push(colors.red(`The lock file could not be saved: ${result.lockError}`));
  }
  lines.push((result.ok ? colors.green : colors.red)(formatApplyCounts(result)));
  return lines.join("\n");
}
