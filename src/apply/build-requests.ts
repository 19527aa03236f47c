/**
 * Request bodies for the 2.16 Help Center endpoints, built from plan items. Pure. Intercom keeps
 * the help center's default locale at the top level of an item and every other locale under
 * `translated_content`.
 */
import type {
  WireArticleContentRequest,
  WireCollectionContentRequest,
  WireCreateArticleRequest,
  WireCreateCollectionRequest,
  WireUpdateArticleRequest,
  WireUpdateCollectionRequest,
} from "../intercom/wire.js";
import { SyncError } from "../errors/sync-error.js";
import type { ArticleContent, CollectionFields } from "../plan/types.js";

/** Ids are strings on our side; some 2.16 request fields take integers. */
function toInteger(id: string, what: string): number {
  const value = Number(id);
  if (!Number.isSafeInteger(value)) {
    throw new SyncError("apply/invalid-id", { what, id });
  }
  return value;
}

/** The author to send: the item's own, else the default, which a plan leaves null until it is needed. */
function authorOf(authorId: number | null, defaultAuthorId: number | null): number {
  const id = authorId ?? defaultAuthorId;
  if (id === null) {
    throw new SyncError("apply/unresolved-author", {});
  }
  return id;
}

function toArticleContent(fields: Partial<ArticleContent>, defaultAuthorId: number | null): WireArticleContentRequest {
  const out: WireArticleContentRequest = {};
  if (fields.title !== undefined) out.title = fields.title;
  if (fields.description !== undefined) out.description = fields.description;
  if (fields.body !== undefined) out.body = fields.body;
  if (fields.authorId !== undefined) out.author_id = authorOf(fields.authorId, defaultAuthorId);
  if (fields.state !== undefined) out.state = fields.state;
  return out;
}

function toCollectionContent(fields: Partial<CollectionFields>): WireCollectionContentRequest {
  const out: WireCollectionContentRequest = {};
  if (fields.name !== undefined) out.name = fields.name;
  if (fields.description !== undefined) out.description = fields.description;
  return out;
}

/**
 * The locale whose content goes at the top level of a create: the default locale when this run
 * writes it, else the source locale (the top-level title is required). When that is not known to
 * be the default locale, it is repeated in `translated_content` so it lands in the right locale.
 */
function splitLocales<T>(content: Record<string, T>, defaultLocale: string | null, sourceLocale: string): { top: string; translated: string[] } {
  const locales = Object.keys(content);
  const top = defaultLocale !== null && locales.includes(defaultLocale) ? defaultLocale : locales.includes(sourceLocale) ? sourceLocale : (locales[0] ?? sourceLocale);
  const translated = locales.filter((locale) => locale !== top || top !== defaultLocale);
  return { top, translated };
}

export interface ArticleCreateInput {
  /** Full content per locale, bodies already resolved. */
  content: Record<string, ArticleContent>;
  defaultLocale: string | null;
  sourceLocale: string;
  defaultAuthorId: number | null;
  parentId: string | null;
}

/** `POST /articles` body. */
export function buildArticleCreate(input: ArticleCreateInput): WireCreateArticleRequest {
  const { top, translated } = splitLocales(input.content, input.defaultLocale, input.sourceLocale);
  const topContent = input.content[top];
  if (topContent === undefined) throw new Error("An article create needs content in at least one locale.");
  const request: WireCreateArticleRequest = {
    title: topContent.title,
    description: topContent.description,
    body: topContent.body,
    author_id: authorOf(topContent.authorId, input.defaultAuthorId),
    state: topContent.state,
  };
  if (input.parentId !== null) {
    request.parent_id = toInteger(input.parentId, "collection");
    request.parent_type = "collection";
  }
  if (translated.length > 0) {
    request.translated_content = Object.fromEntries(
      translated.map((locale) => [locale, toArticleContent(input.content[locale] ?? {}, input.defaultAuthorId)]),
    );
  }
  return request;
}

/** `PUT /articles/{id}` body with only the given locales and fields, and the parent when it moves. */
export function buildArticleUpdate(
  patches: Record<string, Partial<ArticleContent>>,
  options: { defaultLocale: string | null; defaultAuthorId: number | null; parentId?: string },
): WireUpdateArticleRequest {
  const request: WireUpdateArticleRequest = {};
  const translated: Record<string, WireArticleContentRequest> = {};
  for (const [locale, patch] of Object.entries(patches)) {
    const content = toArticleContent(patch, options.defaultAuthorId);
    if (locale === options.defaultLocale) Object.assign(request, content);
    else translated[locale] = content;
  }
  if (Object.keys(translated).length > 0) request.translated_content = translated;
  if (options.parentId !== undefined) {
    request.parent_id = options.parentId;
    request.parent_type = "collection";
  }
  return request;
}

export interface CollectionCreateInput {
  content: Record<string, CollectionFields>;
  defaultLocale: string | null;
  sourceLocale: string;
  parentId: string | null;
  helpCenterId: string;
}

/** `POST /help_center/collections` body; `help_center_id` only for a top-level collection. */
export function buildCollectionCreate(input: CollectionCreateInput): WireCreateCollectionRequest {
  const { top, translated } = splitLocales(input.content, input.defaultLocale, input.sourceLocale);
  const topContent = input.content[top];
  if (topContent === undefined) throw new Error("A collection create needs content in at least one locale.");
  const request: WireCreateCollectionRequest = { name: topContent.name, description: topContent.description, parent_id: input.parentId };
  if (input.parentId === null) request.help_center_id = toInteger(input.helpCenterId, "help center");
  if (translated.length > 0) {
    request.translated_content = Object.fromEntries(translated.map((locale) => [locale, toCollectionContent(input.content[locale] ?? {})]));
  }
  return request;
}

/** `PUT /help_center/collections/{id}` body; `parentId` undefined = the parent does not change. */
export function buildCollectionUpdate(
  patches: Record<string, Partial<CollectionFields>>,
  options: { defaultLocale: string | null; parentId?: string | null },
): WireUpdateCollectionRequest {
  const request: WireUpdateCollectionRequest = {};
  const translated: Record<string, WireCollectionContentRequest> = {};
  for (const [locale, patch] of Object.entries(patches)) {
    const content = toCollectionContent(patch);
    if (locale === options.defaultLocale) Object.assign(request, content);
    else translated[locale] = content;
  }
  if (Object.keys(translated).length > 0) request.translated_content = translated;
  if (options.parentId !== undefined) request.parent_id = options.parentId;
  return request;
}
