import { setTimeout as sleepFor } from "node:timers/promises";
import type { Dispatcher } from "undici";
import { DEFAULT_RETRIES } from "../config/defaults.js";
import { SyncError } from "../errors/sync-error.js";
import type {
  WireAdmin,
  WireArticle,
  WireAudience,
  WireTag,
  WireCollection,
  WireCreateArticleRequest,
  WireCreateCollectionRequest,
  WireHelpCenter,
  WireInternalArticle,
  WireInternalArticleRequest,
  WireRedirect,
  WireUpdateArticleRequest,
  WireUpdateCollectionRequest,
} from "../intercom/wire.js";
import type { IntercomApi } from "./api.js";
import type { HttpMethod } from "./errors.js";
import { createIdleAwareDispatcher } from "./idle-connections.js";
import { DEFAULT_PAGE_SIZE, listAllPages, type PageOf } from "./list-all-pages.js";
import { createRateLimitPacer } from "./rate-limit-pacer.js";
import { requestWithPolicy, type Logger, type PolicyDeps, type PolicyOptions, type RequestEvent, type WaitEvent } from "./request-with-policy.js";

/** The `Intercom-Version` this project speaks (the wire shapes in src/intercom/wire.ts). */
export const DEFAULT_API_VERSION = "2.16";
/** Per-request timeout, from sending to the end of the body. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Retries of an idempotent request after a 5xx or a network failure (the config's `retries`). */
export const DEFAULT_MAX_RETRIES = DEFAULT_RETRIES;
/** Retries of a request answered 429, counted apart from `maxRetries`. */
export const DEFAULT_MAX_RATE_LIMIT_RETRIES = 8;
/** Search result pages followed before giving up on a phrase. */
export const MAX_SEARCH_PAGES = 20;

export interface ClientOptions {
  /** API origin without trailing slash (see `resolveApiBaseUrl`). */
  baseUrl: string;
  token: string;
  /** `Intercom-Version` header. Default "2.16". */
  apiVersion?: string;
  /** undici dispatcher; default: a pool renewed after idle gaps (see idle-connections.ts). Tests pass a `MockAgent`. */
  dispatcher?: Dispatcher;
  /** Milliseconds since the epoch. Default `Date.now`. */
  clock?: () => number;
  /** Every wait (pacing, backoff) goes through this. Default a timer. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1), for jitter. Default `Math.random`. */
  random?: () => number;
  timeoutMs?: number;
  maxRetries?: number;
  maxRateLimitRetries?: number;
  /** `per_page` of list requests. */
  perPage?: number;
  /** Receives method, path, status and duration of each attempt; never headers or bodies. */
  logger?: Logger;
  /** Called once per HTTP attempt, retries included. */
  onRequest?: (event: RequestEvent) => void;
  /** Most requests in flight (the config's `concurrency`); the pacer adapts below it. */
  maxInFlight?: number;
  /** Share of each rate-limit window this client may spend (the config's `rateLimitShare`). Default 1. */
  rateLimitShare?: number;
  /** Called before every wait: pacing for the rate limit, backoff before a retry. */
  onWait?: (event: WaitEvent) => void;
}

/** The given dispatcher for every attempt, else a pool renewed after idle gaps. */
function dispatcherOf(given: Dispatcher | undefined, clock: () => number): () => Dispatcher {
  return given === undefined ? createIdleAwareDispatcher(clock) : () => given;
}

/**
 * An `IntercomApi` over HTTP: bearer auth, paging, pacing from rate-limit headers, retries with
 * backoff for idempotent requests, and `IntercomApiError` for every failure.
 */
