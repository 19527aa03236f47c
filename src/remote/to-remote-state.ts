import { SyncError } from "../errors/sync-error.js";
import type {
  WireArticle,
  WireArticleContent,
  WireCollection,
  WireGroupContent,
  WireHelpCenter,
} from "../intercom/wire.js";
import type {
  FinSettings,
  RemoteArticle,
  RemoteArticleLocale,
  RemoteCollection,
  RemoteCollectionLocale,
  RemoteHelpCenter,
  RemoteState,
} from "../types.js";

/**
 * The remote state of one help center from the three listings (pure twin of `fetchRemoteState`).
 * `helpCenterId` null picks the workspace's default help center.
 */
export function toRemoteState(
  helpCenters: readonly WireHelpCenter[],
  collections: readonly WireCollection[],
  articles: readonly WireArticle[],
  helpCenterId: string | null,
): RemoteState {
  const chosen = pickHelpCenter(helpCenters, helpCenterId);
  const defaultId = helpCenters.find((h) => h.default)?.id ?? (helpCenters.length === 1 ? chosen.id : null);
  const owners = resolveCollectionHelpCenters(collections, defaultId === null ? null : String(defaultId));
  const ours = collections.filter((c) => owners.get(String(c.id)) === String(chosen.id));
  const ourIds = new Set(ours.map((c) => String(c.id)));
  return {
    helpCenter: toHelpCenter(chosen),
    collections: ours.map((c) => toCollection(c, String(chosen.id))),
    articles: articles
      .filter((a) => {
        const parent = a.parent_ids?.[0];
        return parent === undefined || parent === null || ourIds.has(String(parent));
      })
      .map(toArticle),
  };
}

function pickHelpCenter(helpCenters: readonly WireHelpCenter[], helpCenterId: string | null): WireHelpCenter {
  const ids = helpCenters.map((h) => String(h.id));
  if (helpCenterId !== null) {
    const found = helpCenters.find((h) => String(h.id) === String(helpCenterId));
    if (found) return found;
    throw new SyncError("remote/unknown-help-center", { id: helpCenterId, choices: ids.length > 0 ? describeHelpCenters(helpCenters) : "" });
  }
  const fallback = helpCenters.find((h) => h.default) ?? (helpCenters.length === 1 ? helpCenters[0] : undefined);
  if (fallback) return fallback;
  throw new SyncError("remote/no-default-help-center", { count: helpCenters.length, choices: describeHelpCenters(helpCenters) });
}

function describeHelpCenters(helpCenters: readonly WireHelpCenter[]): string {
  return helpCenters.map((h) => `${h.id} (${h.display_name || h.identifier})`).join(", ");
}

/**
 * Collection id -> help center id. Child collections report `help_center_id: null`, so each walks
 * up to its root; a root with no help center (a workspace from before multiple help centers)
 * belongs to the default one. Broken or cyclic parent chains map to nothing, which excludes them.
 */
function resolveCollectionHelpCenters(
  collections: readonly WireCollection[],
  defaultHelpCenterId: string | null,
): Map<string, string | null> {
  const byId = new Map(collections.map((c) => [String(c.id), c]));
  const owners = new Map<string, string | null>();
  for (const collection of collections) {
    const seen = new Set<string>();
    let current: WireCollection | undefined = collection;
    while (current && current.parent_id !== null && current.parent_id !== undefined && !seen.has(String(current.id))) {
      seen.add(String(current.id));
      current = byId.get(String(current.parent_id));
    }
    const isRoot = current !== undefined && (current.parent_id === null || current.parent_id === undefined);
    const owner = !isRoot ? null : current?.help_center_id != null ? String(current.help_center_id) : defaultHelpCenterId;
    owners.set(String(collection.id), owner);
  }
  return owners;
}

function toHelpCenter(wire: WireHelpCenter): RemoteHelpCenter {
  return {
    id: String(wire.id),
    identifier: wire.identifier,
    displayName: wire.display_name,
    url: wire.url,
    ...(wire.custom_domain ? { customDomain: wire.custom_domain } : {}),
    isDefault: wire.default,
    locales: [...(wire.locales ?? [])],
  };
}

