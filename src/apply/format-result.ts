import { plural } from "../errors/plural.js";
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

/** HTTP requests of a push as the composer counted them (see RequestCounts in src/sync.ts). */
export interface RequestSummary {
  total: number;
  retries: number;
}

/**
 * `Requests: 320 (12 retries, 2 to find 3 creates whose response was lost).` Null when there is
 * nothing to say: no count, and no lost create.
 */
export function formatRequestLine(result: ApplyResult, requests: RequestSummary | undefined): string | null {
  const { recovery } = result;
  const lost =
    recovery.lost === 0
      ? ""
      : `${recovery.requests} to find ${plural(recovery.lost, "create")} whose response was lost (${recovery.found} found, ${recovery.resent} sent again)`;
  if (requests === undefined) return lost === "" ? null : `Recovery: ${lost}.`;
  const details = [`${requests.retries} retries`, ...(lost === "" ? [] : [lost])].join(", ");
  return `Requests: ${requests.total} (${details}).`;
}

/** Articles whose URLs are listed after a push; more are counted (all of them with `listAll`, and in `--json`). */
export const MAX_LISTED_URLS = 20;

/** `+ article guides/install (en) https://...`: where each article created or updated can be seen. */
export function formatWrittenUrls(result: ApplyResult, options: { color: boolean; listAll?: boolean }): string[] {
  const colors = pc.createColors(options.color);
  const written = result.outcomes.filter((o) => o.urls !== undefined && (o.outcome === "created" || o.outcome === "updated" || o.outcome === "moved" || o.outcome === "adopted"));
  if (written.length === 0) return [];
  const listed = options.listAll === true ? written : written.slice(0, MAX_LISTED_URLS);
  const lines = [colors.bold("In Intercom:")];
  for (const o of listed) {
    const symbol = o.outcome === "created" ? colors.green("+") : colors.yellow("~");
    for (const [locale, url] of Object.entries(o.urls ?? {})) lines.push(`  ${symbol} ${describe(o)} (${locale}) ${colors.cyan(url)}`);
  }
  const more = written.length - listed.length;
  if (more > 0) lines.push(colors.dim(`  … and ${plural(more, "more article")} (\`--verbose\` or \`--json\` lists them all; \`intercom-sync open KEY\` opens one)`));
  return lines;
}

/** What a push did, for a terminal: failures and skips with their reasons, then the counts. Pure. */
export function formatApplyResult(result: ApplyResult, options: { color: boolean; requests?: RequestSummary; listAllUrls?: boolean }): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [...formatWrittenUrls(result, { color: options.color, listAll: options.listAllUrls ?? false })];
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
  if (result.halted === true) {
    const unfinished = skipped.filter((o) => o.reason === "interrupted").length;
    lines.push(colors.yellow(`Stopped at once: ${plural(unfinished, "item")} ${unfinished === 1 ? "was" : "were"} not finished; push again to finish.`));
  } else if (result.interrupted) {
    const notStarted = skipped.filter((o) => o.reason === "interrupted").length;
    lines.push(colors.yellow(`Interrupted: ${plural(notStarted, "item")} ${notStarted === 1 ? "was" : "were"} not started; push again to finish.`));
  }
  if (result.lockError !== undefined) {
    lines.push(colors.red(`The lock file could not be saved: ${result.lockError}`));
  }
  const requestLine = formatRequestLine(result, options.requests);
  if (requestLine !== null) lines.push(colors.dim(requestLine));
  lines.push((result.ok ? colors.green : colors.red)(formatApplyCounts(result)));
  return lines.join("\n");
}
