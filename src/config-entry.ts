/**
 * What a config file gets when it imports "intercom-sync" through the config loader: the helpers a
 * config needs at run time, and nothing heavier, so loading a `.ts` config stays fast. Type-only
 * imports are erased and never reach here.
 */
export { defineConfig } from "./config/define-config.js";
export { LOCALES } from "./locales.js";
export type { UserConfig } from "./config/types.js";
