import type { WireArticle, WireCollection } from "../intercom/wire.js";
import { toRemoteArticle, toRemoteCollection } from "../remote/to-remote-state.js";
import type { RemoteState } from "../types.js";

/** One answered write, as the watcher learns it from the API. */
export type RemoteWrite =
  | { kind: "article"; response: WireArticle }
  | { kind: "collection"; response: WireCollection }
  | { kind: "article-deleted"; id: string }
  | { kind: "collection-deleted"; id: string };

function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((existing) => existing.id === item.id);
  if (index === -1) return [...items, item];
  const copy = [...items];
  copy[index] = item;
  return copy;
}

/**
 * The remote state after this session's own writes, without listing Intercom again: each write's
 * response replaces the item it describes (ids, URLs and per-locale `updated_at` as Intercom
 * answered them, which is also what the lock records), deletes remove theirs. Writes are applied
 * in the order their answers arrived. Pure.
 */
export function foldRemoteWrites(remote: RemoteState, writes: readonly RemoteWrite[]): RemoteState {
  let { collections, articles } = remote;
  for (const write of writes) {
    switch (write.kind) {
      case "article":
        articles = upsert(articles, toRemoteArticle(write.response));
        break;
      case "collection":
        collections = upsert(collections, toRemoteCollection(write.response, remote.helpCenter.id));
        break;
      case "article-deleted":
        articles = articles.filter((article) => article.id !== write.id);
        break;
      case "collection-deleted":
        collections = collections.filter((collection) => collection.id !== write.id);
        break;
    }
  }
  return { helpCenter: remote.helpCenter, collections, articles };
}
