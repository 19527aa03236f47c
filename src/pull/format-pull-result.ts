import { plural } from "../errors/plural.js";
import pc from "picocolors";
import { formatLocation } from "../errors/sync-error.js";
import type { PullFile, PullResult } from "./types.js";

/** New files listed one by one up to this many (a first pull writes the whole tree). */
export const MAX_LISTED_CREATED = 20;

export interface FormatPullOptions {
  color: boolean;
  /** List every file, unchanged ones included. */
  verbose?: boolean;
}

const MARKS: Record<PullFile["outcome"], string> = { created: "+", updated: "~", unchanged: "=", skipped: "!" };

/**
 * The human summary of a pull: files written (new ones only up to a limit), files skipped with
 * the reason, notices (items deleted or moved in Intercom), then the counts.
 */
export function formatPullResult(result: PullResult, options: FormatPullOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const created = result.files.filter((f) => f.outcome === "created");
  const listCreated = options.verbose === true || created.length <= MAX_LISTED_CREATED;
  for (const file of result.files) {
    const show = file.outcome === "updated" || file.outcome === "skipped" || (file.outcome === "created" && listCreated) || options.verbose === true;
    if (!show) continue;
    const colour = file.outcome === "skipped" ? c.yellow : file.outcome === "unchanged" ? c.dim : c.green;
    lines.push(colour(`${MARKS[file.outcome]} ${file.file}`) + c.dim(`  ${file.reason}`));
  }
  if (!listCreated) lines.push(c.green(`+ ${plural(created.length, "new file")}`));
  for (const notice of result.notices) {
    lines.push(c.yellow(`⚠ ${formatLocation(notice.location)}: ${notice.message}`));
    if (notice.hint !== undefined) lines.push(`  ${c.cyan(notice.hint)}`);
  }
  const { summary } = result;
  if (summary.skipped > 0) {
    lines.push(c.yellow(`${plural(summary.skipped, "file")} kept because ${summary.skipped === 1 ? "it has" : "they have"} local changes; \`pull --force\` takes Intercom's version instead.`));
  }
  lines.push(
    c.bold(`Pulled help center ${result.helpCenterId}: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.skipped} skipped.`),
  );
  return lines.join("\n");
}
