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
  WireCreateRedirectRequest,
  WirePublishDraftRequest,
  WireRedirect,
  WireUpdateArticleRequest,
  WireUpdateCollectionRequest,
} from "../intercom/wire.js";
import type { PageOf } from "./list-all-pages.js";

/**
 * The Help Center endpoints the sync needs, one method each. `createIntercomClient` implements it
 * over HTTP (auth, paging, pacing, retries); tests may implement it in memory.
 * Ids are strings on this side; the implementation converts them at the edge where the API wants
 * integers. Every method rejects with an `IntercomApiError` (src/remote/errors.ts) on failure.
 */
export interface IntercomApi {
  me(): Promise<WireAdmin>;
  listAdmins(): Promise<WireAdmin[]>;
  listHelpCenters(): Promise<WireHelpCenter[]>;
  getHelpCenter(id: string): Promise<WireHelpCenter>;
  /** Every page, until `total_pages`. */
  listCollections(): Promise<WireCollection[]>;
  /**
   * One page of the collections, most recently updated first (Intercom lists by `updated_at`
   * descending), so a look for something just created reads only the first pages. Optional: an
   * implementation without it is read whole.
   */
  listCollectionsPage?(page: number): Promise<PageOf<WireCollection>>;
  getCollection(id: string): Promise<WireCollection>;
  createCollection(body: WireCreateCollectionRequest): Promise<WireCollection>;
  updateCollection(id: string, body: WireUpdateCollectionRequest): Promise<WireCollection>;
  deleteCollection(id: string): Promise<void>;
  /** Every page, until `total_pages`. */
  listArticles(): Promise<WireArticle[]>;
  /** One page of the articles, most recently updated first (see listCollectionsPage). */
  listArticlesPage?(page: number): Promise<PageOf<WireArticle>>;
  getArticle(id: string): Promise<WireArticle>;
  createArticle(body: WireCreateArticleRequest): Promise<WireArticle>;
  updateArticle(id: string, body: WireUpdateArticleRequest): Promise<WireArticle>;
  deleteArticle(id: string): Promise<void>;
  searchArticles(query: { phrase: string; helpCenterId?: string; state?: string }): Promise<WireArticle[]>;
  /**
   * `PUT /articles/{id}/draft`: stages text on a published article; readers keep the live version.
   * Optional so that in-memory implementations need not stage; callers check for it.
   */
  stageArticleDraft?(id: string, body: WireUpdateArticleRequest): Promise<WireArticle>;
  /** `POST /articles/{id}/draft/publish`; `locales` is required on a multilingual workspace. */
  publishArticleDraft?(id: string, body: WirePublishDraftRequest | undefined): Promise<WireArticle>;
  /** Every redirect of a help center, every page. */
  listRedirects?(helpCenterId: string): Promise<WireRedirect[]>;
  createRedirect?(helpCenterId: string, body: WireCreateRedirectRequest): Promise<WireRedirect>;
  deleteRedirect?(helpCenterId: string, id: string): Promise<void>;
  /**
   * How many requests the client lets be in flight now (it adapts to the latency and the rate
   * limit). Callers that queue work of different urgency keep no more than this under way, so
   * their own queue, not the client's, decides what goes next. Optional: in-memory
   * implementations have no limit.
   */
  inFlightLimit?(): number;
  /** `GET /audiences`, every page. Asked only when some file names an audience. */
  listAudiences?(): Promise<WireAudience[]>;
  /** `GET /tags`: the workspace's tags. Asked only when some file names a tag. */
  listTags?(): Promise<WireTag[]>;
  /** `POST /tags` with a name: creates the tag (or answers the existing one of that name). */
  createTag?(name: string): Promise<WireTag>;
  /** `POST /articles/{id}/tags`: applies an existing tag. */
  attachArticleTag?(articleId: string, tagId: string): Promise<WireTag>;
  /** `DELETE /articles/{id}/tags/{tag_id}`. */
  detachArticleTag?(articleId: string, tagId: string): Promise<void>;
  /** `GET /internal_articles`, every page. Asked only when the tree has internal articles or the lock owns some. */
  listInternalArticles?(): Promise<WireInternalArticle[]>;
  createInternalArticle?(body: WireInternalArticleRequest): Promise<WireInternalArticle>;
  updateInternalArticle?(id: string, body: WireInternalArticleRequest): Promise<WireInternalArticle>;
  deleteInternalArticle?(id: string): Promise<void>;
}
