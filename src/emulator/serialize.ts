/**
 * Stored state -> Intercom 2.16 wire shapes. Ids become strings (except `parent_ids` and
 * `help_center_id`, integers on the wire); `translated_content` carries every one of the 37 locale
 * keys, null where the locale has no content; top-level fields mirror the default locale.
 */
import type { WireAdmin, WireArticle, WireArticleContent, WireAudience, WireCollection, WireGroupContent, WireHelpCenter, WireTag } from "../intercom/wire.js";
import { LOCALES } from "../locales.js";
import { signImageUrls } from "./sign-image-urls.js";
import { slugify } from "./slug.js";
import type { EmulatorStore } from "./store.js";
import type { StoredAdmin, StoredArticle, StoredArticleLocale, StoredAudience, StoredCollection, StoredHelpCenter, StoredTag } from "./types.js";

const PUBLIC_HOST = "https://intercom.help";
const DEFAULT_TIMEZONE = "Europe/Dublin";

/** Statistics are read-only in the API; the emulator reports zeros. */
export type WireArticleResponse = WireArticle & {
  tags: { type: "tag.list"; tags: WireTag[] };
  statistics?: Record<string, number | string>;
};

/** A tag as an article or the tag endpoints show it. */
export function toWireTag(tag: StoredTag): WireTag {
  return { type: "tag", id: String(tag.id), name: tag.name };
}

export function toWireAudience(audience: StoredAudience): WireAudience & Record<string, unknown> {
  return { type: "audience", id: String(audience.id), name: audience.name, predicates: [], role_predicates: [], created_at: audience.createdAt, updated_at: audience.updatedAt };
}

/** The Fin settings of a stored locale on the wire (absent availability is true, as in Intercom). */
function finOf(content: StoredArticleLocale): Pick<WireArticleContent, "audience_ids" | "ai_chatbot_availability" | "ai_copilot_availability" | "ai_sales_agent_availability"> {
  return {
    audience_ids: [...(content.audienceIds ?? [])],
    ai_chatbot_availability: content.aiChatbot ?? true,
    ai_copilot_availability: content.aiCopilot ?? true,
    ai_sales_agent_availability: content.aiSalesAgent ?? true,
  };
}

/**
 * Fin availability at the top level of an article, for its default locale. The 2.16 `article`
 * schema has no root `audience_ids` (only `article_content` has), although its description
 * mentions one on single-language help centers; the schema is what is checked.
 */
function rootFinOf(content: StoredArticleLocale): Omit<ReturnType<typeof finOf>, "audience_ids"> {
  const { audience_ids: _audiences, ...availability } = finOf(content);
  return availability;
}

export function helpCenterUrl(center: StoredHelpCenter): string {
  return `${PUBLIC_HOST}/${center.identifier}`;
}

function itemUrl(center: StoredHelpCenter, locale: string, kind: "articles" | "collections", id: number, name: string): string {
  const slug = slugify(name);
  return `${helpCenterUrl(center)}/${locale}/${kind}/${id}${slug === "" ? "" : `-${slug}`}`;
}

export function toWireHelpCenter(center: StoredHelpCenter, workspaceId: string): WireHelpCenter {
  return {
    id: String(center.id),
    workspace_id: workspaceId,
    created_at: center.createdAt,
    updated_at: center.updatedAt,
    identifier: center.identifier,
    website_turned_on: true,
    display_name: center.displayName,
    url: helpCenterUrl(center),
    custom_domain: null,
    default: center.isDefault,
    locales: [...center.locales],
  };
}

/** An entry of `GET /admins` (2.16 `admin`). */
export function toWireAdmin(admin: StoredAdmin): WireAdmin & Record<string, unknown> {
  return {
    type: "admin",
    id: String(admin.id),
    name: admin.name,
    email: admin.email,
    job_title: "",
    away_mode_enabled: false,
    away_mode_reassign: false,
    has_inbox_seat: true,
    team_ids: [],
    avatar: null,
  };
}

/** `GET /me` (2.16 `admin_with_app`). */
export function toWireMe(admin: StoredAdmin, workspaceId: string, createdAt: number): WireAdmin & Record<string, unknown> {
  return {
    ...toWireAdmin(admin),
    avatar: { type: "avatar", image_url: null },
    email_verified: true,
    app: {
      type: "app",
      id_code: workspaceId,
      name: "Intercom emulator",
      created_at: createdAt,
      identity_verification: false,
      region: "US",
      timezone: DEFAULT_TIMEZONE,
    },
  };
}

