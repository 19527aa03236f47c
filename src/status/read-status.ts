import { loadDesiredState } from "../load/disk-source.js";
import type { ResolvedConfig } from "../config/types.js";
import { SyncError, type Diagnostic } from "../errors/sync-error.js";
import { isLocaleCode, suggestLocale } from "../locales.js";
import { computeStatus } from "./compute-status.js";
import type { StatusReport } from "./types.js";

export interface ReadStatusResult {
  report: StatusReport;
  /** Errors in the tree: files with errors are left out of the counts. */
  errors: Diagnostic[];
}

function checkLocale(locale: string, sourceLocale: string): void {
  if (locale === sourceLocale) {
    throw new SyncError("status/source-locale", { locale });
  }
  if (!isLocaleCode(locale)) {
    const suggestion = suggestLocale(locale);
    throw new SyncError("status/unknown-locale", { locale, suggestion });
  }
}

/**
 * Reads the tree (no network) and computes the translation status, for every locale or one.
 * A valid locale with no folder reports everything missing.
 */
export async function readStatus(config: ResolvedConfig, locale?: string): Promise<ReadStatusResult> {
  if (locale !== undefined) checkLocale(locale, config.sourceLocale);
  // Only the asked locale's folder is read, whether or not the config syncs it.
  const loaded = await loadDesiredState(locale === undefined ? config : { ...config, locales: [locale] });
  const report = computeStatus(loaded.state, locale === undefined ? undefined : [locale]);
  return { report, errors: loaded.diagnostics.filter((diagnostic) => diagnostic.severity === "error") };
}
