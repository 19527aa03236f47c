import path from "node:path";
import { SyncError } from "../errors/sync-error.js";
import { CONFIG_FILE_NAMES } from "./defaults.js";
import { importConfigModule } from "./import-config-module.js";
import type { ResolvedConfig } from "./types.js";
import { resolveConfig, validateConfig } from "./validate-config.js";
import { pathExists } from "../fs/path-exists.js";

export interface LoadConfigOptions {
  /** Folder to look for `intercom-sync.config.*` in; the project root when no config is found. */
  cwd: string;
  /** An explicit config file (`--config`), relative to `cwd`; it must exist. */
  configFile?: string;
  /**
   * Reserved for environment-dependent settings. The token and API URL are deliberately not read
   * here: the Intercom client resolves them, so they never pass through config objects or output.
   */
  env?: NodeJS.ProcessEnv;
}

/** The first `intercom-sync.config.{ts,mts,mjs,js,json}` in `folder`, or null. */
export async function findConfigFile(folder: string): Promise<string | null> {
  for (const name of CONFIG_FILE_NAMES) {
    const candidate = path.join(folder, name);
    if (await pathExists(candidate)) return candidate;
  }
  return null;
}

/**
 * Finds, loads and validates the project's config. With no config file in `cwd`, every field takes
 * its default and `cwd` is the project root. Throws `config/not-found` for a missing `--config`
 * file, `config/load-failed` when the file cannot be evaluated, and `config/invalid` (with every
 * problem in `diagnostics`) when its content is wrong.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const cwd = path.resolve(options.cwd);
  let file: string | null;
  if (options.configFile !== undefined) {
    file = path.resolve(cwd, options.configFile);
    if (!(await pathExists(file))) {
      throw new SyncError("config/not-found", { file: options.configFile, cwd });
    }
  } else {
    file = await findConfigFile(cwd);
  }
  if (file === null) return resolveConfig({}, cwd, null);

  const raw = await importConfigModule(file, options.env ?? process.env);
  const { config, diagnostics } = validateConfig(raw, file);
  if (config === undefined) {
    const count = diagnostics.length;
    throw new SyncError("config/invalid", { problem: "count", file: path.basename(file), count }, {
      location: { file: path.basename(file) },
      diagnostics,
    });
  }
  return config;
}
