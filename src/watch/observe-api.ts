import type { IntercomApi } from "../remote/api.js";
import type { RemoteWrite } from "./fold-writes.js";

export interface ApiWriteObserver {
  /** A write was answered. */
  onWrite(write: RemoteWrite, method: "create" | "update" | "delete"): void;
  /** A write failed, or its outcome is unknown: what the session knows of the remote may be stale. */
  onWriteError(error: unknown, kind: "article" | "collection"): void;
  /** A write the fold cannot follow (tags change an article without answering it): list again next run. */
  onUnfolded?(): void;
}

function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 404;
}

/**
 * The same API, reporting every write's answer, so the watcher can keep its copy of the remote
 * current without listing it again. Reads pass straight through.
 */
export function observeApi(api: IntercomApi, observer: ApiWriteObserver): IntercomApi {
  async function observe<T>(kind: "article" | "collection", call: () => Promise<T>, done: (value: T) => void): Promise<T> {
    try {
      const value = await call();
      done(value);
      return value;
    } catch (error) {
      observer.onWriteError(error, kind);
      throw error;
    }
  }
  /** Tag writes answer with the tag, not the article: the session's copy is listed again next run. */
  const unfolded = <A extends unknown[], T>(call: ((...args: A) => Promise<T>) | undefined): ((...args: A) => Promise<T>) | undefined =>
    call === undefined
      ? undefined
      : async (...args: A) => {
          try {
            return await call(...args);
          } finally {
            observer.onUnfolded?.();
          }
        };
  const settings: Partial<IntercomApi> = {};
  if (api.listAudiences) settings.listAudiences = api.listAudiences.bind(api);
  if (api.listTags) settings.listTags = api.listTags.bind(api);
  const createTag = unfolded(api.createTag?.bind(api));
  if (createTag) settings.createTag = createTag;
  const attach = unfolded(api.attachArticleTag?.bind(api));
  if (attach) settings.attachArticleTag = attach;
  const detach = unfolded(api.detachArticleTag?.bind(api));
  if (detach) settings.detachArticleTag = detach;
  return {
    ...settings,
    me: () => api.me(),
    listAdmins: () => api.listAdmins(),
    listHelpCenters: () => api.listHelpCenters(),
    getHelpCenter: (id) => api.getHelpCenter(id),
    listCollections: () => api.listCollections(),
    getCollection: (id) => api.getCollection(id),
    listArticles: () => api.listArticles(),
    getArticle: (id) => api.getArticle(id),
    searchArticles: (query) => api.searchArticles(query),
    createCollection: (body) =>
      observe("collection", () => api.createCollection(body), (response) => observer.onWrite({ kind: "collection", response }, "create")),
    updateCollection: (id, body) =>
      observe("collection", () => api.updateCollection(id, body), (response) => observer.onWrite({ kind: "collection", response }, "update")),
    createArticle: (body) =>
      observe("article", () => api.createArticle(body), (response) => observer.onWrite({ kind: "article", response }, "create")),
    updateArticle: (id, body) =>
      observe("article", () => api.updateArticle(id, body), (response) => observer.onWrite({ kind: "article", response }, "update")),
    // A delete answered 404 is gone either way, which is what the fold needs to know.
    deleteCollection: (id) =>
      observe(
        "collection",
        () => api.deleteCollection(id).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error))),
        () => observer.onWrite({ kind: "collection-deleted", id }, "delete"),
      ),
    deleteArticle: (id) =>
      observe(
        "article",
        () => api.deleteArticle(id).catch((error: unknown) => (isNotFound(error) ? undefined : Promise.reject(error))),
        () => observer.onWrite({ kind: "article-deleted", id }, "delete"),
      ),
  };
}
