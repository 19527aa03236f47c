/**
 * Request bodies for the 2.16 Help Center endpoints, built from plan items. Pure. Intercom keeps
 * the help center's default locale at the top level of an item and every other locale under
 * `translated_content`.
 */
import type {
  WireArticleContentRequest,
  WireCollectionContentRequest,
  WireFinRequest,
  WireScheduleRequest,
  WireCreateArticleRequest,
  WireCreateCollectionRequest,
  WireUpdateArticleRequest,
  WireUpdateCollectionRequest,
} from "../intercom/wire.js";
import { SyncError } from "../errors/sync-error.js";
import type { ArticleContent, CollectionFields } from "../plan/types.js";
import type { FinSettings } from "../types.js";

/**
 * What a request sends of one article locale: some of its content, and of its 2.16 settings the
 * Fin availability, the audience ids and (source locale) the schedule; null cancels a schedule.
 */
export interface ArticlePatch extends Partial<Omit<ArticleContent, "settings" | "tagOps" | "cancelSchedule">> {
  fin?: FinSettings;
  schedule?: { kind: "publish" | "unpublish"; seconds: number } | { kind: "publish" | "unpublish"; cancel: true };
}

/** The patch of a full locale content, as a create sends it. */
export function fullPatch(content: ArticleContent): ArticlePatch {
  const { settings, tagOps: _tags, cancelSchedule: _cancel, ...rest } = content;
  const patch: ArticlePatch = { ...rest };
  if (settings?.fin !== undefined) patch.fin = settings.fin;
  if (settings?.schedule !== undefined) patch.schedule = settings.schedule;
  return patch;
}

function finRequest(fin: FinSettings | undefined): WireFinRequest {
  const out: WireFinRequest = {};
  if (fin?.agent !== undefined) out.ai_chatbot_availability = fin.agent;
  if (fin?.copilot !== undefined) out.ai_copilot_availability = fin.copilot;
  if (fin?.salesAgent !== undefined) out.ai_sales_agent_availability = fin.salesAgent;
  return out;
}

/** The schedule fields of a request; a publish schedule goes with `state: published` (2.16: with `draft` it is a 400). */
function scheduleRequest(schedule: ArticlePatch["schedule"]): WireScheduleRequest & { state?: "published" } {
  if (schedule === undefined) return {};
  const field = schedule.kind === "publish" ? "scheduled_publish_at" : "scheduled_unpublish_at";
  if ("cancel" in schedule) return { [field]: null };
  const at = new Date(schedule.seconds * 1000).toISOString().replace(/\.000Z$/, "Z");
  return schedule.kind === "publish" ? { scheduled_publish_at: at, state: "published" } : { scheduled_unpublish_at: at };
}

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

/**
 * One locale's content and Fin settings. `audience_ids` at the top level of a request would go to
 * every locale (2.16), so on a multilingual help center the caller moves it into the locale's
 * `translated_content` entry.
 */
function toArticleContent(fields: ArticlePatch, defaultAuthorId: number | null): WireArticleContentRequest {
  const out: WireArticleContentRequest = { ...finRequest(fields.fin) };
  if (fields.audienceIds !== undefined) out.audience_ids = [...fields.audienceIds];
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
  /** The help center has more than one locale: per-locale audiences go in `translated_content`. */
  multilingual?: boolean;
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
    ...finRequest(topContent.settings?.fin),
    // The schedule is the article's, carried by the source locale whichever locale is on top.
    ...scheduleRequest((input.content[input.sourceLocale] ?? topContent).settings?.schedule),
  };
  const topAudiences = topContent.audienceIds;
  if (topAudiences !== undefined && input.multilingual !== true) request.audience_ids = [...topAudiences];
  if (input.parentId !== null) {
    request.parent_id = toInteger(input.parentId, "collection");
    request.parent_type = "collection";
  }
  const perLocale = translated.map((locale): [string, WireArticleContentRequest] => {
    const content = input.content[locale];
    return [locale, content === undefined ? {} : toArticleContent(fullPatch(content), input.defaultAuthorId)];
  });
  if (topAudiences !== undefined && input.multilingual === true && !translated.includes(top)) perLocale.push([top, { audience_ids: [...topAudiences] }]);
  if (perLocale.length > 0) request.translated_content = Object.fromEntries(perLocale);
  return request;
}

/** `PUT /articles/{id}` body with only the given locales and fields, and the parent when it moves. */
export function buildArticleUpdate(
  patches: Record<string, ArticlePatch>,
  options: { defaultLocale: string | null; defaultAuthorId: number | null; parentId?: string; multilingual?: boolean },
): WireUpdateArticleRequest {
  const request: WireUpdateArticleRequest = {};
  const translated: Record<string, WireArticleContentRequest> = {};
  for (const [locale, patch] of Object.entries(patches)) {
    const { audience_ids: audienceIds, ...content } = toArticleContent(patch, options.defaultAuthorId);
    if (locale === options.defaultLocale) {
      Object.assign(request, content);
      if (audienceIds !== undefined) {
        if (options.multilingual === true) translated[locale] = { audience_ids: audienceIds };
        else request.audience_ids = audienceIds;
      }
    } else translated[locale] = audienceIds === undefined ? content : { ...content, audience_ids: audienceIds };
    // The schedule is the article's: it goes at the top level whichever locale carries it.
    Object.assign(request, scheduleRequest(patch.schedule));
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
