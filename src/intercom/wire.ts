/**
 * Intercom REST API 2.16 wire shapes for the Help Center endpoints this project uses.
 * Shared by the client (src/remote) and the emulator (src/emulator) so both speak one dialect.
 * Ids are strings in responses, but several request fields take integers: see the comments.
 */

export type WireState = "published" | "draft";

/** One locale of an article, as Intercom returns it inside `translated_content`. */
export interface WireArticleContent {
  type: "article_content" | null;
  title: string;
  description: string;
  body: string;
  author_id: number;
  state: WireState;
  created_at: number;
  updated_at: number;
  /** 2.16: this locale has changes staged as a draft on top of its live content. */
  has_unpublished_changes?: boolean;
  /** 2.16: when this locale's staged draft was last edited; null without one. */
  draft_updated_at?: number | null;
  url: string;
  /** 2.16 Fin settings of this locale. */
  audience_ids?: number[] | null;
  ai_chatbot_availability?: boolean;
  ai_copilot_availability?: boolean;
  ai_sales_agent_availability?: boolean;
}

/** `translated_content` of an article: a key per locale (null when the locale has no content). */
export type WireArticleTranslatedContent = {
  type: "article_translated_content" | null;
} & { [locale: string]: WireArticleContent | null | string };

export interface WireArticle {
  type: "article";
  id: string;
  workspace_id: string;
  title: string;
  description: string | null;
  body: string | null;
  author_id: number;
  state: WireState;
  created_at: number;
  updated_at: number;
  /** 2.16: the default locale has changes staged as a draft. */
  has_unpublished_changes?: boolean;
  draft_updated_at?: number | null;
  url: string | null;
  /** Integer ids of the parent collections; empty for an article with no collection. */
  parent_ids: number[];
  default_locale: string;
  translated_content: WireArticleTranslatedContent | null;
  /** 2.16: on single-language help centers, the article's audiences (multilingual: per locale). */
  audience_ids?: number[] | null;
  ai_chatbot_availability?: boolean;
  ai_copilot_availability?: boolean;
  ai_sales_agent_availability?: boolean;
  /** 2.16 pending schedule, epoch seconds; null when none. */
  scheduled_publish_at?: number | null;
  scheduled_unpublish_at?: number | null;
  tags?: { type: "tag.list"; tags: WireTag[] };
}

/** 2.16 `tag`. */
export interface WireTag {
  type: "tag";
  id: string;
  name: string;
  applied_at?: number | null;
  applied_by?: { type: string; id: string } | null;
}

/** 2.16 `audience` (predicates left out: this project only reads names). */
export interface WireAudience {
  type: "audience";
  id: string;
  name: string;
  created_at?: number;
  updated_at?: number;
}

export interface WireGroupContent {
  type: "group_content" | null;
  name: string;
  description: string;
}

export type WireGroupTranslatedContent = {
  type: "group_translated_content" | null;
} & { [locale: string]: WireGroupContent | null | string };

export interface WireCollection {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  created_at: number;
  updated_at: number;
  url: string | null;
  icon: string | null;
  order: number;
  default_locale: string;
  translated_content: WireGroupTranslatedContent | null;
  /** String id of the parent collection, null at the top level. */
  parent_id: string | null;
  /** Integer; null for child collections (walk `parent_id` up to the root to find it). */
  help_center_id: number | null;
}

export interface WireHelpCenter {
  id: string;
  workspace_id: string;
  created_at: number;
  updated_at: number;
  identifier: string;
  website_turned_on: boolean;
  display_name: string;
  url: string;
  custom_domain: string | null;
  default: boolean;
  /** Locale codes enabled on this help center. */
  locales: string[];
}

export interface WirePages {
  type: "pages";
  page: number;
  per_page: number;
  total_pages: number;
  next?: { per_page: number; starting_after: string | null } | null;
}

export interface WireAdmin {
  type: "admin";
  id: string;
  name: string;
  email: string;
}

export interface WireErrorList {
  type: "error.list";
  request_id: string | null;
  errors: { code: string; message: string | null; field?: string | null }[];
}

/** Request bodies (2.16 `create_article_request` / `update_article_request`). */
export interface WireArticleContentRequest extends WireFinRequest {
  title?: string;
  description?: string;
  body?: string;
  author_id?: number;
  state?: WireState;
}

/** The 2.16 Fin settings a write may set, per locale or at the top level. */
export interface WireFinRequest {
  audience_ids?: number[];
  ai_chatbot_availability?: boolean;
  ai_copilot_availability?: boolean;
  ai_sales_agent_availability?: boolean;
}

/** The 2.16 schedule of an article write: ISO 8601, null cancels. */
export interface WireScheduleRequest {
  scheduled_publish_at?: string | null;
  scheduled_unpublish_at?: string | null;
}

export interface WireCreateArticleRequest extends WireFinRequest, WireScheduleRequest {
  title: string;
  description?: string;
  body?: string;
  author_id: number;
  state?: WireState;
  /** Integer on create. */
  parent_id?: number;
  parent_type?: "collection";
  translated_content?: { [locale: string]: WireArticleContentRequest };
}

export interface WireUpdateArticleRequest extends WireFinRequest, WireScheduleRequest {
  title?: string;
  description?: string;
  body?: string;
  author_id?: number;
  state?: WireState;
  /** String on update (the spec differs from create here). */
  parent_id?: string;
  parent_type?: "collection";
  translated_content?: { [locale: string]: WireArticleContentRequest };
}

export interface WireCollectionContentRequest {
  name?: string;
  description?: string;
}

export interface WireCreateCollectionRequest {
  name: string;
  description?: string;
  parent_id?: string | null;
  help_center_id?: number | null;
  translated_content?: { [locale: string]: WireCollectionContentRequest };
}

export interface WireUpdateCollectionRequest {
  name?: string;
  description?: string;
  parent_id?: string | null;
  translated_content?: { [locale: string]: WireCollectionContentRequest };
}

/** `publish_article_draft_request` (2.16): the locales whose staged drafts go live. */
export interface WirePublishDraftRequest {
  locales?: string[];
}

/** `help_center_redirect` (2.16): `from_url` answers 301 to an article or collection in one locale. */
export interface WireRedirect {
  id: string;
  type: "help_center_redirect";
  from_url: string;
  locale: string;
  help_center_id: string;
  target_type: "article" | "collection";
  target_id: string;
  created_at: number;
  updated_at: number;
}

/** `create_help_center_redirect_request` (2.16). */
export interface WireCreateRedirectRequest {
  from_url: string;
  locale: string;
  target_type: "article" | "collection";
  target_id: string;
}

/** 2.16 `internal_article` (`/internal_articles`): one locale, no collection. */
export interface WireInternalArticle {
  type?: "internal_article";
  id: string;
  title: string;
  body: string | null;
  owner_id: number;
  author_id: number;
  locale?: string;
  created_at?: number;
  updated_at: number;
  audience_ids?: number[] | null;
  ai_chatbot_availability?: boolean;
  ai_copilot_availability?: boolean;
  ai_sales_agent_availability?: boolean;
}

/** `update_internal_article_request`; `create_internal_article_request` adds `locale` and needs title, owner and author. */
export interface WireInternalArticleRequest {
  title?: string;
  body?: string;
  author_id?: number;
  owner_id?: number;
  locale?: string;
  audience_ids?: number[];
  ai_chatbot_availability?: boolean;
  ai_copilot_availability?: boolean;
  ai_sales_agent_availability?: boolean;
}
