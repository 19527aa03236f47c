import type { RemoteState } from "../types.js";
import type { IntercomApi } from "./api.js";
import { toRemoteState } from "./to-remote-state.js";

export interface FetchRemoteStateOptions {
  /** The configured help center; null picks the workspace's default. */
  helpCenterId: string | null;
}

/**
 * Reads the remote once: help centers, collections and articles, listed in parallel, then narrowed
 * to one help center by `toRemoteState`.
 */
export async function fetchRemoteState(api: IntercomApi, options: FetchRemoteStateOptions): Promise<RemoteState> {
  const [helpCenters, collections, articles] = await Promise.all([
    api.listHelpCenters(),
    api.listCollections(),
    api.listArticles(),
  ]);
  return toRemoteState(helpCenters, collections, articles, options.helpCenterId);
}
