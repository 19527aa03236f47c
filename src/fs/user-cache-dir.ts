import os from "node:os";
import path from "node:path";

/**
 * The user's cache folder for this tool: `$XDG_CACHE_HOME/intercom-sync`, else
 * `~/.cache/intercom-sync`. Caches only save work: whatever is kept here may be deleted at any time.
 */
export function userCacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : path.join(env.HOME ?? os.homedir(), ".cache");
  return path.join(base, "intercom-sync");
}
