/**
 * Create, update and editor edits of articles: Intercom's rules on top of the request schemas.
 * Top-level fields are the default locale's; `translated_content` adds or changes other locales
 * and leaves the ones it does not mention alone. Only locales whose stored content actually
 * changes get a new `updated_at`.
 */
import MarkdownIt from "markdown-it";
import { invalidParameter, missingParameter, notFound } from "./api-error.js";
import { parseRequest } from "./parse-request.js";
import { createArticleRequestSchema, updateArticleRequestSchema } from "./request-schemas.js";
import type { ArticleContentRequest, CreateArticleRequest, UpdateArticleRequest } from "./request-schemas.js";
import { storeArticleHtml } from "./rewrite-html.js";
import type { EmulatorStore } from "./store.js";
import type { ArticleEdit, StoredArticle, StoredArticleLocale } from "./types.js";
import { assertLocaleEnabled, readParentId } from "./write-rules.js";

const markdown = new MarkdownIt({ html: false, linkify: true });
const PARENT_TYPES: readonly string[] = ["collection", "section"];

/** Changes asked for one locale; `body` is already in stored form. */
export interface LocaleChange {
  field: string;
  title?: string;
  description?: string;
  body?: string;
  authorId?: number;
  state?: "published" | "draft";
}

/** Applies `POST /articles`. */
export function createArticle(store: EmulatorStore, body: unknown): StoredArticle {
  const request = parseRequest(createArticleRequestSchema, body);
  checkUnsupported(request);
  const parentId = readParent(store, request);
  const center = store.helpCenterOfArticle({ parentId: parentId ?? null });
  const changes = collectChanges(request, store.defaultLocale);
  const main = changes.get(store.defaultLocale);
  if (main?.title === undefined) throw missingParameter("title must be in the main body or default locale translated_content object", "title");
  if (main.authorId === undefined) throw missingParameter("author_id must be in the main body or default locale translated_content object", "author_id");
  const now = store.nowSeconds();
  const locales: Record<string, StoredArticleLocale> = {};
  for (const [locale, change] of changes) {
    assertLocaleEnabled(center, locale, change.field);
    locales[locale] = mergeLocale(store, undefined, change, main.authorId).next;
  }
  const article: StoredArticle = {
    id: store.allocateArticleId(),
    parentId: parentId ?? null,
    defaultLocale: store.defaultLocale,
    createdAt: now,
    updatedAt: now,
    locales,
  };
  store.addArticle(article);
  return article;
}

/** Applies `PUT /articles/{id}`; returns whether anything changed. */
export function updateArticle(store: EmulatorStore, id: number, body: unknown): { article: StoredArticle; changed: boolean } {
  const article = store.findArticle(id);
  if (!article) throw notFound();
  const request = parseRequest(updateArticleRequestSchema, body);
  checkUnsupported(request);
  const parentId = readParent(store, request);
  const nextParent = parentId === undefined ? article.parentId : parentId;
  const center = store.helpCenterOfArticle({ parentId: nextParent });
  const changes = collectChanges(request, article.defaultLocale);
  const fallbackAuthor = article.locales[article.defaultLocale]?.authorId ?? store.me().id;
  const nextLocales = { ...article.locales };
  let changed = nextParent !== article.parentId;
  for (const [locale, change] of changes) {
    assertLocaleEnabled(center, locale, change.field);
    const merged = mergeLocale(store, article.locales[locale], change, fallbackAuthor);
    nextLocales[locale] = merged.next;
    changed ||= merged.changed;
  }
  // Validation is complete: only now is the stored article touched.
  if (changed) {
    article.locales = nextLocales;
    article.parentId = nextParent;
    article.updatedAt = store.nextTimestamp(article.updatedAt);
  }
  return { article, changed };
}

/** A change made in Intercom's editor: one locale's text, as a writer would type it. */
export function editArticleInEditor(store: EmulatorStore, id: number, locale: string, edit: ArticleEdit): StoredArticle {
  const article = store.findArticle(id);
  if (!article) throw notFound();
  assertLocaleEnabled(store.helpCenterOfArticle(article), locale, "locale");
  const field = `translated_content.${locale}`;
  const change: LocaleChange = { field, ...edit, body: edit.body === undefined ? undefined : storeArticleHtml(edit.body, `${field}.body`) };
  const fallbackAuthor = article.locales[article.defaultLocale]?.authorId ?? store.me().id;
  const merged = mergeLocale(store, article.locales[locale], change, fallbackAuthor);
  if (merged.changed) {
    article.locales = { ...article.locales, [locale]: merged.next };
    article.updatedAt = store.nextTimestamp(article.updatedAt);
  }
  return article;
}

