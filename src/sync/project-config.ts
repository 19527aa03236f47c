/**
 * Where a project's config and lock are, for the commands that read the files only (`check`,
 * `status`, `stamp`): nothing here loads the HTTP client, which is a tenth of such a command's
 * start-up.
 */
import path from "node:path";
import { loadConfig } from "../config/load-config.js";
import type { ResolvedConfig } from "../config/types.js";
import { LOCK_FILE_NAME } from "../lock/lock-schema.js";

export interface ProjectOptions {
  /** Folder to find the config in. Default: the process's working directory. */
  cwd?: string;
  /** `--config FILE`, relative to `cwd`. */
  configFile?: string;
  /** A config already loaded (the watcher reuses it between runs). */
  config?: ResolvedConfig;
  /** Where the token, `INTERCOM_API_URL` and the cache location come from. Default: `process.env`. */
  env?: NodeJS.ProcessEnv;
  /**
   * The render cache: on by default (`INTERCOM_SYNC_CACHE_DIR`, else the user's cache folder),
   * `false` to read every file afresh, or the folder to keep it in.
   */
  cache?: boolean | string;
}

/** Loads the config unless one was passed in. */
export async function resolveProjectConfig(options: ProjectOptions): Promise<ResolvedConfig> {
  if (options.config) return options.config;
  return loadConfig({ cwd: options.cwd ?? process.cwd(), configFile: options.configFile, env: options.env });
}

/** The lock file's path for a project. */
export function lockFilePath(config: ResolvedConfig, override?: string): string {
  return override ?? path.join(config.rootDir, LOCK_FILE_NAME);
}
