import type { DesiredState } from "../types.js";
import type { LocaleStatus, StatusReport, StatusTotals } from "./types.js";

/** part / total in percent with one decimal; an empty tree counts as fully translated. */
export function toPercent(part: number, total: number): number {
  return total === 0 ? 100 : Math.round((part / total) * 1000) / 10;
}

function computeLocale(desired: DesiredState, locale: string): LocaleStatus {
  const status: LocaleStatus = {
    locale,
    total: desired.articles.length,
    translated: 0,
    missing: 0,
    outdated: 0,
    unstamped: 0,
    upToDate: 0,
    translatedPercent: 0,
    donePercent: 0,
    outdatedFiles: [],
    unstampedFiles: [],
    missingKeys: [],
  };
  for (const article of desired.articles) {
    const translation = article.locales[locale];
    if (translation === undefined) {
      status.missingKeys.push(article.key);
      continue;
    }
    status.translated += 1;
    // Compared with the hash of the source's text as it is now: no git history needed.
    if (translation.sourceHash === undefined) status.unstampedFiles.push(translation.file);
    else if (translation.sourceHash !== article.sourceTextHash) status.outdatedFiles.push(translation.file);
    else status.upToDate += 1;
  }
  status.missing = status.missingKeys.length;
  status.outdated = status.outdatedFiles.length;
  status.unstamped = status.unstampedFiles.length;
  status.translatedPercent = toPercent(status.translated, status.total);
  status.donePercent = toPercent(status.upToDate, status.total);
  status.outdatedFiles.sort();
  status.unstampedFiles.sort();
  status.missingKeys.sort();
  return status;
}

function sumTotals(locales: readonly LocaleStatus[]): StatusTotals {
  const totals: StatusTotals = { total: 0, translated: 0, missing: 0, outdated: 0, unstamped: 0, upToDate: 0, translatedPercent: 0, donePercent: 0 };
  for (const locale of locales) {
    totals.total += locale.total;
    totals.translated += locale.translated;
    totals.missing += locale.missing;
    totals.outdated += locale.outdated;
    totals.unstamped += locale.unstamped;
    totals.upToDate += locale.upToDate;
  }
  totals.translatedPercent = toPercent(totals.translated, totals.total);
  totals.donePercent = toPercent(totals.upToDate, totals.total);
  return totals;
}

/**
 * Translation progress of every translation locale of a desired state (or only `locales`):
 * translated, missing, outdated (the source changed after the translation's `source_hash`) and
 * unstamped. Articles only: collections have no `source_hash`. Pure.
 */
export function computeStatus(desired: DesiredState, locales?: readonly string[]): StatusReport {
  const chosen = locales ?? desired.locales.filter((locale) => locale !== desired.sourceLocale);
  const reports = chosen.map((locale) => computeLocale(desired, locale));
  return { sourceLocale: desired.sourceLocale, articles: desired.articles.length, locales: reports, totals: sumTotals(reports) };
}
