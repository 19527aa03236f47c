/**
 * The Intercom Help Center routes the emulator serves, as a table of pure handlers over the store.
 * Handlers are synchronous, so each request is applied atomically.
 */
import { invalidParameter, notFound } from "./api-error.js";
import { draftView, publishArticleDraft, stageArticleDraft } from "./article-drafts.js";
import { createArticle, updateArticle } from "./article-writes.js";
import { createRedirect, findRedirect, listRedirects, toWireRedirect } from "./redirect-routes.js";
import { createCollection, deleteCollection, updateCollection } from "./collection-writes.js";
import { textOf, parseHtmlFragment } from "./html-tree.js";
import { DEFAULT_PER_PAGE, DEFAULT_SEARCH_PER_PAGE, paginate, readPaging } from "./paginate.js";
import { toWireAdmin, toWireArticle, toWireCollection, toWireHelpCenter, toWireMe, toWireTag } from "./serialize.js";
import { byUpdatedAtDescending } from "./store.js";
import { attachTag, createTag, detachTag, listAudiences, listTags } from "./settings-routes.js";
import { createInternalArticle, listInternalArticles, toWireInternalArticle, updateInternalArticle } from "./internal-articles.js";
import type { EmulatorStore } from "./store.js";
import type { StoredArticle } from "./types.js";

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
}

export interface RouteResult {
  status: number;
  body: unknown;
  /** The state changed. */
  applied: boolean;
}

type Handler = (store: EmulatorStore, request: RouteRequest) => RouteResult;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

const ok = (body: unknown, applied = false): RouteResult => ({ status: 200, body, applied });

/** An `{id}` path parameter; anything but digits cannot name an item, so it is a 404. */
function readId(params: Record<string, string>): number {
  const id = params.id ?? "";
  if (!/^\d+$/.test(id)) throw notFound();
  return Number(id);
}

const SEARCH_STATES: readonly string[] = ["published", "draft", "all"];

function searchArticles(store: EmulatorStore, query: Record<string, string>): RouteResult {
  const phrase = (query.phrase ?? "").trim().toLowerCase();
  const state = query.state ?? "all";
  if (!SEARCH_STATES.includes(state)) throw invalidParameter("state must be published, draft or all", "state");
  const helpCenterId = query.help_center_id;
  if (helpCenterId !== undefined && !/^\d+$/.test(helpCenterId)) throw invalidParameter("help_center_id must be an integer", "help_center_id");
  const matches = (article: StoredArticle): boolean => {
    if (helpCenterId !== undefined && store.helpCenterOfArticle(article).id !== Number(helpCenterId)) return false;
    const main = article.locales[article.defaultLocale];
    if (state !== "all" && main?.state !== state) return false;
    if (phrase === "") return true;
    return Object.values(article.locales).some((content) =>
      [content.title, content.description, textOf(parseHtmlFragment(content.body))].some((text) => text.toLowerCase().includes(phrase)),
    );
  };
  const found = store.articles().filter(matches).sort(byUpdatedAtDescending);
  const page = paginate(found, readPaging(query, DEFAULT_SEARCH_PER_PAGE));
  return ok({
    type: "list",
    total_count: page.total_count,
    data: { articles: page.data.map((article) => toWireArticle(store, article, true)), highlights: [] },
    pages: page.pages,
  });
}

