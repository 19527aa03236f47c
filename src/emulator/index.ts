/**
 * A local server that behaves like Intercom's Help Center API 2.16: the same routes, shapes,
 * errors, HTML rewriting and rate-limit headers, plus fault injection. It backs the tests, the
 * benchmark and the demo, and `intercom-sync emulator` serves it from the CLI.
 * Test-only `/_emulator/*` routes are described in control-routes.ts.
 */
export { startEmulator } from "./start-emulator.js";
export type { Emulator, EmulatorStateAccess } from "./start-emulator.js";
export type {
  ArticleEdit,
  CollectionEdit,
  EmulatorOptions,
  EmulatorSeed,
  EmulatorSnapshot,
  FaultSettings,
  RateLimitSettings,
  RequestLogEntry,
  ResponseCheck,
  ResponseValidator,
  StoredAdmin,
  StoredArticle,
  StoredArticleLocale,
  StoredCollection,
  StoredCollectionLocale,
  StoredHelpCenter,
} from "./types.js";
export { SNAPSHOT_VERSION } from "./types.js";
export { DEFAULT_FAULTS, DEFAULT_RATE_LIMIT, createSeededRandom } from "./faults.js";
export { DEFAULT_PER_PAGE, DEFAULT_SEARCH_PER_PAGE, MAX_PER_PAGE } from "./paginate.js";
export { DEFAULT_ADMINS, DEFAULT_HELP_CENTER_LOCALES } from "./seed.js";
export { MAX_COLLECTION_DEPTH } from "./write-rules.js";
export { CONTROL_PREFIX } from "./control-routes.js";
export { SUPPORTED_API_VERSION } from "./server.js";
export { SUPPORTED_API_VERSIONS, type ApiVersion } from "./api-versions.js";
