import { loadConfig } from "../config/load-config.js";
import type { ResolvedConfig } from "../config/types.js";
import { isSyncError, type Diagnostic } from "../errors.js";
import type { IntercomApi } from "../remote/api.js";
import { resolveDefaultAuthor } from "../sync.js";
import type { SessionState } from "./sync-step.js";
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
 * old one (with a new API client and default author, and the remote marked for a new listing,
 * since the help center or the API may have changed); one that fails to load leaves the session
 * on the previous config and says why.
 */
export async function reloadChangedConfig(
  state: SessionState,
  env: NodeJS.ProcessEnv | undefined,
  connect: (config: ResolvedConfig) => IntercomApi,
): Promise<ConfigReload> {
  try {
    const next = await loadConfig({ cwd: state.config.rootDir, configFile: state.config.configFile ?? undefined, env });
    if (JSON.stringify(next) === JSON.stringify(state.config)) return { status: "unchanged" };
    const api = connect(next);
    const defaultAuthorId = await resolveDefaultAuthor(next, api);
    Object.assign(state, { config: next, api, defaultAuthorId, staleRemote: true });
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
