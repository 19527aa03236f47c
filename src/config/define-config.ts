import type { UserConfig } from "./types.js";

/** Types a config file's default export. It returns its argument unchanged. */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}
