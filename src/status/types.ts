/** Translation progress per locale, as `intercom-sync status` reports it. Plain JSON. */

export interface LocaleStatus {
  locale: string;
  /** Source articles: what each locale could translate. */
  total: number;
  /** Source articles with a translation file in this locale. */
  translated: number;
  /** Source articles without one. */
  missing: number;
  /** Translations whose `source_hash` differs from the source's current hash. */
  outdated: number;
  /** Translations without `source_hash`: nobody said which source version they follow. */
  unstamped: number;
  /** Translations stamped with the source's current hash. */
  upToDate: number;
  /** translated / total, in percent, one decimal (100 when there is nothing to translate). */
  translatedPercent: number;
  /**
   * upToDate / total, in percent, one decimal: the `Done` column. Outdated and unstamped
   * translations are not done: nobody has said they follow the current source.
   */
  donePercent: number;
  /** Project-relative files, sorted. */
  outdatedFiles: string[];
  unstampedFiles: string[];
  /** Keys of the source articles with no translation here, sorted. */
  missingKeys: string[];
}

/** The counts of every locale added up (the file lists are per locale only). */
export type StatusTotals = Pick<LocaleStatus, "total" | "translated" | "missing" | "outdated" | "unstamped" | "upToDate" | "translatedPercent" | "donePercent">;

export interface StatusReport {
  sourceLocale: string;
  /** Source articles. */
  articles: number;
  locales: LocaleStatus[];
  /** Sums over the reported locales. */
  totals: StatusTotals;
}
