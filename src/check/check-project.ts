import type { ResolvedConfig } from "../config/types.js";
import type { Diagnostic } from "../errors/sync-error.js";
import type { DesiredState } from "../types.js";
import { loadDesiredState } from "../load/disk-source.js";
import { readInternalArticles } from "../load/read-internal-articles.js";
import { sortDiagnostics } from "../diagnostics/sort-diagnostics.js";
import path from "node:path";
import { LOCK_FILE_NAME } from "../lock/lock-schema.js";
import { readLock } from "../lock/read-write-lock.js";
import { checkScheduleTimes } from "../plan/check-schedule-times.js";
import type { LockFile } from "../types.js";

export interface CheckOptions {
  /** Warnings count as errors (`check --strict`). */
  strict?: boolean;
  /** Epoch milliseconds, for schedules that must be in the future. Default `Date.now`. */
  clock?: () => number;
}

export interface CheckCounts {
  /** Markdown files read, all locales. */
  files: number;
  collections: number;
  articles: number;
  /** Article translations (one per article and non-source locale). */
  translations: number;
  /** Managed locales, the source locale included. */
  locales: number;
}

export interface CheckReport {
  /** True when no diagnostic is an error. */
  ok: boolean;
  /** Sorted by file, line, column. With `strict`, every warning is reported as an error. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  counts: CheckCounts;
  /** The help center the files describe; only when there were no errors. */
  state?: DesiredState;
}

function countTranslations(state: DesiredState): number {
  let count = 0;
  for (const article of state.articles) count += Object.keys(article.locales).length - 1;
  return count;
}

/**
 * Validates the whole content tree without any network: front matter, locales, keys, depth, and
 * what the renderer finds in the bodies (links, images, HTML).
 */
export async function checkProject(config: ResolvedConfig, options: CheckOptions = {}): Promise<CheckReport> {
  const loaded = await loadDesiredState(config);
  // Internal articles are checked offline too; an unknown audience needs the workspace's list (plan, push).
  const internal = await readInternalArticles(config, loaded.state);
  const found = sortDiagnostics([...loaded.diagnostics, ...internal.diagnostics, ...(await checkSchedules(config, loaded.state, options.clock ?? Date.now))]);
  const diagnostics = options.strict ? found.map((diagnostic) => ({ ...diagnostic, severity: "error" as const })) : found;
  const errorCount = diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
  const report: CheckReport = {
    ok: errorCount === 0,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
    counts: {
      files: loaded.fileCount,
      collections: loaded.state.collections.length,
      articles: loaded.state.articles.length,
      translations: countTranslations(loaded.state),
      locales: loaded.state.locales.length,
    },
  };
  if (report.ok) report.state = loaded.state;
  return report;
}

/**
 * Schedules must be in the future, unless the lock says they were pushed (then the key is only
 * stale). The lock is a local file: this stays offline. Read only when some file has a schedule.
 */
async function checkSchedules(config: ResolvedConfig, state: DesiredState, clock: () => number): Promise<Diagnostic[]> {
  if (!state.articles.some((article) => article.locales[state.sourceLocale]?.schedule !== undefined)) return [];
  // An unreadable lock is reported by the commands that use it; here it only means "not pushed".
  const lock: LockFile | null = await readLock(path.join(config.rootDir, LOCK_FILE_NAME), LOCK_FILE_NAME).catch(() => null);
  return checkScheduleTimes(state, lock, Math.floor(clock() / 1000));
}
