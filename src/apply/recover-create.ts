/**
 * Creates are the one write that is not idempotent: a POST whose response was lost (5xx after the
 * write, a timeout, a dropped connection) may or may not have created the item. Before retrying,
 * look for it, so a lost response never leads to a duplicate.
 */
import type { WireArticle, WireCollection, WireCreateArticleRequest, WireCreateCollectionRequest } from "../intercom/wire.js";
import { SyncError } from "../errors/sync-error.js";
import type { IntercomApi } from "../remote/api.js";

/** True for an error whose request may have taken effect (the client sets `outcomeUnknown`). */
export function isOutcomeUnknown(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { outcomeUnknown?: unknown }).outcomeUnknown === true;
}

/**
 * True when the client gave up waiting: unlike a dropped connection or a 5xx, Intercom may still be
 * working on the request, so an item not listed yet may appear later.
 */
function isTimeout(error: unknown): boolean {
  const { status, networkCode } = error as { status?: unknown; networkCode?: unknown };
  return status === null && typeof networkCode === "string" && networkCode.includes("TIMEOUT");
}

/**
 * After a lost create that could not be found: a timed-out one is not sent again in this run (a
 * second copy could land next to the first), so the next push adopts it or creates it. Any other
 * failure (a 5xx answer, a connection that dropped) is over on Intercom's side: one more try.
 */
async function retryUnlessPending<T>(error: unknown, what: string, create: () => Promise<T>): Promise<Recovered<T>> {
  if (isTimeout(error)) {
    throw new SyncError("apply/create-pending", { what }, { cause: error });
  }
  return { response: await create(), recovered: false };
}

export interface Recovered<T> {
  response: T;
  /** True when the response was lost and the item was found by listing. */
  recovered: boolean;
}

function contentTitles(item: WireArticle): string[] {
  const titles = [item.title];
  for (const [locale, content] of Object.entries(item.translated_content ?? {})) {
    if (locale !== "type" && content !== null && typeof content === "object") titles.push(content.title);
  }
  return titles;
}

/** The newest of `candidates` (ids are increasing in Intercom; created_at breaks ties the same way). */
function newest<T extends { id: string; created_at: number }>(candidates: T[]): T | undefined {
  return [...candidates].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id))[0];
}

/**
 * POST an article; if the outcome is unknown, find an article with the same parent and title that
 * no lock entry owns (so this run created it), else retry the create once (see retryUnlessPending).
 */
export async function createArticleOnce(
  api: IntercomApi,
  request: WireCreateArticleRequest,
  ownedIds: () => ReadonlySet<string>,
): Promise<Recovered<WireArticle>> {
  try {
    return { response: await api.createArticle(request), recovered: false };
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    const owned = ownedIds();
    const parent = request.parent_id === undefined ? null : request.parent_id;
    const found = newest(
      (await api.listArticles()).filter(
        (a) => !owned.has(a.id) && (a.parent_ids[0] ?? null) === parent && contentTitles(a).includes(request.title),
      ),
    );
    if (found !== undefined) return { response: found, recovered: true };
    return retryUnlessPending(error, `article "${request.title}"`, () => api.createArticle(request));
  }
}

/** Same as {@link createArticleOnce} for a collection: matched by parent and name. */
export async function createCollectionOnce(
  api: IntercomApi,
  request: WireCreateCollectionRequest,
  ownedIds: () => ReadonlySet<string>,
): Promise<Recovered<WireCollection>> {
  try {
    return { response: await api.createCollection(request), recovered: false };
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    const owned = ownedIds();
    const parent = request.parent_id ?? null;
    const found = newest(
      (await api.listCollections()).filter((c) => !owned.has(c.id) && (c.parent_id ?? null) === parent && c.name === request.name),
    );
    if (found !== undefined) return { response: found, recovered: true };
    return retryUnlessPending(error, `collection "${request.name}"`, () => api.createCollection(request));
  }
}
