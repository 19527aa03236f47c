/**
 * Staged drafts of published articles (2.16 `PUT /articles/{id}/draft`, `POST
 * /articles/{id}/draft/publish`): each published locale may carry a draft of its versioned text
 * (title, description, body) that readers do not see until it is published. Staging or publishing
 * bumps the locale's and the article's `updated_at`, as the spec's examples show.
 */
import { ApiError, notFound } from "./api-error.js";
import { collectChanges } from "./article-writes.js";
import { parseRequest } from "./parse-request.js";
import { publishArticleDraftRequestSchema, updateArticleRequestSchema } from "./request-schemas.js";
import { storeArticleHtml } from "./rewrite-html.js";
import type { EmulatorStore } from "./store.js";
import type { ArticleEdit, StoredArticle, StoredArticleLocale } from "./types.js";
import { assertLocaleEnabled } from "./write-rules.js";

const NOT_PUBLISHED = "Article must be published before a draft can be staged";

function unprocessable(code: string, message: string, field?: string): ApiError {
  return new ApiError(422, code, message, field);
}

/** Stages `text` on one locale; returns whether the draft changed. */
function stageText(store: EmulatorStore, article: StoredArticle, locale: string, text: { title?: string; description?: string; body?: string }): boolean {
  const live = article.locales[locale];
  if (live?.state !== "published") throw unprocessable("parameter_invalid", NOT_PUBLISHED, locale === article.defaultLocale ? undefined : `translated_content.${locale}`);
  const base = live.draft ?? live;
  const next = { title: text.title ?? base.title, description: text.description ?? base.description, body: text.body ?? base.body };
  if (live.draft && next.title === base.title && next.description === base.description && next.body === base.body) return false;
  const stamp = store.nextTimestamp(Math.max(live.updatedAt, live.draft?.updatedAt ?? 0));
  article.locales[locale] = { ...live, updatedAt: stamp, draft: { ...next, updatedAt: stamp } };
  return true;
}

/** Applies `PUT /articles/{id}/draft`: only versioned text is staged; other fields are ignored. */
export function stageArticleDraft(store: EmulatorStore, id: number, body: unknown): { article: StoredArticle; changed: boolean } {
  const article = store.findArticle(id);
  if (!article) throw notFound();
  const changes = collectChanges(parseRequest(updateArticleRequestSchema, body), article.defaultLocale);
  const center = store.helpCenterOfArticle(article);
  for (const [locale, change] of changes) {
    assertLocaleEnabled(center, locale, change.field);
    if (article.locales[locale]?.state !== "published") throw unprocessable("parameter_invalid", NOT_PUBLISHED);
  }
  let changed = false;
  for (const [locale, change] of changes) changed = stageText(store, article, locale, change) || changed;
  if (changed) article.updatedAt = store.nextTimestamp(article.updatedAt);
  return { article, changed };
}

/** Locales of an article with a staged draft. */
export function draftLocales(article: StoredArticle): string[] {
  return Object.entries(article.locales)
    .filter(([, content]) => content.draft !== undefined)
    .map(([locale]) => locale);
}

/**
 * Applies `POST /articles/{id}/draft/publish`. A multilingual workspace (a help center with more
 * than one locale) must name the locales; each named locale must have a pending draft.
 */
export function publishArticleDraft(store: EmulatorStore, id: number, body: unknown): StoredArticle {
  const article = store.findArticle(id);
  if (!article) throw notFound();
  const request = parseRequest(publishArticleDraftRequestSchema, body ?? {});
  const pending = draftLocales(article);
  if (pending.length === 0) throw unprocessable("parameter_invalid", "Article has no draft to publish");
  const multilingual = store.helpCenterOfArticle(article).locales.length > 1;
  if (multilingual && request.locales === undefined) {
    throw unprocessable("parameter_not_found", "locales must be specified to publish a draft on a multilingual workspace", "locales");
  }
  const wanted = request.locales ?? pending;
  const without = wanted.filter((locale) => !pending.includes(locale));
  if (without.length > 0) throw unprocessable("parameter_invalid", `Cannot publish a draft for locale(s) without pending changes: ${without.join(", ")}`, "locales");
  for (const locale of new Set(wanted)) {
    const live = article.locales[locale];
    if (live?.draft === undefined) continue;
    const { draft, ...rest } = live;
    const next: StoredArticleLocale = { ...rest, title: draft.title, description: draft.description, body: draft.body, updatedAt: store.nextTimestamp(Math.max(live.updatedAt, draft.updatedAt)) };
    article.locales[locale] = next;
  }
  article.updatedAt = store.nextTimestamp(article.updatedAt);
  return article;
}

/** The article as `GET /articles/{id}/draft` renders it: each drafted locale's text replaced by its draft. */
export function draftView(article: StoredArticle): StoredArticle {
  if (draftLocales(article).length === 0) throw notFound();
  const locales: Record<string, StoredArticleLocale> = {};
  for (const [locale, content] of Object.entries(article.locales)) {
    const { draft } = content;
    locales[locale] = draft === undefined ? content : { ...content, title: draft.title, description: draft.description, body: draft.body };
  }
  return { ...article, locales };
}

/** An edit made in Intercom's editor to a locale's staged draft (a reviewer fixing a typo). */
export function editDraftInEditor(store: EmulatorStore, id: number, locale: string, edit: ArticleEdit): StoredArticle {
  const article = store.findArticle(id);
  if (!article) throw notFound();
  const field = `translated_content.${locale}`;
  const body = edit.body === undefined ? undefined : storeArticleHtml(edit.body, `${field}.body`);
  if (stageText(store, article, locale, { title: edit.title, description: edit.description, body })) {
    article.updatedAt = store.nextTimestamp(article.updatedAt);
  }
  return article;
}
