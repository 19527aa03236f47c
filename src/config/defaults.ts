import type { ResolvedConfig } from "./types.js";

/** Lowest and highest `concurrency` accepted: at least one request, at most what Intercom tolerates. */
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 256;
/**
 * Default upper bound on requests in flight. The client keeps rate x latency in flight below it
 * (see remote/rate-limit-pacer.ts); 100 covers Intercom's default 10,000 a minute (~167 a second)
 * at 500 ms a request (~83 in flight) with room to spare.
 */
export const DEFAULT_CONCURRENCY = 100;
/** Most `retries` accepted: beyond this a request would wait minutes on a service that is down. */
export const MAX_RETRIES = 10;

/**
 * Default `retries`: how often one request (a create included, after looking for it) is sent again
 * after a 5xx, a dropped connection or a timeout. An item fails only when every attempt fails: at
 * a 10% error rate that is 0.1^(1 + 6) = 1 in 10 million per request, and an item makes at most a
 * few requests, so a failed item stays far rarer than 1 in 10,000 (4 retries would give 1 in
 * 100,000 per request, too close once an item needs several). At 20% it is 1.3 in 100,000.
 * The waits grow as 0.5, 1, 2, 4, 8, 16 s at most (full jitter), so giving up takes ~30 s.
 */
export const DEFAULT_RETRIES = 6;

/** Config file names looked for in the project folder, in this order; the first found wins. */
export const CONFIG_FILE_NAMES = [
  "intercom-sync.config.ts",
  "intercom-sync.config.mts",
  "intercom-sync.config.mjs",
  "intercom-sync.config.js",
  "intercom-sync.config.json",
] as const;

/** Every field's default (PRODUCT.md), before paths are resolved against the project folder. */
export const CONFIG_DEFAULTS = {
  sourceLocale: "en",
  locales: null,
  contentDir: "content",
  localesDir: "locales",
  internalDir: "internal",
  helpCenterId: null,
  authorId: null,
  defaultState: "draft",
  assetBaseUrl: null,
  onDelete: "unpublish",
  concurrency: DEFAULT_CONCURRENCY,
  rateLimitShare: 1,
  retries: DEFAULT_RETRIES,
  region: "us",
  apiUrl: null,
  apiVersion: "2.16",
  outdatedTranslations: "push",
  publishMode: "live",
} as const satisfies Omit<ResolvedConfig, "rootDir" | "configFile" | "defaults">;