function toCollection(wire: WireCollection, helpCenterId: string): RemoteCollection {
  const locales: Record<string, RemoteCollectionLocale> = {};
  for (const [locale, content] of translatedEntries<WireGroupContent>(wire.translated_content)) {
    locales[locale] = { name: content.name ?? "", description: content.description ?? "" };
  }
  if (wire.translated_content === null || wire.translated_content === undefined) {
    locales[wire.default_locale] = { name: wire.name, description: wire.description ?? "" };
  }
  return {
    id: String(wire.id),
    parentId: wire.parent_id === null || wire.parent_id === undefined ? null : String(wire.parent_id),
    helpCenterId,
    defaultLocale: wire.default_locale,
    updatedAt: wire.updated_at,
    url: wire.url ?? null,
    locales,
  };
}

/** One locale of an article, from a `translated_content` entry or, without one, the article itself. */
function toArticleLocale(
  content: Pick<
    WireArticle,
    "title" | "description" | "body" | "state" | "author_id" | "updated_at" | "url" | "draft_updated_at" | "audience_ids" | "ai_chatbot_availability" | "ai_copilot_availability" | "ai_sales_agent_availability"
  >,
): RemoteArticleLocale {
  const draft = typeof content.draft_updated_at === "number" ? { draftUpdatedAt: content.draft_updated_at } : {};
  const fin: FinSettings = {};
  if (typeof content.ai_chatbot_availability === "boolean") fin.agent = content.ai_chatbot_availability;
  if (typeof content.ai_copilot_availability === "boolean") fin.copilot = content.ai_copilot_availability;
  if (typeof content.ai_sales_agent_availability === "boolean") fin.salesAgent = content.ai_sales_agent_availability;
  return {
    ...draft,
    ...(Object.keys(fin).length > 0 ? { fin } : {}),
    ...(Array.isArray(content.audience_ids) ? { audienceIds: [...content.audience_ids] } : {}),
    title: content.title ?? "",
    description: content.description ?? "",
    body: content.body ?? "",
    state: content.state,
    authorId: content.author_id,
    updatedAt: content.updated_at,
    url: content.url ?? "",
  };
}

function toArticle(wire: WireArticle): RemoteArticle {
  const locales: Record<string, RemoteArticleLocale> = {};
  for (const [locale, content] of translatedEntries<WireArticleContent>(wire.translated_content)) locales[locale] = toArticleLocale(content);
  if (wire.translated_content === null || wire.translated_content === undefined) locales[wire.default_locale] = toArticleLocale(wire);
  const parent = wire.parent_ids?.[0];
  const article: RemoteArticle = {
    id: String(wire.id),
    parentId: parent === undefined || parent === null ? null : String(parent),
    defaultLocale: wire.default_locale,
    updatedAt: wire.updated_at,
    locales,
  };
  if (typeof wire.scheduled_publish_at === "number") article.scheduledPublishAt = wire.scheduled_publish_at;
  if (typeof wire.scheduled_unpublish_at === "number") article.scheduledUnpublishAt = wire.scheduled_unpublish_at;
  const tags = wire.tags?.tags;
  if (Array.isArray(tags) && tags.length > 0) article.tags = tags.map((tag) => ({ id: String(tag.id), name: tag.name }));
  return article;
}

/** The locales of a `translated_content` that hold content: not the `type` key, not null. */
function translatedEntries<T>(translated: Record<string, unknown> | null | undefined): [string, T][] {
  if (!translated) return [];
  return Object.entries(translated).filter(
    (entry): entry is [string, T] => entry[0] !== "type" && entry[1] !== null && typeof entry[1] === "object",
  );
}

/** One wire item as the remote state holds it: the watcher folds write responses in with these. */
export { toArticle as toRemoteArticle, toCollection as toRemoteCollection };