function checkUnsupported(request: CreateArticleRequest | UpdateArticleRequest): void {
  for (const field of ["scheduled_publish_at", "scheduled_unpublish_at"] as const) {
    if (request[field] !== undefined && request[field] !== null) {
      throw invalidParameter(`${field}: scheduled publishing is not supported by the emulator`, field);
    }
  }
  if (request.parent_type !== undefined && !PARENT_TYPES.includes(request.parent_type)) {
    throw invalidParameter("parent_type must be collection or section", "parent_type");
  }
}

/** The new parent: a number, null (no collection), or undefined (not asked). */
function readParent(store: EmulatorStore, request: CreateArticleRequest | UpdateArticleRequest): number | null | undefined {
  const parentId = readParentId(request.parent_id);
  if (parentId === null || parentId === undefined) return parentId;
  // The spec declares no 404 for POST /articles: an unknown parent is a 400 on the field.
  if (!store.findCollection(parentId)) throw invalidParameter(`parent_id ${parentId} is not a collection of this workspace`, "parent_id");
  return parentId;
}

/** The changes per locale: `translated_content` first, then top-level fields on the default locale. */
export function collectChanges(request: CreateArticleRequest | UpdateArticleRequest, defaultLocale: string): Map<string, LocaleChange> {
  const changes = new Map<string, LocaleChange>();
  for (const [locale, content] of Object.entries(request.translated_content ?? {})) {
    if (locale === "type" || content === null || content === undefined || typeof content === "string") continue;
    changes.set(locale, readContent(content, `translated_content.${locale}`));
  }
  const topLevel = readContent(request, "");
  const hasTopLevel = [topLevel.title, topLevel.description, topLevel.body, topLevel.authorId, topLevel.state].some((v) => v !== undefined);
  if (hasTopLevel) {
    const existing = changes.get(defaultLocale);
    const merged: LocaleChange = { ...existing, field: existing?.field ?? "" };
    for (const key of ["title", "description", "body", "authorId", "state"] as const) {
      if (topLevel[key] !== undefined) Object.assign(merged, { [key]: topLevel[key] });
    }
    changes.set(defaultLocale, merged);
  }
  return changes;
}

function readContent(content: Omit<ArticleContentRequest, "body_markdown"> & { body_markdown?: string | null }, prefix: string): LocaleChange {
  const field = (name: string): string => (prefix === "" ? name : `${prefix}.${name}`);
  if (content.body !== undefined && content.body_markdown !== undefined && content.body_markdown !== null) {
    throw invalidParameter("body and body_markdown are mutually exclusive", field("body_markdown"));
  }
  const html = content.body ?? (typeof content.body_markdown === "string" ? markdown.render(content.body_markdown) : undefined);
  return {
    field: prefix,
    title: content.title,
    description: content.description,
    body: html === undefined ? undefined : storeArticleHtml(html, field("body")),
    authorId: content.author_id,
    state: content.state,
  };
}

function mergeLocale(
  store: EmulatorStore,
  existing: StoredArticleLocale | undefined,
  change: LocaleChange,
  fallbackAuthor: number,
): { next: StoredArticleLocale; changed: boolean } {
  const prefix = change.field === "" ? "" : `${change.field}.`;
  if (change.authorId !== undefined && !store.isAdmin(change.authorId)) {
    throw invalidParameter(`author_id ${change.authorId} is not a teammate of this workspace`, `${prefix}author_id`);
  }
  if (!existing) {
    if (change.title === undefined) throw missingParameter(`${prefix}title is required for a new locale`, `${prefix}title`);
    const now = store.nowSeconds();
    const next: StoredArticleLocale = {
      title: change.title,
      description: change.description ?? "",
      body: change.body ?? "",
      authorId: change.authorId ?? fallbackAuthor,
      state: change.state ?? "draft",
      createdAt: now,
      updatedAt: now,
    };
    return { next, changed: true };
  }
  const next: StoredArticleLocale = {
    ...existing,
    title: change.title ?? existing.title,
    description: change.description ?? existing.description,
    body: change.body ?? existing.body,
    authorId: change.authorId ?? existing.authorId,
    state: change.state ?? existing.state,
  };
  const changed = (["title", "description", "body", "authorId", "state"] as const).some((key) => next[key] !== existing[key]);
  if (changed) next.updatedAt = store.nextTimestamp(existing.updatedAt);
  return { next, changed };
}
