import type { RemoteState, RemoteTag } from "../types.js";
import type { IntercomApi } from "./api.js";
import { toRemoteState } from "./to-remote-state.js";

export interface FetchRemoteStateOptions {
  /** The configured help center; null picks the workspace's default. */
  helpCenterId: string | null;
  /** Also list the workspace's audiences (some file names one). */
  audiences?: boolean;
  /** Also list the workspace's tags (some file names one). */
  tags?: boolean;
}

/**
 * Reads the remote once: help centers, collections and articles, listed in parallel, then narrowed
 * to one help center by `toRemoteState`; audiences and tags only when asked (a file names some).
 */
export async function fetchRemoteState(api: IntercomApi, options: FetchRemoteStateOptions): Promise<RemoteState> {
  const [helpCenters, collections, articles, audiences, tags] = await Promise.all([
    api.listHelpCenters(),
    api.listCollections(),
    api.listArticles(),
    options.audiences === true ? listAudienceNames(api) : undefined,
    options.tags === true ? listNamed(api.listTags?.bind(api)) : undefined,
  ]);
  const state = toRemoteState(helpCenters, collections, articles, options.helpCenterId);
  if (audiences !== undefined) state.audiences = audiences;
  if (tags !== undefined) state.tags = tags;
  return state;
}

/** The workspace's audiences by id and name: files name them, Intercom keeps ids. */
export function listAudienceNames(api: IntercomApi): Promise<RemoteTag[]> {
  return listNamed(api.listAudiences?.bind(api));
}

async function listNamed(list: (() => Promise<{ id: string; name: string }[]>) | undefined): Promise<RemoteTag[]> {
  return ((await list?.()) ?? []).map((item) => ({ id: String(item.id), name: item.name }));
}
