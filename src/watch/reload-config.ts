import { loadConfig } from "../config/load-config.js";
import type { ResolvedConfig } from "../config/types.js";
import { isSyncError, type Diagnostic } from "../errors/sync-error.js";
import type { RunErrorInfo } from "./types.js";

export type ConfigReload =
  | { status: "unchanged" }
  | { status: "reloaded" }
  | { status: "failed"; error: RunErrorInfo; diagnostics: Diagnostic[] };

/** What a thrown error says, for a run summary: a SyncError's code, message, hint and location. */
export function describeRunError(error: unknown): RunErrorInfo {
  if (!isSyncError(error)) return { code: "internal", message: error instanceof Error ? error.message : String(error) };
  const info: RunErrorInfo = { code: error.code, message: error.message };
  if (error.hint !== undefined) info.hint = error.hint;
  if (error.location !== undefined) info.location = error.location;
  return info;
}

/**
 * Loads the config again after its file changed. A config that loads and differs replaces the
 * project (a new API client and default author, and the remote marked for a new listing,
 * since the help center or the API may have changed); one that fails to load leaves the session
 * on the previous config and says why.
 */
export async function reloadChangedConfig<Project extends { config: ResolvedConfig; defaultAuthor(): Promise<number> }>(
  state: { project: Project; staleRemote: boolean },
  env: NodeJS.ProcessEnv | undefined,
  reopen: (config: ResolvedConfig) => Project,
): Promise<ConfigReload> {
  const current = state.project.config;
  try {
    const next = await loadConfig({ cwd: current.rootDir, configFile: current.configFile ?? undefined, env });
    if (JSON.stringify(next) === JSON.stringify(current)) return { status: "unchanged" };
    const project = reopen(next);
    // The new workspace's author is asked for now, so a token that cannot read /me fails the reload.
    await project.defaultAuthor();
    Object.assign(state, { project, staleRemote: true });
    return { status: "reloaded" };
  } catch (error) {
    const described = describeRunError(error);
    return {
      status: "failed",
      error: { ...described, message: `The config was not reloaded: ${described.message} The previous config stays in force.` },
      diagnostics: isSyncError(error) ? [...error.diagnostics] : [],
    };
  }
}