const ROUTES: Route[] = [
  route("GET", "/me", (store) => ok(toWireMe(store.me(), store.workspaceId, store.defaultHelpCenter().createdAt))),
  route("GET", "/admins", (store) => ok({ type: "admin.list", admins: store.admins().map(toWireAdmin) })),
  route("GET", "/help_center/help_centers", (store) =>
    ok({ type: "list", data: store.helpCenters().map((center) => toWireHelpCenter(center, store.workspaceId)) }),
  ),
  route("GET", "/help_center/help_centers/:id", (store, { params }) => {
    const center = store.findHelpCenter(readId(params));
    if (!center) throw notFound();
    return ok(toWireHelpCenter(center, store.workspaceId));
  }),
  route("GET", "/help_center/help_centers/:help_center_id/redirects", (store, { params, query }) => ok(listRedirects(store, params, query))),
  route("POST", "/help_center/help_centers/:help_center_id/redirects", (store, { params, body }) => ok(toWireRedirect(createRedirect(store, params, body)), true)),
  route("GET", "/help_center/help_centers/:help_center_id/redirects/:id", (store, { params }) => ok(toWireRedirect(findRedirect(store, params)))),
  route("DELETE", "/help_center/help_centers/:help_center_id/redirects/:id", (store, { params }) => {
    const redirect = findRedirect(store, params);
    store.removeRedirect(redirect.id);
    return ok({ id: String(redirect.id), object: "help_center_redirect", deleted: true }, true);
  }),
  route("GET", "/help_center/collections", (store, { query }) => {
    const page = paginate([...store.collections()].sort(byUpdatedAtDescending), readPaging(query, DEFAULT_PER_PAGE));
    return ok({ type: "list", ...page, data: page.data.map((collection) => toWireCollection(store, collection)) });
  }),
  route("POST", "/help_center/collections", (store, { body }) => ok(toWireCollection(store, createCollection(store, body)), true)),
  route("GET", "/help_center/collections/:id", (store, { params }) => {
    const collection = store.findCollection(readId(params));
    if (!collection) throw notFound();
    return ok(toWireCollection(store, collection));
  }),
  route("PUT", "/help_center/collections/:id", (store, { params, body }) => {
    const { collection, changed } = updateCollection(store, readId(params), body);
    return ok(toWireCollection(store, collection), changed);
  }),
  route("DELETE", "/help_center/collections/:id", (store, { params }) => {
    const id = readId(params);
    deleteCollection(store, id);
    return ok({ id: String(id), object: "collection", deleted: true }, true);
  }),
  route("GET", "/articles", (store, { query }) => {
    // Lists the articles of every help center of the workspace, as Intercom does.
    const page = paginate([...store.articles()].sort(byUpdatedAtDescending), readPaging(query, DEFAULT_PER_PAGE));
    return ok({ type: "list", ...page, data: page.data.map((article) => toWireArticle(store, article, false)) });
  }),
  route("POST", "/articles", (store, { body }) => ok(toWireArticle(store, createArticle(store, body), true), true)),
  route("GET", "/articles/search", (store, { query }) => searchArticles(store, query)),
  route("GET", "/articles/:id", (store, { params }) => {
    const article = store.findArticle(readId(params));
    if (!article) throw notFound();
    return ok(toWireArticle(store, article, true));
  }),
  route("PUT", "/articles/:id", (store, { params, body }) => {
    const { article, changed } = updateArticle(store, readId(params), body);
    return ok(toWireArticle(store, article, true), changed);
  }),
  route("GET", "/articles/:id/draft", (store, { params }) => {
    const article = store.findArticle(readId(params));
    if (!article) throw notFound();
    return ok(toWireArticle(store, draftView(article), true));
  }),
  route("PUT", "/articles/:id/draft", (store, { params, body }) => {
    const { article, changed } = stageArticleDraft(store, readId(params), body);
    return ok(toWireArticle(store, draftView(article), true), changed);
  }),
  route("POST", "/articles/:id/draft/publish", (store, { params, body }) => ok(toWireArticle(store, publishArticleDraft(store, readId(params), body), true), true)),
  route("GET", "/audiences", (store, { query }) => ok(listAudiences(store, query))),
  route("GET", "/internal_articles", (store, { query }) => ok(listInternalArticles(store, query))),
  route("POST", "/internal_articles", (store, { body }) => ok(toWireInternalArticle(createInternalArticle(store, body)), true)),
  route("GET", "/internal_articles/:id", (store, { params }) => {
    const article = store.findInternalArticle(readId(params));
    if (!article) throw notFound();
    return ok(toWireInternalArticle(article));
  }),
  route("PUT", "/internal_articles/:id", (store, { params, body }) => {
    const { article, changed } = updateInternalArticle(store, readId(params), body);
    return ok(toWireInternalArticle(article), changed);
  }),
  route("DELETE", "/internal_articles/:id", (store, { params }) => {
    const id = readId(params);
    if (!store.findInternalArticle(id)) throw notFound();
    store.removeInternalArticle(id);
    return ok({ id: String(id), object: "internal_article", deleted: true }, true);
  }),
  route("GET", "/tags", (store) => ok(listTags(store))),
  route("POST", "/tags", (store, { body }) => {
    const { tag, created } = createTag(store, body);
    return ok(toWireTag(tag), created);
  }),
  route("POST", "/articles/:id/tags", (store, { params, body }) => {
    const { tag, changed } = attachTag(store, readId(params), body);
    return ok({ ...toWireTag(tag), applied_at: store.nowSeconds(), applied_by: { type: "admin", id: String(store.me().id) } }, changed);
  }),
  route("DELETE", "/articles/:id/tags/:tag_id", (store, { params }) => {
    const { tag, changed } = detachTag(store, readId(params), params.tag_id ?? "");
    return ok({ ...toWireTag(tag), applied_at: null, applied_by: null }, changed);
  }),
  route("DELETE", "/articles/:id", (store, { params }) => {
    const id = readId(params);
    if (!store.findArticle(id)) throw notFound();
    store.removeArticle(id);
    return ok({ id: String(id), object: "article", deleted: true }, true);
  }),
];

function route(method: string, pattern: string, handler: Handler): Route {
  return { method, segments: pattern.split("/").filter(Boolean), handler };
}

export interface MatchedRoute {
  handler: Handler;
  params: Record<string, string>;
}

/** The route for `method` and `path`. Routes are tried in table order: `/articles/search` before `/articles/:id`. */
export function matchApiRoute(method: string, path: string): MatchedRoute | null {
  const parts = path.split("/").filter(Boolean);
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = candidate.segments.every((segment, index) => {
      const part = parts[index] ?? "";
      if (segment.startsWith(":")) {
        params[segment.slice(1)] = safeDecode(part);
        return true;
      }
      return segment === part;
    });
    if (matches) return { handler: candidate.handler, params };
  }
  return null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