export function createIntercomClient(options: ClientOptions): IntercomApi {
  const clock = options.clock ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms).then(() => undefined));
  const random = options.random ?? Math.random;
  const perPage = options.perPage ?? DEFAULT_PAGE_SIZE;
  const deps: PolicyDeps = {
    transport: {
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
      token: options.token,
      apiVersion: options.apiVersion ?? DEFAULT_API_VERSION,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      dispatcher: dispatcherOf(options.dispatcher, clock),
    },
    pacer: createRateLimitPacer({
      clock,
      sleep,
      random,
      onWait: (ms) => {
        options.logger?.debug(`rate limit: waiting ${ms}ms for the window to reset`);
        options.onWait?.({ ms, reason: "for the rate limit to reset" });
      },
      ...(options.maxInFlight === undefined ? {} : { maxInFlight: options.maxInFlight }),
      ...(options.rateLimitShare === undefined ? {} : { share: options.rateLimitShare }),
    }),
    clock,
    sleep,
    random,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    maxRateLimitRetries: options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(options.onWait ? { onWait: options.onWait } : {}),
  };

  const call = <T>(method: HttpMethod, path: string, body?: unknown, policy?: PolicyOptions): Promise<T> =>
    requestWithPolicy(deps, body === undefined ? { method, path } : { method, path, body }, policy) as Promise<T>;
  const get = async <T>(path: string): Promise<T> => expectObject<T>(await call<unknown>("GET", path), "GET", path);
  const page = <T>(path: string) => (n: number, size: number) =>
    get<PageOf<T>>(`${path}?page=${n}&per_page=${size}`).then((list) => expectList(list, path));
  const id = (value: string) => encodeURIComponent(value);

  return {
    inFlightLimit: () => deps.pacer.inFlightLimit(),
    me: () => get<WireAdmin>("/me"),
    listAdmins: async () => (await get<{ admins?: WireAdmin[] }>("/admins")).admins ?? [],
    listHelpCenters: () => listAllPages(page<WireHelpCenter>("/help_center/help_centers"), perPage),
    getHelpCenter: (helpCenterId) => get<WireHelpCenter>(`/help_center/help_centers/${id(helpCenterId)}`),
    listCollections: () => listAllPages(page<WireCollection>("/help_center/collections"), perPage),
    listCollectionsPage: (n) => page<WireCollection>("/help_center/collections")(n, perPage),
    getCollection: (collectionId) => get<WireCollection>(`/help_center/collections/${id(collectionId)}`),
    createCollection: (body: WireCreateCollectionRequest) => call<WireCollection>("POST", "/help_center/collections", body),
    updateCollection: (collectionId, body: WireUpdateCollectionRequest) =>
      call<WireCollection>("PUT", `/help_center/collections/${id(collectionId)}`, body),
    deleteCollection: async (collectionId) => {
      await call("DELETE", `/help_center/collections/${id(collectionId)}`, undefined, { notFoundAfterRetryIsSuccess: true });
    },
    listArticles: () => listAllPages(page<WireArticle>("/articles"), perPage),
    listArticlesPage: (n) => page<WireArticle>("/articles")(n, perPage),
    getArticle: (articleId) => get<WireArticle>(`/articles/${id(articleId)}`),
    createArticle: (body: WireCreateArticleRequest) => call<WireArticle>("POST", "/articles", body),
    updateArticle: (articleId, body: WireUpdateArticleRequest) => call<WireArticle>("PUT", `/articles/${id(articleId)}`, body),
    deleteArticle: async (articleId) => {
      await call("DELETE", `/articles/${id(articleId)}`, undefined, { notFoundAfterRetryIsSuccess: true });
    },
    searchArticles: (query) => searchAllArticles(get, query),
    stageArticleDraft: (articleId, body: WireUpdateArticleRequest) => call<WireArticle>("PUT", `/articles/${id(articleId)}/draft`, body),
    publishArticleDraft: (articleId, body) => call<WireArticle>("POST", `/articles/${id(articleId)}/draft/publish`, body),
    listRedirects: (helpCenterId) => listAllPages(page<WireRedirect>(`/help_center/help_centers/${id(helpCenterId)}/redirects`), perPage),
    createRedirect: (helpCenterId, body) => call<WireRedirect>("POST", `/help_center/help_centers/${id(helpCenterId)}/redirects`, body),
    deleteRedirect: async (helpCenterId, redirectId) => {
      await call("DELETE", `/help_center/help_centers/${id(helpCenterId)}/redirects/${id(redirectId)}`, undefined, { notFoundAfterRetryIsSuccess: true });
    },
    listAudiences: () => listAudiencePages(get),
    listTags: async () => (await get<{ data?: WireTag[] }>("/tags")).data ?? [],
    createTag: (name) => call<WireTag>("POST", "/tags", { name }),
    attachArticleTag: (articleId, tagId) => call<WireTag>("POST", `/articles/${id(articleId)}/tags`, { id: tagId }),
    detachArticleTag: async (articleId, tagId) => {
      await call("DELETE", `/articles/${id(articleId)}/tags/${id(tagId)}`, undefined, { notFoundAfterRetryIsSuccess: true });
    },
    listInternalArticles: () => listAllPages(page<WireInternalArticle>("/internal_articles"), perPage),
    createInternalArticle: (body: WireInternalArticleRequest) => call<WireInternalArticle>("POST", "/internal_articles", body),
    updateInternalArticle: (articleId, body: WireInternalArticleRequest) => call<WireInternalArticle>("PUT", `/internal_articles/${id(articleId)}`, body),
    deleteInternalArticle: async (articleId) => {
      await call("DELETE", `/internal_articles/${id(articleId)}`, undefined, { notFoundAfterRetryIsSuccess: true });
    },
  };
}

