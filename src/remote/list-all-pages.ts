import pLimit from "p-limit";

/**
 * Items per page asked of list endpoints: the most Intercom's list endpoints return per page (a
 * larger `per_page` is capped there), so a listing costs as few requests as it can.
 */
export const DEFAULT_PAGE_SIZE = 150;
/** Pages fetched at once after the first one told how many there are. */
export const PAGE_CONCURRENCY = 4;
/** Full listings tried while the de-duplicated count falls short of `total_count`. */
export const MAX_LISTING_PASSES = 2;
/**
 * Times a listing starts over from page 1 after a page failed for good (each page already had its
 * retries): the pages read so far may be from before a change, so none of them is kept.
 */
export const MAX_LISTING_RESTARTS = 1;

/** The part of a list response paging needs; `pages` may be absent on unpaged lists. */
export interface PageOf<T> {
  data: T[];
  total_count?: number;
  pages?: { total_pages?: number } | null;
}

/**
 * Every item of a paged list, by `page`/`per_page` until `pages.total_pages`.
 * Intercom orders lists by `updated_at` descending, so an item edited while paging jumps to page 1:
 * it shows up twice (kept once, by id) or, if it jumped over the page being read, not at all. When
 * the result is short of `total_count`, the listing is read again and merged, a bounded number of
 * times. A later page that fails after its retries starts the listing over, once, from nothing
 * (a first page that fails is only its own request again: its retries were spent already).
 */
export async function listAllPages<T extends { id: string }>(
  fetchPage: (page: number, perPage: number) => Promise<PageOf<T>>,
  perPage = DEFAULT_PAGE_SIZE,
): Promise<T[]> {
  for (let restart = 0; ; restart += 1) {
    try {
      return await readListing(fetchPage, perPage);
    } catch (error) {
      if (!(error instanceof BrokenListing)) throw error;
      if (restart >= MAX_LISTING_RESTARTS) throw error.cause;
    }
  }
}

/** A listing that failed after its first page. */
class BrokenListing {
  constructor(readonly cause: unknown) {}
}

async function readListing<T extends { id: string }>(
  fetchPage: (page: number, perPage: number) => Promise<PageOf<T>>,
  perPage: number,
): Promise<T[]> {
  const byId = new Map<string, T>();
  for (let pass = 0; pass < MAX_LISTING_PASSES; pass += 1) {
    const totalCount = await readListingOnce(fetchPage, perPage, byId);
    if (totalCount === null || byId.size >= totalCount) break;
  }
  return [...byId.values()];
}

async function readListingOnce<T extends { id: string }>(
  fetchPage: (page: number, perPage: number) => Promise<PageOf<T>>,
  perPage: number,
  byId: Map<string, T>,
): Promise<number | null> {
  const first = await fetchPage(1, perPage);
  const pages = [first];
  const totalPages = first.pages?.total_pages ?? 1;
  if (totalPages > 1) {
    const limit = pLimit(PAGE_CONCURRENCY);
    const rest = Array.from({ length: totalPages - 1 }, (_, i) => limit(() => fetchPage(i + 2, perPage)));
    // Every page settles before a failure is passed on, so no request of this listing is still
    // running when it starts over.
    const settled = await Promise.allSettled(rest);
    for (const result of settled) {
      if (result.status === "rejected") throw new BrokenListing(result.reason);
      pages.push(result.value);
    }
  }
  for (const page of pages) {
    for (const item of page.data) {
      const id = String(item.id);
      const seen = byId.get(id);
      // Of two copies, keep the most recently updated: it is what Intercom holds now.
      if (!seen || readUpdatedAt(item) >= readUpdatedAt(seen)) byId.set(id, item);
    }
  }
  const counts = pages.map((p) => p.total_count).filter((n): n is number => typeof n === "number");
  return counts.length > 0 ? Math.max(...counts) : null;
}

function readUpdatedAt(item: object): number {
  const value = (item as { updated_at?: unknown }).updated_at;
  return typeof value === "number" ? value : 0;
}
