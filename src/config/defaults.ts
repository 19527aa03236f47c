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
  helpCenterId: null,
  authorId: null,
  defaultState: "draft",
  assetBaseUrl: null,
  onDelete: "unpublish",
  concurrency: DEFAULT_CONCURRENCY,
  rateLimitShare: 1,
  region: "us",
  apiUrl: null,
  apiVersion: "2.16",
  outdatedTranslations: "push",
} as const satisfies Omit<ResolvedConfig, "rootDir" | "configFile">;
