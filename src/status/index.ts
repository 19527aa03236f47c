// `intercom-sync status`: translation progress per locale, without git history or network.
export { computeStatus, toPercent } from "./compute-status.js";
export { formatStatus, MAX_LISTED_FILES, type FormatStatusOptions } from "./format-status.js";
export { readStatus, type ReadStatusResult } from "./read-status.js";
export type { LocaleStatus, StatusReport, StatusTotals } from "./types.js";
