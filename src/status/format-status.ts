import pc from "picocolors";
import type { LocaleStatus, StatusReport } from "./types.js";
import { plural } from "../errors/plural.js";

/** Files listed per locale and category before "... and N more" (all of them with `verbose`). */
export const MAX_LISTED_FILES = 10;

export interface FormatStatusOptions {
  color: boolean;
  /** List every outdated, unstamped and missing item instead of the first few outdated ones. */
  verbose?: boolean;
}

const HEADERS = ["Locale", "Translated", "Missing", "Outdated", "Unstamped", "Up to date", "Done"] as const;

function formatPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}

function row(status: Pick<LocaleStatus, "translated" | "total" | "missing" | "outdated" | "unstamped" | "upToDate" | "donePercent">, label: string): string[] {
  return [
    label,
    `${status.translated}/${status.total}`,
    String(status.missing),
    String(status.outdated),
    String(status.unstamped),
    String(status.upToDate),
    formatPercent(status.donePercent),
  ];
}

function formatTable(rows: string[][]): string[] {
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? "").length)));
  // The first column reads left to right; numbers line up on the right.
  return rows.map((cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ").trimEnd());
}

function listItems(title: string, items: readonly string[], limit: number): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, limit).map((item) => `    ${item}`);
  const rest = items.length - shown.length;
  return [`  ${title}:`, ...shown, ...(rest > 0 ? [`    … and ${rest} more (--verbose or --json lists them all)`] : [])];
}

/**
 * The status as a table, one row per locale and a total (`Done` counts up-to-date translations
 * only: an outdated or unstamped one still needs a translator), then the outdated translations of each
 * locale (the ones that need work), and with `verbose` the unstamped and missing ones too.
 */
export function formatStatus(report: StatusReport, options: FormatStatusOptions): string {
  const colors = pc.createColors(options.color);
  const lines = [colors.dim(`${plural(report.articles, "source article")} in ${report.sourceLocale}.`)];
  if (report.locales.length === 0) {
    lines.push("No translation locales: add a folder per locale under the locales dir (locales/fr, ...).");
    return lines.join("\n");
  }
  const rows = [[...HEADERS], ...report.locales.map((status) => row(status, status.locale))];
  if (report.locales.length > 1) rows.push(row(report.totals, "Total"));
  const table = formatTable(rows);
  lines.push(colors.bold(table[0] ?? ""), ...table.slice(1));
  const limit = options.verbose ? Number.POSITIVE_INFINITY : MAX_LISTED_FILES;
  for (const status of report.locales) {
    const details = [
      ...listItems("outdated (the source changed since source_hash)", status.outdatedFiles, limit),
      ...(options.verbose ? listItems("unstamped", status.unstampedFiles, limit) : []),
      ...(options.verbose ? listItems("missing", status.missingKeys, limit) : []),
    ];
    if (details.length > 0) lines.push("", colors.bold(status.locale), ...details);
  }
  if (report.totals.unstamped > 0 && !options.verbose) {
    lines.push("", colors.dim("Unstamped translations cannot be told outdated: run `intercom-sync stamp <files>` once they are up to date."));
  }
  return lines.join("\n");
}
