import { formatSuggestion } from "../model/suggest-name.js";
import type { RemoteTag } from "../types.js";

/** Audience names resolved against the workspace's audiences (compared without case). */
export interface ResolvedAudiences {
  /** The ids found, ascending. */
  ids: number[];
  /** Each name with no audience, and a "Did you mean" for a near one. */
  unknown: { name: string; suggestion: string | undefined }[];
}

/** Resolves names to audience ids, as articles and internal articles both name them. Pure. */
export function resolveAudienceNames(names: readonly string[], known: readonly RemoteTag[]): ResolvedAudiences {
  const byName = new Map(known.map((audience) => [audience.name.toLowerCase(), audience]));
  const ids: number[] = [];
  const unknown: ResolvedAudiences["unknown"] = [];
  for (const name of names) {
    const found = byName.get(name.toLowerCase());
    if (found === undefined) {
      unknown.push({ name, suggestion: formatSuggestion(name, known.map((audience) => audience.name)) });
    } else ids.push(Number(found.id));
  }
  return { ids: ids.sort((a, b) => a - b), unknown };
}
