/**
 * 2.16 internal articles (`/internal_articles`): one locale, an owner and an author (both
 * teammates), Fin audiences and availability. The HTML is stored as an article's is. No
 * collections: the API has none for them.
 */
import MarkdownIt from "markdown-it";
import * as z from "zod";
import { ApiError, invalidParameter, missingParameter, notFound } from "./api-error.js";
import { paginate, readPaging, DEFAULT_PER_PAGE } from "./paginate.js";
import { parseRequest } from "./parse-request.js";
import { storeArticleHtml } from "./rewrite-html.js";
import type { EmulatorStore } from "./store.js";
import type { StoredInternalArticle } from "./types.js";

const markdown = new MarkdownIt({ html: false, linkify: true });

const fields = {
  title: z.string().optional(),
  body: z.string().optional(),
  body_markdown: z.string().optional(),
  author_id: z.int().optional(),
  owner_id: z.int().optional(),
  audience_ids: z.array(z.int()).nullable().optional(),
  ai_chatbot_availability: z.boolean().optional(),
  ai_copilot_availability: z.boolean().optional(),
  ai_sales_agent_availability: z.boolean().optional(),
};
/** `create_internal_article_request` / `update_internal_article_request`. */
const createRequest = z.strictObject({ ...fields, locale: z.string().optional() });
const updateRequest = z.strictObject(fields);

type Request = z.infer<typeof updateRequest>;

function readBody(request: Request): string | undefined {
  if (request.body !== undefined && request.body_markdown !== undefined) throw invalidParameter("body and body_markdown are mutually exclusive", "body_markdown");
  const html = request.body ?? (request.body_markdown === undefined ? undefined : markdown.render(request.body_markdown));
  return html === undefined ? undefined : storeArticleHtml(html, "body");
}

function checkPeople(store: EmulatorStore, request: Request): void {
  for (const field of ["author_id", "owner_id"] as const) {
    const id = request[field];
    if (id !== undefined && !store.isAdmin(id)) throw invalidParameter(`${field} ${id} is not a teammate of this workspace`, field);
  }
  const known = new Set(store.audiences().map((audience) => audience.id));
  const unknown = (request.audience_ids ?? []).filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ApiError(404, "parameter_invalid", `audience_ids contains unknown audience IDs: ${unknown.join(", ")}`, "audience_ids");
}

export function createInternalArticle(store: EmulatorStore, body: unknown): StoredInternalArticle {
  const request = parseRequest(createRequest, body);
  if (request.title === undefined || request.title.trim() === "") throw missingParameter("title is required", "title");
  if (request.owner_id === undefined) throw missingParameter("owner_id is required", "owner_id");
  if (request.author_id === undefined) throw missingParameter("author_id is required", "author_id");
  checkPeople(store, request);
  const now = store.nowSeconds();
  const article: StoredInternalArticle = {
    id: store.allocateInternalArticleId(),
    title: request.title,
    body: readBody(request) ?? "",
    ownerId: request.owner_id,
    authorId: request.author_id,
    locale: request.locale ?? store.defaultLocale,
    audienceIds: [...new Set(request.audience_ids ?? [])].sort((a, b) => a - b),
    aiChatbot: request.ai_chatbot_availability ?? false,
    aiCopilot: request.ai_copilot_availability ?? false,
    aiSalesAgent: request.ai_sales_agent_availability ?? false,
    createdAt: now,
    updatedAt: now,
  };
  store.addInternalArticle(article);
  return article;
}

/** `PUT /internal_articles/{id}`: omitted fields stay (PATCH semantics); `audience_ids: []` clears. */
export function updateInternalArticle(store: EmulatorStore, id: number, body: unknown): { article: StoredInternalArticle; changed: boolean } {
  const article = store.findInternalArticle(id);
  if (!article) throw notFound();
  const request = parseRequest(updateRequest, body);
  checkPeople(store, request);
  const html = readBody(request);
  const next: StoredInternalArticle = {
    ...article,
    title: request.title ?? article.title,
    body: html ?? article.body,
    ownerId: request.owner_id ?? article.ownerId,
    authorId: request.author_id ?? article.authorId,
    audienceIds: request.audience_ids == null ? article.audienceIds : [...new Set(request.audience_ids)].sort((a, b) => a - b),
    aiChatbot: request.ai_chatbot_availability ?? article.aiChatbot,
    aiCopilot: request.ai_copilot_availability ?? article.aiCopilot,
    aiSalesAgent: request.ai_sales_agent_availability ?? article.aiSalesAgent,
  };
  const changed = JSON.stringify({ ...next, updatedAt: 0 }) !== JSON.stringify({ ...article, updatedAt: 0 });
  if (changed) Object.assign(article, next, { updatedAt: store.nextTimestamp(article.updatedAt) });
  return { article, changed };
}

/** 2.16 `internal_article`. */
export function toWireInternalArticle(article: StoredInternalArticle): Record<string, unknown> {
  return {
    type: "internal_article",
    id: String(article.id),
    title: article.title,
    body: article.body,
    owner_id: article.ownerId,
    author_id: article.authorId,
    created_at: article.createdAt,
    updated_at: article.updatedAt,
    locale: article.locale,
    audience_ids: [...article.audienceIds],
    ai_chatbot_availability: article.aiChatbot,
    ai_copilot_availability: article.aiCopilot,
    ai_sales_agent_availability: article.aiSalesAgent,
  };
}

/** `GET /internal_articles`, most recently updated first, paged like the other lists. */
export function listInternalArticles(store: EmulatorStore, query: Record<string, string>): unknown {
  const sorted = [...store.internalArticles()].sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id);
  const page = paginate(sorted, readPaging(query, DEFAULT_PER_PAGE));
  return { type: "list", ...page, data: page.data.map(toWireInternalArticle) };
}
