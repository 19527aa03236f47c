/**
 * Create, update and editor edits of articles: Intercom's rules on top of the request schemas.
 * Top-level fields are the default locale's; `translated_content` adds or changes other locales
 * and leaves the ones it does not mention alone. Only locales whose stored content actually
 * changes get a new `updated_at`.
 */
import MarkdownIt from "markdown-it";
import { ApiError, invalidParameter, missingParameter, notFound } from "./api-error.js";
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
  aiChatbot?: boolean;
  aiCopilot?: boolean;
  aiSalesAgent?: boolean;
  audienceIds?: number[];
}

/** Fields of a stored locale a write may change; a change of any of them is a new `updated_at`. */
const LOCALE_FIELDS = ["title", "description", "body", "authorId", "state", "aiChatbot", "aiCopilot", "aiSalesAgent"] as const;

/** Applies `POST /articles`. */
export function createArticle(store: EmulatorStore, body: unknown): StoredArticle {
  const request = parseRequest(createArticleRequestSchema, body);
  checkUnsupported(request);
  const parentId = readParent(store, request);
  const center = store.helpCenterOfArticle({ parentId: parentId ?? null });
  const changes = collectChanges(request, store.defaultLocale);
  checkAudiences(store, changes);
  const schedule = readSchedule(store, request, request.state, undefined);
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
  applySchedule(article, schedule);
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
  const changes = collectChanges(request, article.defaultLocale, Object.keys(article.locales));
  checkAudiences(store, changes);
  const schedule = readSchedule(store, request, request.state, article);
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
  const before = [article.scheduledPublishAt ?? null, article.scheduledUnpublishAt ?? null].join();
  const next = { ...article, locales: nextLocales };
  applySchedule(next, schedule);
  const scheduleChanged = [next.scheduledPublishAt ?? null, next.scheduledUnpublishAt ?? null].join() !== before;
  if (scheduleChanged) {
    const main = nextLocales[article.defaultLocale];
    if (main !== undefined) nextLocales[article.defaultLocale] = { ...main, updatedAt: store.nextTimestamp(main.updatedAt) };
  }
  if (changed || scheduleChanged) {
    article.locales = nextLocales;
    article.parentId = nextParent;
    article.scheduledPublishAt = next.scheduledPublishAt ?? null;
    article.scheduledUnpublishAt = next.scheduledUnpublishAt ?? null;
    article.updatedAt = store.nextTimestamp(article.updatedAt);
  }
  return { article, changed: changed || scheduleChanged };
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

/** 2.16: an unknown audience id is a 404, and nothing is written. */
function checkAudiences(store: EmulatorStore, changes: ReadonlyMap<string, LocaleChange>): void {
  const known = new Set(store.audiences().map((audience) => audience.id));
  const unknown = [...new Set([...changes.values()].flatMap((change) => change.audienceIds ?? []).filter((id) => !known.has(id)))];
  if (unknown.length > 0) throw new ApiError(404, "parameter_invalid", `audience_ids contains unknown audience IDs: ${unknown.join(", ")}`, "audience_ids");
}

/** A schedule asked for: set (epoch seconds), cancelled (null), or not mentioned (undefined). */
interface ScheduleChange {
  publish: number | null | undefined;
  unpublish: number | null | undefined;
}

function readScheduleTime(store: EmulatorStore, value: string | null | undefined, field: string): number | null | undefined {
  if (value === undefined || value === null) return value;
  const ms = value.trim() === "" ? Number.NaN : Date.parse(value);
  if (!Number.isFinite(ms)) throw invalidParameter(`${field} must be an ISO 8601 date-time`, field);
  const seconds = Math.floor(ms / 1000);
  if (seconds <= store.nowSeconds()) throw invalidParameter(`${field} must be in the future`, field);
  return seconds;
}

/** The 2.16 rules of `scheduled_publish_at` / `scheduled_unpublish_at` (see update_article_request). */
function readSchedule(store: EmulatorStore, request: CreateArticleRequest | UpdateArticleRequest, state: string | undefined, article: StoredArticle | undefined): ScheduleChange {
  const publish = readScheduleTime(store, request.scheduled_publish_at, "scheduled_publish_at");
  const unpublish = readScheduleTime(store, request.scheduled_unpublish_at, "scheduled_unpublish_at");
  if (request.scheduled_publish_at !== undefined && request.scheduled_unpublish_at !== undefined) {
    throw invalidParameter("scheduled_publish_at and scheduled_unpublish_at cannot be sent together: only one pending schedule per article", "scheduled_unpublish_at");
  }
  if (typeof publish === "number" && state === "draft") throw invalidParameter("scheduled_publish_at cannot be combined with state draft", "scheduled_publish_at");
  if (typeof unpublish === "number") {
    const main = article?.locales[article.defaultLocale];
    const published = state === "published" || main?.everPublished === true || main?.state === "published";
    if (!published) throw invalidParameter("scheduled_unpublish_at needs an article that has been published", "scheduled_unpublish_at");
  }
  return { publish, unpublish };
}

/** Stores a schedule: one pending at most, so setting one clears the other. */
function applySchedule(article: StoredArticle, schedule: ScheduleChange): void {
  if (typeof schedule.publish === "number") {
    article.scheduledPublishAt = schedule.publish;
    article.scheduledUnpublishAt = null;
  } else if (schedule.publish === null) article.scheduledPublishAt = null;
  if (typeof schedule.unpublish === "number") {
    article.scheduledUnpublishAt = schedule.unpublish;
    article.scheduledPublishAt = null;
  } else if (schedule.unpublish === null) article.scheduledUnpublishAt = null;
}

function checkUnsupported(request: CreateArticleRequest | UpdateArticleRequest): void {
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
export function collectChanges(request: CreateArticleRequest | UpdateArticleRequest, defaultLocale: string, existingLocales: readonly string[] = []): Map<string, LocaleChange> {
  const changes = new Map<string, LocaleChange>();
  for (const [locale, content] of Object.entries(request.translated_content ?? {})) {
    if (locale === "type" || content === null || content === undefined || typeof content === "string") continue;
    changes.set(locale, readContent(content, `translated_content.${locale}`));
  }
  const topLevel = readContent(request, "");
  const keys = ["title", "description", "body", "authorId", "state", "aiChatbot", "aiCopilot", "aiSalesAgent"] as const;
  const hasTopLevel = keys.some((key) => topLevel[key] !== undefined);
  if (hasTopLevel) {
    const existing = changes.get(defaultLocale);
    const merged: LocaleChange = { ...existing, field: existing?.field ?? "" };
    for (const key of keys) {
      if (topLevel[key] !== undefined) Object.assign(merged, { [key]: topLevel[key] });
    }
    changes.set(defaultLocale, merged);
  }
  // A publish schedule sent with `state: published` schedules it instead of publishing now.
  if (typeof request.scheduled_publish_at === "string") {
    const main = changes.get(defaultLocale);
    if (main?.state === "published") main.state = existingLocales.length === 0 ? "draft" : undefined;
  }
  // 2.16: a top-level `audience_ids` goes to every locale, and wins over per-locale ones.
  if (request.audience_ids !== undefined && request.audience_ids !== null) {
    const ids = [...request.audience_ids];
    for (const locale of new Set([...existingLocales, ...changes.keys(), defaultLocale])) {
      const change = changes.get(locale) ?? { field: locale === defaultLocale ? "" : `translated_content.${locale}` };
      changes.set(locale, { ...change, audienceIds: ids });
    }
  }
  return changes;
}

function readContent(content: Omit<ArticleContentRequest, "body_markdown" | "audience_ids"> & { body_markdown?: string | null; audience_ids?: number[] | null }, prefix: string): LocaleChange {
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
    aiChatbot: content.ai_chatbot_availability,
    aiCopilot: content.ai_copilot_availability,
    aiSalesAgent: content.ai_sales_agent_availability,
    ...(Array.isArray(content.audience_ids) ? { audienceIds: [...content.audience_ids] } : {}),
  };
}

/** The Fin settings a change sets, in stored form (audience ids sorted, without repeats). */
function finOf(change: LocaleChange): Partial<StoredArticleLocale> {
  const out: Partial<StoredArticleLocale> = {};
  if (change.aiChatbot !== undefined) out.aiChatbot = change.aiChatbot;
  if (change.aiCopilot !== undefined) out.aiCopilot = change.aiCopilot;
  if (change.aiSalesAgent !== undefined) out.aiSalesAgent = change.aiSalesAgent;
  if (change.audienceIds !== undefined) out.audienceIds = [...new Set(change.audienceIds)].sort((a, b) => a - b);
  return out;
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
      ...finOf(change),
    };
    if (next.state === "published") next.everPublished = true;
    return { next, changed: true };
  }
  const next: StoredArticleLocale = {
    ...existing,
    title: change.title ?? existing.title,
    description: change.description ?? existing.description,
    body: change.body ?? existing.body,
    authorId: change.authorId ?? existing.authorId,
    state: change.state ?? existing.state,
    ...finOf(change),
  };
  if (next.state === "published") next.everPublished = true;
  const sameAudiences = (next.audienceIds ?? []).join() === (existing.audienceIds ?? []).join();
  const changed = LOCALE_FIELDS.some((key) => (next[key] ?? true) !== (existing[key] ?? true)) || !sameAudiences;
  if (changed) next.updatedAt = store.nextTimestamp(existing.updatedAt);
  return { next, changed };
}
