/** The workspace's audiences and tags by name: files name them, Intercom compares names without case. */
import { formatSuggestion } from "../model/suggest-name.js";
import type { RemoteTag } from "../types.js";

/** Audiences or tags keyed by their lower-cased name. */
export function byName(list: readonly RemoteTag[]): Map<string, RemoteTag> {
  return new Map(list.map((item) => [item.name.toLowerCase(), item]));
}

/** Audience names resolved against the workspace's audiences. */
export interface ResolvedAudiences {
  /** The ids found, ascending. */
  ids: number[];
  /** Each name with no audience, and a "Did you mean" for a near one. */
  unknown: { name: string; suggestion: string | undefined }[];
}

/** Resolves names to audience ids, as articles and internal articles both name them. Pure. */
export function resolveAudienceNames(names: readonly string[], known: readonly RemoteTag[]): ResolvedAudiences {
  const audiences = byName(known);
  const ids: number[] = [];
  const unknown: ResolvedAudiences["unknown"] = [];
  for (const name of names) {
    const found = audiences.get(name.toLowerCase());
    if (found === undefined) {
      unknown.push({ name, suggestion: formatSuggestion(name, known.map((audience) => audience.name)) });
    } else ids.push(Number(found.id));
  }
  return { ids: ids.sort((a, b) => a - b), unknown };
}
