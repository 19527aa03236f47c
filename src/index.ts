export { defineConfig } from "./config/define-config.js";
export type { UserConfig, ResolvedConfig } from "./config/types.js";
export { SyncError } from "./errors.js";
export type { Diagnostic, SourceLocation, Severity } from "./errors.js";
export { LOCALES } from "./locales.js";
export type * from "./types.js";
