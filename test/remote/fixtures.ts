import type { WireArticle, WireCollection, WireHelpCenter } from "../../src/intercom/wire.js";

export function helpCenter(id: string, extra: Partial<WireHelpCenter> = {}): WireHelpCenter {
  return {
    id,
    workspace_id: "ws",
    created_at: 1,
    updated_at: 1,
    identifier: `hc-${id}`,
    website_turned_on: true,
    display_name: `Help center ${id}`,
    url: `https://help.example.com/${id}`,
    custom_domain: null,
    default: false,
    locales: ["en", "fr"],
    ...extra,
  };
}

export function collection(id: string, extra: Partial<WireCollection> = {}): WireCollection {
  return {
    id,
    workspace_id: "ws",
    name: `Collection ${id}`,
    description: null,
    created_at: 1,
    updated_at: 100,
    url: null,
    icon: null,
    order: 1,
    default_locale: "en",
    translated_content: null,
    parent_id: null,
    help_center_id: null,
    ...extra,
  };
}

export function article(id: string, extra: Partial<WireArticle> = {}): WireArticle {
  return {
    type: "article",
    id,
    workspace_id: "ws",
    title: `Article ${id}`,
    description: null,
    body: null,
    author_id: 7,
    state: "draft",
    created_at: 1,
    updated_at: 200,
    url: null,
    parent_ids: [],
    default_locale: "en",
    translated_content: null,
    ...extra,
  };
}

export function listOf<T>(data: T[], page = 1, totalPages = 1, totalCount = data.length) {
  return { type: "list", pages: { type: "pages", page, per_page: 2, total_pages: totalPages }, total_count: totalCount, data };
}
