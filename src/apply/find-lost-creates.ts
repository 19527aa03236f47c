/**
 * Finds creates whose response was lost, many at a time. A lost create waits ("parks"), its slot
 * given back, until as many are parked as requests may be in flight, or nothing else of the level
 * is left to run; then one look at Intercom serves all of them. The look reads only the head of
 * the list: Intercom lists articles and collections by `updated_at` descending ("we'll show the
 * most recently updated articles first",
 * https://developers.intercom.com/docs/references/2.16/rest-api/api.intercom.io/articles, and the
 * same for collections in the 2.16 OpenAPI), so anything created after a given moment sits above
 * every item last changed before it.
 */
import type { WireArticle, WireCollection } from "../intercom/wire.js";
import type { IntercomApi } from "../remote/api.js";
import type { Slots } from "./slots.js";

/**
 * Seconds subtracted from the floor before the head of a list counts as read: `updated_at` comes
 * in whole seconds from many servers, whose clocks may differ a little.
 */
export const CLOCK_MARGIN_S = 2;

export type LostKind = "article" | "collection";

/** What identifies the item a lost create would have made: same parent, same title (or name). */
export interface LostCreate {
  kind: LostKind;
  /** As sent: Intercom takes (and answers with) numbers or strings here, so it is compared as text. */
  parentId: string | number | null;
  title: string;
  /**
   * The latest `updated_at` (seconds) Intercom had reported before the create was sent, or null
   * when nothing was known: the item, if created, has a later one.
   */
  floor: number | null;
}

type Found = WireArticle | WireCollection;

interface Parked {
  lost: LostCreate;
  resolve: (found: Found | undefined) => void;
  reject: (error: unknown) => void;
}

/** Counts of one run's recovery work, for the summary. */
export interface RecoveryStats {
  /** Creates whose outcome was unknown (each failed attempt counts). */
  lost: number;
  /** Of those, found in Intercom and adopted instead of sent again. */
  found: number;
  /** Creates sent again after a look found nothing. */
  resent: number;
  /** Requests (list pages) spent looking. */
  requests: number;
  /** Looks made; each served every create parked at that moment. */
  looks: number;
}

export interface LostCreateFinder {
  /** Resolves with the item once a look has been made after this call, or undefined if none matched. */
  find(lost: LostCreate): Promise<Found | undefined>;
  /** An item of the level started or finished running (parked ones count as running). */
  setRunning(delta: number): void;
  /** Learns Intercom's time from any `updated_at` it reported. */
  noteServerTime(updatedAt: number | undefined): void;
  /** The floor for a create sent now. */
  serverTime(): number | null;
  readonly stats: RecoveryStats;
}

export interface FinderDeps {
  api: IntercomApi;
  /** A look takes a slot like any request of the level. */
  slots: Slots;
  /** Lost creates that make a look start at once. */
  concurrency: number;
  /** Ids some lock entry owns right now: never a lost create's. */
  ownedIds: (kind: LostKind) => ReadonlySet<string>;
  /** Latest `updated_at` of the remote state read before the run, if any. */
  serverTime?: number | null;
}

function asText(id: string | number | null | undefined): string | null {
  return id === null || id === undefined ? null : String(id);
}

function parentOf(item: Found, kind: LostKind): string | null {
  if (kind === "collection") return asText((item as WireCollection).parent_id);
  return asText((item as WireArticle).parent_ids[0]);
}

function titlesOf(item: Found, kind: LostKind): string[] {
  if (kind === "collection") return [(item as WireCollection).name];
  const article = item as WireArticle;
  const titles = [article.title];
  for (const [locale, content] of Object.entries(article.translated_content ?? {})) {
    if (locale !== "type" && content !== null && typeof content === "object") titles.push(content.title);
  }
  return titles;
}

/** The newest of `candidates` (ids are increasing in Intercom; created_at breaks ties the same way). */
function newest<T extends { id: string; created_at: number }>(candidates: T[]): T | undefined {
  return [...candidates].sort((a, b) => b.created_at - a.created_at || Number(b.id) - Number(a.id))[0];
}

export function createLostCreateFinder(deps: FinderDeps): LostCreateFinder {
  const stats: RecoveryStats = { lost: 0, found: 0, resent: 0, requests: 0, looks: 0 };
  let parked: Parked[] = [];
  let running = 0;
  let looking = false;
  let latest: number | null = deps.serverTime ?? null;

  function noteServerTime(updatedAt: number | undefined): void {
    if (typeof updatedAt === "number" && (latest === null || updatedAt > latest)) latest = updatedAt;
  }

  /** Reads the list from the top until it is past `floor` (everything when floor is null). */
  async function readHead(kind: LostKind, floor: number | null): Promise<Found[]> {
    const readPage = kind === "article" ? deps.api.listArticlesPage?.bind(deps.api) : deps.api.listCollectionsPage?.bind(deps.api);
    if (readPage === undefined) {
      stats.requests += 1;
      return kind === "article" ? deps.api.listArticles() : deps.api.listCollections();
    }
    const items: Found[] = [];
    for (let page = 1; ; page += 1) {
      stats.requests += 1;
      const result = await readPage(page);
      items.push(...result.data);
      const last = result.data.at(-1);
      const totalPages = result.pages?.total_pages ?? 1;
      if (page >= totalPages || last === undefined) break;
      // An item created after the floor sorts above `last`, so it was on a page already read.
      if (floor !== null && last.updated_at < floor - CLOCK_MARGIN_S) break;
    }
    return items;
  }

  async function look(batch: Parked[]): Promise<void> {
    stats.looks += 1;
    for (const kind of ["collection", "article"] as const) {
      const wanting = batch.filter((p) => p.lost.kind === kind);
      if (wanting.length === 0) continue;
      const floors = wanting.map((p) => p.lost.floor);
      const floor = floors.some((f) => f === null) ? null : Math.min(...(floors as number[]));
      let items: Found[];
      try {
        items = await readHead(kind, floor);
      } catch (error) {
        for (const p of wanting) p.reject(error);
        continue;
      }
      for (const item of items) noteServerTime(item.updated_at);
      const owned = deps.ownedIds(kind);
      const claimed = new Set<string>();
      for (const p of wanting) {
        const found = newest(
          items.filter(
            (item) =>
              !owned.has(String(item.id)) &&
              !claimed.has(String(item.id)) &&
              parentOf(item, kind) === asText(p.lost.parentId) &&
              titlesOf(item, kind).includes(p.lost.title),
          ),
        );
        if (found !== undefined) {
          claimed.add(String(found.id));
          stats.found += 1;
        }
        p.resolve(found);
      }
    }
  }

  function maybeLook(): void {
    // Parked creates hold no slot, so the level goes on while they gather: the look waits for as
    // many as requests may be in flight, unless nothing else is left to run.
    if (looking || parked.length === 0 || (parked.length < deps.concurrency && parked.length < running)) return;
    const batch = parked;
    parked = [];
    looking = true;
    void look(batch).finally(() => {
      looking = false;
      maybeLook();
    });
  }

  return {
    stats,
    find(lost) {
      stats.lost += 1;
      return new Promise<Found | undefined>((resolve, reject) => {
        parked.push({ lost, resolve, reject });
        maybeLook();
      });
    },
    setRunning(delta) {
      running += delta;
      maybeLook();
    },
    noteServerTime,
    serverTime: () => latest,
  };
}
