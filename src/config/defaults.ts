import type { ResolvedConfig } from "./types.js";

/** Lowest and highest `concurrency` accepted: at least one request, at most what Intercom tolerates. */
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 64;

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
  concurrency: 8,
  region: "us",
  apiUrl: null,
  apiVersion: "2.16",
  outdatedTranslations: "push",
  publishMode: "live",
} as const satisfies Omit<ResolvedConfig, "rootDir" | "configFile">;