function pickDefault<T>(locales: Record<string, T>, defaultLocale: string): [string, T | undefined] {
  if (locales[defaultLocale]) return [defaultLocale, locales[defaultLocale]];
  const first = Object.entries(locales)[0];
  return first ? [first[0], first[1]] : [defaultLocale, undefined];
}

export function toWireCollection(store: EmulatorStore, collection: StoredCollection): WireCollection {
  const center = store.findHelpCenter(collection.helpCenterId) ?? store.defaultHelpCenter();
  const translated: WireCollection["translated_content"] = { type: "group_translated_content" };
  for (const locale of LOCALES) {
    const content = collection.locales[locale];
    const wire: WireGroupContent | null = content
      ? { type: "group_content", name: content.name, description: content.description }
      : null;
    translated[locale] = wire;
  }
  const [locale, main] = pickDefault(collection.locales, collection.defaultLocale);
  return {
    id: String(collection.id),
    workspace_id: store.workspaceId,
    name: main?.name ?? "",
    description: main?.description ?? null,
    created_at: collection.createdAt,
    updated_at: collection.updatedAt,
    url: main ? itemUrl(center, locale, "collections", collection.id, main.name) : null,
    icon: collection.icon,
    order: collection.order,
    default_locale: collection.defaultLocale,
    translated_content: translated,
    parent_id: collection.parentId === null ? null : String(collection.parentId),
    // Intercom reports the help center on top-level collections only.
    help_center_id: collection.parentId === null ? collection.helpCenterId : null,
  };
}

/** An article; `withStatistics` for single-article responses (the list omits them, as Intercom). */
export function toWireArticle(store: EmulatorStore, article: StoredArticle, withStatistics: boolean): WireArticleResponse {
  const center = store.helpCenterOfArticle(article);
  const translated: WireArticle["translated_content"] = { type: "article_translated_content" };
  for (const code of LOCALES) {
    const content = article.locales[code];
    const wire: WireArticleContent | null = content
      ? {
          type: "article_content",
          title: content.title,
          description: content.description,
          body: signImageUrls(store, content.body),
          author_id: content.authorId,
          state: content.state,
          created_at: content.createdAt,
          updated_at: content.updatedAt,
          has_unpublished_changes: content.draft !== undefined,
          draft_updated_at: content.draft?.updatedAt ?? null,
          url: itemUrl(center, code, "articles", article.id, content.title),
          ...finOf(content),
        }
      : null;
    translated[code] = wire;
  }
  const [locale, main] = pickDefault(article.locales, article.defaultLocale);
  const result: WireArticleResponse = {
    type: "article",
    id: String(article.id),
    workspace_id: store.workspaceId,
    title: main?.title ?? "",
    description: main?.description ?? null,
    body: main === undefined ? null : signImageUrls(store, main.body),
    author_id: main?.authorId ?? store.me().id,
    state: main?.state ?? "draft",
    created_at: article.createdAt,
    updated_at: article.updatedAt,
    has_unpublished_changes: main?.draft !== undefined,
    draft_updated_at: main?.draft?.updatedAt ?? null,
    url: main ? itemUrl(center, locale, "articles", article.id, main.title) : null,
    parent_ids: article.parentId === null ? [] : [article.parentId],
    default_locale: article.defaultLocale,
    translated_content: translated,
    ...(main === undefined ? {} : rootFinOf(main)),
    scheduled_publish_at: article.scheduledPublishAt ?? null,
    scheduled_unpublish_at: article.scheduledUnpublishAt ?? null,
    tags: { type: "tag.list", tags: (article.tagIds ?? []).flatMap((id) => { const tag = store.findTag(id); return tag ? [toWireTag(tag)] : []; }) },
  };
  if (withStatistics) result.statistics = emptyStatistics();
  return result;
}

function emptyStatistics(): Record<string, number | string> {
  return {
    type: "article_statistics",
    views: 0,
    conversions: 0,
    reactions: 0,
    happy_reaction_percentage: 0,
    neutral_reaction_percentage: 0,
    sad_reaction_percentage: 0,
  };
}