/** Most audiences per page (2.16 `GET /audiences`: maximum 50). */
const AUDIENCE_PAGE_SIZE = 50;

/**
 * Every audience. The 2.16 `audience_list` says its pages at the top level (`page`, `total_pages`),
 * not under `pages` as the other lists do; read as one of those, it is paged like them.
 */
function listAudiencePages(get: <T>(path: string) => Promise<T>): Promise<WireAudience[]> {
  return listAllPages(async (n, size) => {
    const page = await get<{ data?: WireAudience[]; total_count?: number; total_pages?: number }>(`/audiences?page=${n}&per_page=${size}`);
    return { data: page.data ?? [], ...(page.total_count === undefined ? {} : { total_count: page.total_count }), pages: { total_pages: page.total_pages ?? 1 } };
  }, AUDIENCE_PAGE_SIZE);
}

interface SearchPage {
  data?: { articles?: WireArticle[] };
  pages?: { next?: { starting_after?: string | null } | null } | null;
}

async function searchAllArticles(
  get: <T>(path: string) => Promise<T>,
  query: { phrase: string; helpCenterId?: string; state?: string },
): Promise<WireArticle[]> {
  const params = new URLSearchParams({ phrase: query.phrase });
  if (query.helpCenterId !== undefined) params.set("help_center_id", query.helpCenterId);
  if (query.state !== undefined) params.set("state", query.state);
  const byId = new Map<string, WireArticle>();
  for (let n = 0; n < MAX_SEARCH_PAGES; n += 1) {
    const result = await get<SearchPage>(`/articles/search?${params.toString()}`);
    for (const article of result.data?.articles ?? []) byId.set(String(article.id), article);
    const cursor = result.pages?.next?.starting_after;
    if (!cursor) break;
    params.set("starting_after", cursor);
  }
  return [...byId.values()];
}

function expectObject<T>(body: unknown, method: HttpMethod, path: string): T {
  if (body === null || typeof body !== "object") throw unexpectedResponse(method, path, "no JSON object");
  return body as T;
}

function expectList<T>(body: PageOf<T>, path: string): PageOf<T> {
  if (!Array.isArray(body.data)) throw unexpectedResponse("GET", path, "no `data` array");
  return body;
}

function unexpectedResponse(method: HttpMethod, path: string, what: string): SyncError {
  return new SyncError("api/unexpected-response", { method, path, what });
}
