/**
 * The 2.16 endpoints around article settings: Fin audiences (`GET /audiences`, paged by top-level
 * `page`/`per_page`/`total_pages`, at most 50 a page), the workspace's tags (`GET /tags`, `POST
 * /tags` with a name), and tags on an article (`POST /articles/{id}/tags`, `DELETE
 * /articles/{id}/tags/{tag_id}`). Applying or removing a tag is a change of the article.
 */
import * as z from "zod";
import { ApiError } from "./api-error.js";
import { parseRequest } from "./parse-request.js";
import { readPaging } from "./paginate.js";
import { toWireAudience, toWireTag } from "./serialize.js";
import type { EmulatorStore } from "./store.js";
import type { StoredArticle, StoredTag } from "./types.js";

/** Most audiences on one page (2.16 `GET /audiences`: `per_page` maximum 50). */
export const AUDIENCES_PER_PAGE = 50;

const createTagRequest = z.strictObject({ name: z.string().min(1), id: z.string().optional() });
const attachTagRequest = z.strictObject({ id: z.union([z.string(), z.int()]), admin_id: z.string().nullable().optional() });

export function listAudiences(store: EmulatorStore, query: Record<string, string>): unknown {
  const { page, perPage: asked } = readPaging(query, AUDIENCES_PER_PAGE);
  const perPage = Math.min(asked, AUDIENCES_PER_PAGE);
  const all = store.audiences();
  const totalPages = Math.max(1, Math.ceil(all.length / perPage));
  const data = all.slice((page - 1) * perPage, page * perPage).map(toWireAudience);
  return { type: "list", data, total_count: all.length, page, per_page: perPage, total_pages: totalPages };
}

export function listTags(store: EmulatorStore): unknown {
  return { type: "list", data: store.tags().map(toWireTag) };
}

/** `POST /tags` with a name: the tag of that name, created when missing. */
export function createTag(store: EmulatorStore, body: unknown): { tag: StoredTag; created: boolean } {
  const request = parseRequest(createTagRequest, body);
  return store.tagNamed(request.name.trim());
}

function articleOf(store: EmulatorStore, id: number): StoredArticle {
  const article = store.findArticle(id);
  if (!article) throw new ApiError(404, "article_not_found", "Article not found");
  return article;
}

function touch(store: EmulatorStore, article: StoredArticle): void {
  article.updatedAt = store.nextTimestamp(article.updatedAt);
  const main = article.locales[article.defaultLocale];
  if (main) main.updatedAt = store.nextTimestamp(main.updatedAt);
}

/** `POST /articles/{id}/tags`: applies an existing tag; applying it twice changes nothing. */
export function attachTag(store: EmulatorStore, id: number, body: unknown): { tag: StoredTag; changed: boolean } {
  const article = articleOf(store, id);
  const request = parseRequest(attachTagRequest, body);
  const tag = /^\d+$/.test(String(request.id)) ? store.findTag(Number(request.id)) : undefined;
  if (!tag) throw new ApiError(404, "tag_not_found", "Tag not found");
  const applied = article.tagIds ?? [];
  if (applied.includes(tag.id)) return { tag, changed: false };
  article.tagIds = [...applied, tag.id];
  touch(store, article);
  return { tag, changed: true };
}

/** `DELETE /articles/{id}/tags/{tag_id}`. */
export function detachTag(store: EmulatorStore, id: number, tagId: string): { tag: StoredTag; changed: boolean } {
  const article = articleOf(store, id);
  const tag = /^\d+$/.test(tagId) ? store.findTag(Number(tagId)) : undefined;
  if (!tag) throw new ApiError(404, "tag_not_found", "Tag not found");
  const applied = article.tagIds ?? [];
  if (!applied.includes(tag.id)) return { tag, changed: false };
  article.tagIds = applied.filter((applied) => applied !== tag.id);
  touch(store, article);
  return { tag, changed: true };
}
